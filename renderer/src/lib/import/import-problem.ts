import type { MessageKey } from '../i18n/dictionary.ts';
import { translate } from '../i18n/translate.ts';

/** Why an import was refused: a dictionary key and its values, so the UI can say it in either language. */
export interface ImportProblem {
  key: MessageKey;
  values: Record<string, string | number>;
  /** The Vietnamese message, for logs and the CLI. */
  message: string;
}

export type ImportResult<T> = { ok: true; value: T } | { ok: false; error: ImportProblem };

/** An import refused for a reason the user can act on; thrown inside readers, returned as a value at their edge. */
export class ImportError extends Error {
  readonly problem: ImportProblem;

  constructor(key: MessageKey, values: Record<string, string | number> = {}) {
    const message = translate('vi', key, values);
    super(message);
    this.name = 'ImportError';
    this.problem = { key, values, message };
  }
}

/** Runs a reader and turns an ImportError into a result; anything else is a bug and propagates. */
export async function asResult<T>(work: () => Promise<T>): Promise<ImportResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (cause) {
    if (cause instanceof ImportError) return { ok: false, error: cause.problem };
    throw cause;
  }
}

/** Megabytes with one decimal, vi-VN style (`50,0`). */
export function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toLocaleString('vi-VN', {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  });
}

/** The extension of a file name, lower-case, without the dot (`""` when there is none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}
