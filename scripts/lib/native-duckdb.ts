import { createRequire } from 'node:module';
import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import type {
  DuckDBAppender,
  DuckDBConnection,
  DuckDBInstance,
  DuckDBPreparedStatement,
  DuckDBType,
} from '@duckdb/node-api';
import { Table, tableFromIPC, type RecordBatch, type Schema } from 'apache-arrow';
import type { DuckDBConnector, SqlParam } from '../../renderer/src/lib/db/database.ts';
import { qualified } from '../../renderer/src/lib/db/sql.ts';
import { columnValues, recordBatchOf, sqlTypeOf } from './native-arrow.ts';

/** Loads @duckdb/node-api; it throws when this platform's native bindings are missing. */
export type NativeModuleLoader = () => Promise<typeof import('@duckdb/node-api')>;

// By require: imported as an ES module, Node scans each of the package's CommonJS files for its
// export names first (about 50 ms of CPU a run).
const loadNodeApi: NativeModuleLoader = async () =>
  createRequire(import.meta.url)('@duckdb/node-api') as NodeApi;

// DuckDB-WASM's in-memory database is the catalogue "memory"; a native ':memory:' one is too.
const CATALOG = 'memory';

type NodeApi = typeof import('@duckdb/node-api');

// What WorkbenchDatabase reads from a result stream: its batches and, when there are none, its schema.
interface BatchStream extends AsyncIterable<RecordBatch> {
  schema: Schema;
}

/**
 * The native DuckDB engine (@duckdb/node-api, the same DuckDB version as the WASM build) behind
 * the part of AsyncDuckDB that WorkbenchDatabase uses: open, connect, query, send, prepare,
 * insertArrowFromIPCStream, cancel, close. Results come back as the Arrow record batches the WASM
 * engine streams (BIGINT and DECIMAL as doubles, as the app opens it), so the app's own code —
 * Workspace, the meaning layer's views and macros, the report queries — runs unchanged, with the
 * same SQL, on either engine.
 */
export function nativeConnector(load: NativeModuleLoader = loadNodeApi): DuckDBConnector {
  return async () => {
    const api = await load();
    // Fails here, before any work, when the module loads but its engine cannot start.
    const probe = await api.DuckDBInstance.create(':memory:');
    probe.closeSync();
    return new NativeDuckDB(api) as unknown as AsyncDuckDB;
  };
}

class NativeDuckDB {
  #api: NodeApi;
  #instance: DuckDBInstance | null = null;
  #connections: NativeConnection[] = [];

  constructor(api: NodeApi) {
    this.#api = api;
  }

  /** A fresh in-memory database, as AsyncDuckDB.open makes one (what was there before is gone). */
  async open(): Promise<void> {
    this.#closeAll();
    this.#instance = await this.#api.DuckDBInstance.create(':memory:');
  }

  async connect(): Promise<NativeConnection> {
    if (!this.#instance) throw new Error('native DuckDB: open() before connect()');
    const connection = new NativeConnection(this.#api, await this.#instance.connect());
    this.#connections.push(connection);
    return connection;
  }

  async terminate(): Promise<void> {
    this.#closeAll();
  }

  #closeAll(): void {
    for (const connection of this.#connections) connection.closeNow();
    this.#connections = [];
    this.#instance?.closeSync();
    this.#instance = null;
  }
}

class NativeConnection {
  #api: NodeApi;
  #connection: DuckDBConnection | null;
  #running = 0;

  constructor(api: NodeApi, connection: DuckDBConnection) {
    this.#api = api;
    this.#connection = connection;
  }

  async query(sql: string): Promise<Table> {
    return new Table([await this.#runAll(sql)]);
  }

  /** Runs every statement of `sql` (as DuckDB-WASM does) and streams the last one's result. */
  async send(sql: string): Promise<BatchStream> {
    return streamOf(await this.#runAll(sql));
  }

  async prepare(sql: string): Promise<NativeStatement> {
    return new NativeStatement(this.#api, await this.#open().prepare(sql), (work) => this.#tracked(work));
  }

  /** Creates `schema.name` from an Arrow IPC stream with the column types DuckDB-WASM would give it. */
  async insertArrowFromIPCStream(
    bytes: Uint8Array,
    options: { schema?: string; name: string; create?: boolean },
  ): Promise<void> {
    const table = tableFromIPC(bytes);
    const schema = options.schema ?? 'main';
    const target = qualified(CATALOG, schema, options.name);
    if (options.create !== false) {
      const columns = table.schema.fields.map((field) => `${qualified(field.name)} ${sqlTypeOf(field.type)}`);
      await this.#open().run(`CREATE TABLE ${target} (${columns.join(', ')})`);
    }
    const appender = await this.#open().createAppender(options.name, schema, CATALOG);
    try {
      appendRows(appender, table);
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }

  /** Interrupts the running statement; true when one was running. */
  async cancelSent(): Promise<boolean> {
    if (this.#running === 0 || !this.#connection) return false;
    this.#connection.interrupt();
    return true;
  }

  async close(): Promise<void> {
    this.closeNow();
  }

  closeNow(): void {
    this.#connection?.closeSync();
    this.#connection = null;
  }

  async #runAll(sql: string): Promise<RecordBatch> {
    return this.#tracked(async () => {
      const statements = await this.#open().extractStatements(sql);
      if (statements.count === 0) throw new Error('No statements to execute');
      let last: RecordBatch | undefined;
      for (let index = 0; index < statements.count; index++) {
        const prepared = await statements.prepare(index);
        try {
          last = recordBatchOf(await prepared.runAndReadAll());
        } finally {
          prepared.destroySync();
        }
      }
      return last!;
    });
  }

  async #tracked<T>(work: () => Promise<T>): Promise<T> {
    this.#running++;
    try {
      return await work();
    } finally {
      this.#running--;
    }
  }

  #open(): DuckDBConnection {
    if (!this.#connection) throw new Error('native DuckDB: the connection is closed');
    return this.#connection;
  }
}

class NativeStatement {
  #api: NodeApi;
  #statement: DuckDBPreparedStatement;
  #tracked: <T>(work: () => Promise<T>) => Promise<T>;

  constructor(
    api: NodeApi,
    statement: DuckDBPreparedStatement,
    tracked: <T>(work: () => Promise<T>) => Promise<T>,
  ) {
    this.#api = api;
    this.#statement = statement;
    this.#tracked = tracked;
  }

  async query(...params: SqlParam[]): Promise<Table> {
    return new Table([await this.#run(params)]);
  }

  async send(...params: SqlParam[]): Promise<BatchStream> {
    return streamOf(await this.#run(params));
  }

  async close(): Promise<void> {
    this.#statement.destroySync();
  }

  #run(params: readonly SqlParam[]): Promise<RecordBatch> {
    return this.#tracked(async () => {
      const types = params.map((param) => paramType(this.#api, param));
      const values = params.map((param, index) =>
        types[index] === this.#api.BIGINT ? BigInt(param as number) : param,
      );
      this.#statement.bind(values, types);
      return recordBatchOf(await this.#statement.runAndReadAll());
    });
  }
}

// A parameter's SQL type as DuckDB-WASM binds it: whole numbers as BIGINT (doubles once read, with
// castBigIntToDouble), others as DOUBLE. A null stays untyped here (WASM makes it a VARCHAR null).
function paramType(api: NodeApi, param: SqlParam): DuckDBType {
  if (param === null) return api.SQLNULL;
  if (typeof param === 'string') return api.VARCHAR;
  if (typeof param === 'boolean') return api.BOOLEAN;
  return Number.isSafeInteger(param) ? api.BIGINT : api.DOUBLE;
}

function streamOf(batch: RecordBatch): BatchStream {
  return {
    schema: batch.schema,
    async *[Symbol.asyncIterator]() {
      if (batch.numRows > 0) yield batch;
    },
  };
}

// Row by row through the appender, each value by its column's type.
function appendRows(appender: DuckDBAppender, table: Table): void {
  const appenders = table.schema.fields.map((field) => {
    const type = sqlTypeOf(field.type);
    if (type === 'VARCHAR') return (value: unknown) => appender.appendVarchar(String(value));
    if (type === 'BOOLEAN') return (value: unknown) => appender.appendBoolean(Boolean(value));
    if (type === 'DOUBLE') return (value: unknown) => appender.appendDouble(Number(value));
    if (type === 'BIGINT') return (value: unknown) => appender.appendBigInt(BigInt(value as bigint));
    return (value: unknown) => appender.appendInteger(Number(value));
  });
  const columns = columnValues(table);
  for (let row = 0; row < table.numRows; row++) {
    columns.forEach((values, index) => {
      const value = values[row];
      if (value === null || value === undefined) appender.appendNull();
      else appenders[index]!(value);
    });
    appender.endRow();
  }
}
