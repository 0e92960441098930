import type { SqlParam, WorkbenchDatabase } from '../../renderer/src/lib/db/database.ts';

/** The real database, with the answer to chosen queries held back until released. */
export interface HeldDatabase {
  db: WorkbenchDatabase;
  /** Holds the answers of the queries whose SQL or parameters match, until `release()`. */
  hold(matches: (sql: string, params: readonly SqlParam[]) => boolean): void;
  release(): void;
}

/**
 * Wraps a real database so a race can be staged on the real engine: the query runs in DuckDB as
 * usual, only its answer reaches the caller late, after a newer request has been answered.
 */
export function heldDatabase(real: WorkbenchDatabase): HeldDatabase {
  let matches: ((sql: string, params: readonly SqlParam[]) => boolean) | null = null;
  let release = (): void => {};
  let gate = Promise.resolve();
  const query: WorkbenchDatabase['query'] = async (sql, params = []) => {
    const held = matches?.(sql, params) ?? false;
    const answer = await real.query(sql, params);
    if (held) await gate;
    return answer;
  };
  const db = new Proxy(real, {
    get(target, property) {
      if (property === 'query') return query;
      if (property === 'queryRows')
        return (async (sql, params, read) => {
          const result = await query(sql, params);
          return result.ok ? { ok: true, value: result.value.toArray().map((row) => read(row)) } : result;
        }) satisfies WorkbenchDatabase['queryRows'];
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    db,
    hold(predicate) {
      matches = predicate;
      gate = new Promise<void>((resolve) => (release = resolve));
    },
    release() {
      matches = null;
      release();
    },
  };
}
