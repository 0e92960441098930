/** What went wrong in the data layer, as a value that can cross any boundary. */
export type DbErrorCode = 'init' | 'load' | 'sql' | 'cancelled';

export interface DbError {
  code: DbErrorCode;
  /** The engine's own message, kept verbatim so nothing is lost in translation. */
  message: string;
  /** DuckDB's error class (Parser, Binder, Catalog, …) when the engine gave one. */
  kind?: string;
  /** Character offset of the error in the SQL text, when the engine gave one. */
  position?: number;
}

export type DbResult<T> = { ok: true; value: T } | { ok: false; error: DbError };

/** Wraps any thrown value as a DbError with the given code (cancellation is recognised by its message). */
export function toDbError(cause: unknown, code: DbErrorCode): DbError {
  const raw = cause instanceof Error ? cause.message : String(cause);
  if (/query was cancel+ed|interrupted/i.test(raw)) return { code: 'cancelled', message: raw };
  const structured = parseEngineError(raw);
  return structured ? { code, ...structured } : { code, message: raw };
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
