import type { DbAdvice, DbError } from '../db/db-error.ts';
import { ImportError, megabytes, type ImportProblem } from './import-problem.ts';

/** Why the workspace did not take imported rows, in the user's words: memory has its own message. */
export function loadProblem(error: {
  message: string;
  advice?: DbAdvice | null;
  memory?: DbError['memory'] | null;
}): ImportProblem {
  if (error.memory) {
    const { neededBytes, availableBytes } = error.memory;
    return new ImportError('importArea.tooLargeForMemory', {
      needed: megabytes(neededBytes),
      available: megabytes(availableBytes),
    }).problem;
  }
  if (error.advice === 'memory') return new ImportError('importArea.outOfMemory').problem;
  return new ImportError('importArea.loadFailed', { detail: error.message }).problem;
}
