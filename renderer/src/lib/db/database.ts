import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { Table, type AsyncRecordBatchStreamReader, type RecordBatch } from 'apache-arrow';
import { toDbError, type DbResult } from './db-error.ts';

/** Creates an instantiated (not yet opened) AsyncDuckDB: the browser and Node differ only here. */
export type DuckDBConnector = () => Promise<AsyncDuckDB>;

export type SqlParam = string | number | boolean | null;

// No extension may be fetched: the product never touches the network, and a missing
// extension must fail fast instead of hanging (see STACK-NOTES: Parquet is not built in).
const OFFLINE_SETTINGS = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
];

/**
 * The one door to DuckDB-WASM: lazy one-time initialisation shared by concurrent callers,
 * queries returning Arrow tables, cancellation of the running query, errors as values.
 */
export class WorkbenchDatabase {
  #connector: DuckDBConnector;
  #opening: Promise<{ db: AsyncDuckDB; conn: AsyncDuckDBConnection }> | undefined;
  // Statements run one after another on the single connection; the tail is the last one queued.
  #tail: Promise<unknown> = Promise.resolve();
  #running = false;

  constructor(connector: DuckDBConnector) {
    this.#connector = connector;
  }

  /** Resolves once the engine is open; every caller shares the same initialisation. */
  async ready(): Promise<DbResult<void>> {
    try {
      await this.#open();
      return { ok: true, value: undefined };
    } catch (cause) {
      return { ok: false, error: toDbError(cause, 'init') };
    }
  }

  /** Runs one SQL statement (with `?` parameters bound as values) and returns its full result. */
  query(sql: string, params: readonly SqlParam[] = []): Promise<DbResult<Table>> {
    return this.#serialised(async (conn) => {
      if (params.length === 0) return collect(await conn.send(sql, true));
      const statement = await conn.prepare(sql);
      try {
        return collect(await statement.send(...params));
      } finally {
        await statement.close();
      }
    }, 'sql');
  }

  /** Runs one SQL statement and reads each row of its result with `read`. */
  async queryRows<T>(
    sql: string,
    params: readonly SqlParam[],
    read: (row: Record<string, unknown>) => T,
  ): Promise<DbResult<T[]>> {
    const result = await this.query(sql, params);
    return result.ok ? { ok: true, value: result.value.toArray().map((row) => read(row)) } : result;
  }

  /** Creates (or replaces) `schema.name` from an Arrow IPC stream. */
  loadArrowTable(name: string, ipcStream: Uint8Array, schema = 'main'): Promise<DbResult<void>> {
    return this.#serialised(async (conn) => {
      await conn.query(`DROP TABLE IF EXISTS ${quoteIdentifier(schema)}.${quoteIdentifier(name)}`);
      // The worker takes the buffer it is sent (transferred, then detached): send a copy.
      await conn.insertArrowFromIPCStream(ipcStream.slice(), { schema, name, create: true });
      // A stream that is not Arrow is accepted silently and creates nothing: prove the table exists.
      const lookup = await conn.prepare(
        'SELECT count(*) AS n FROM duckdb_tables() WHERE schema_name = ? AND table_name = ?',
      );
      const exists = await lookup.query(schema, name).finally(() => lookup.close());
      if (Number(exists.get(0)?.n) !== 1) throw new Error(`${name}: not a readable Arrow IPC stream`);
    }, 'load');
  }

  /** Makes bytes readable by SQL as the file `name` (for `read_csv`), until `dropFile(name)`. */
  registerFile(name: string, bytes: Uint8Array): Promise<DbResult<void>> {
    // The worker takes the buffer it is sent (transferred, then detached): send a copy.
    return this.#serialised(
      async () => (await this.#open()).db.registerFileBuffer(name, bytes.slice()),
      'load',
    );
  }

  /** Forgets a file registered with `registerFile`. */
  dropFile(name: string): Promise<DbResult<void>> {
    return this.#serialised(async () => {
      await (await this.#open()).db.dropFile(name);
    }, 'load');
  }

  /** Asks the engine to stop the running query; true when one was running. */
  async cancel(): Promise<boolean> {
    if (!this.#running || !this.#opening) return false;
    const { conn } = await this.#opening;
    return conn.cancelSent();
  }

  /** Releases the engine and its worker. */
  async close(): Promise<void> {
    if (!this.#opening) return;
    const opening = this.#opening;
    this.#opening = undefined;
    const { db, conn } = await opening.catch(() => ({ db: undefined, conn: undefined }));
    await conn?.close();
    await db?.terminate();
  }

  #open(): Promise<{ db: AsyncDuckDB; conn: AsyncDuckDBConnection }> {
    this.#opening ??= (async () => {
      const db = await this.#connector();
      await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
      const conn = await db.connect();
      for (const setting of OFFLINE_SETTINGS) await conn.query(setting);
      return { db, conn };
    })();
    // A failed start may be retried by the next caller.
    this.#opening.catch(() => (this.#opening = undefined));
    return this.#opening;
  }

  #serialised<T>(
    work: (conn: AsyncDuckDBConnection) => Promise<T>,
    code: 'sql' | 'load',
  ): Promise<DbResult<T>> {
    const run = this.#tail.then(async (): Promise<DbResult<T>> => {
      let conn: AsyncDuckDBConnection;
      try {
        conn = (await this.#open()).conn;
      } catch (cause) {
        return { ok: false, error: toDbError(cause, 'init') };
      }
      this.#running = true;
      try {
        return { ok: true, value: await work(conn) };
      } catch (cause) {
        return { ok: false, error: toDbError(cause, code) };
      } finally {
        this.#running = false;
      }
    });
    this.#tail = run;
    return run;
  }
}

async function collect(reader: AsyncRecordBatchStreamReader): Promise<Table> {
  const batches: RecordBatch[] = [];
  for await (const batch of reader) batches.push(batch);
  // An empty result still has columns: keep the schema so the grid can show them.
  return batches.length > 0 ? new Table(batches) : new Table(reader.schema);
}

/** Quotes an SQL identifier, doubling embedded quotes (Vietnamese names may contain them). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
