/** What went wrong in the data layer, as a value that can cross any boundary. */
export type DbErrorCode = 'init' | 'load' | 'sql' | 'cancelled' | 'dead';

export interface DbError {
  code: DbErrorCode;
  /** The engine's own message, kept verbatim so nothing is lost in translation. */
  message: string;
  /** DuckDB's error class (Parser, Binder, Catalog, …) when the engine gave one. */
  kind?: string;
  /** Character offset of the error in the SQL text, when the engine gave one. */
  position?: number;
  /** What the user can do instead, when the engine refused something the workbench forbids. */
  advice?: DbAdvice;
  /** A load refused before the engine ran out: what it needed and what was left, in bytes. */
  memory?: { neededBytes: number; availableBytes: number };
}

/**
 * Why the workbench refuses a statement, each with its own explanation in the dictionary
 * (`sql.advice.<advice>`): files go through the export buttons, extensions cannot be fetched
 * offline, the offline settings are fixed, the app's own catalogue cannot be changed, and the
 * engine ran out of memory (nothing was returned, so no count is silently short).
 */
export type DbAdvice = 'files' | 'extension' | 'settings' | 'catalogue' | 'memory';

// Recognised by the engine's own wording (DuckDB 1.4), most specific first.
const ADVICE_PATTERNS: readonly [RegExp, DbAdvice][] = [
  [/file system operations are disabled by configuration|Cannot access (?:file|directory)/i, 'files'],
  [
    /exists in the \w+ extension|extensions? is disabled|Extension .* not found|install(?:ing)? .*extension/i,
    'extension',
  ],
  [/configuration has been locked|Cannot change enable_external_access/i, 'settings'],
  [/attached in read-only mode|Cannot (?:drop|alter|create) .*(?:internal|system)/i, 'catalogue'],
  [
    // "could not allocate block": a write that ran out of memory while committing (an insert).
    /Out of Memory|failed to allocate|could not allocate|memory access out of bounds|Array buffer allocation failed/i,
    'memory',
  ],
];

// DuckDB's advice to INSTALL or auto-load an extension cannot work offline: it is cut off.
const INSTALL_ADVICE =
  /\s*(?:Please try installing and loading|Alternatively, consider enabling auto-install)[\s\S]*$/;

export type DbResult<T> = { ok: true; value: T } | { ok: false; error: DbError };

/** The engine's worker is gone (crashed, aborted, terminated): nothing will answer until a restart. */
export class EngineDiedError extends Error {
  constructor(why: string) {
    super(`The DuckDB engine stopped (${why}); restart it to go on`);
    this.name = 'EngineDiedError';
  }
}

/** Wraps any thrown value as a DbError with the given code (cancellation is recognised by its message). */
export function toDbError(cause: unknown, code: DbErrorCode): DbError {
  if (cause instanceof EngineDiedError) return { code: 'dead', message: cause.message };
  const raw = cause instanceof Error ? cause.message : String(cause);
  if (/query was cancel+ed|interrupted/i.test(raw)) return { code: 'cancelled', message: raw };
  const structured = parseEngineError(raw) ?? { message: raw };
  const advice = ADVICE_PATTERNS.find(([pattern]) => pattern.test(structured.message))?.[1];
  if (!advice) return { code, ...structured };
  return { code, ...structured, message: structured.message.replace(INSTALL_ADVICE, ''), advice };
}

// DuckDB 1.4 reports some errors as a JSON object instead of plain text.
function parseEngineError(raw: string): Omit<DbError, 'code'> | null {
  if (!raw.startsWith('{')) return null;
  try {
    const json = JSON.parse(raw) as Record<string, unknown>;
    if (typeof json.exception_message !== 'string') return null;
    const kind = typeof json.exception_type === 'string' ? json.exception_type : undefined;
    const position = Number(json.position);
    return {
      message: kind ? `${kind} Error: ${json.exception_message}` : json.exception_message,
      ...(kind ? { kind } : {}),
      ...(Number.isInteger(position) ? { position } : {}),
    };
  } catch {
    return null;
  }
}
