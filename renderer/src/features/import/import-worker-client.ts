import type { ImportResult } from '../../lib/import/import-problem.ts';
import type { ImportAnswer, ImportJobKind, ImportJobs, ImportRequest } from './import-messages.ts';

interface Pending {
  resolve: (result: ImportResult<never>) => void;
  reject: (error: Error) => void;
  onProgress: (fraction: number) => void;
}

/** The import worker, started on first use and kept (its catalogue and compiled code stay warm). */
export class ImportWorker {
  #worker: Worker | null = null;
  #next = 0;
  #pending = new Map<number, Pending>();

  /** Runs one job; bad input resolves as a result with a message, a crash of the worker rejects. */
  run<K extends ImportJobKind>(
    kind: K,
    input: ImportJobs[K]['input'],
    onProgress: (fraction: number) => void = () => {},
  ): Promise<ImportResult<ImportJobs[K]['output']>> {
    const worker = this.#start();
    const id = ++this.#next;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as Pending['resolve'], reject, onProgress });
      worker.postMessage({ id, kind, input } as ImportRequest);
    });
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ImportAnswer>) => {
      const answer = event.data;
      const pending = this.#pending.get(answer.id);
      if (!pending) return;
      if (answer.kind === 'progress') return pending.onProgress(answer.fraction);
      this.#pending.delete(answer.id);
      if (answer.kind === 'done') pending.resolve(answer.result as ImportResult<never>);
      else pending.reject(new Error(answer.message));
    };
    worker.onerror = (event) => {
      // A worker that fails to load or crashes fails every job it holds; the next job starts a new one.
      const error = new Error(event.message || 'import worker failed');
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
      worker.terminate();
      this.#worker = null;
    };
    this.#worker = worker;
    return worker;
  }
}
