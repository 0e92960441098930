import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { MessageReader, Table, type AsyncRecordBatchStreamReader, type RecordBatch } from 'apache-arrow';
import { qualified } from './sql.ts';
import { toDbError, type DbResult } from './db-error.ts';
import { EngineWatch, type LivenessLimits } from './engine-watch.ts';

/** Creates an instantiated (not yet opened) AsyncDuckDB: the browser and Node differ only here. */
export type DuckDBConnector = () => Promise<AsyncDuckDB>;

export type SqlParam = string | number | boolean | null;

// No extension may be fetched: the product never touches the network, and a missing
// extension must fail fast instead of hanging (see STACK-NOTES: Parquet is not built in).
const OFFLINE_SETTINGS = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
];

// Set once the warehouse is loaded, and then enforced by the engine for every connection:
// no file can be read, written or attached (COPY TO, EXPORT DATABASE, ATTACH 'x.duckdb',
// read_csv('…')), and no global setting (memory_limit, threads, the two above) can change.
// Neither can be undone while the database runs: only reopen() starts a fresh one.
const LOCKDOWN = ['SET enable_external_access = false', 'SET lock_configuration = true'];

/** Which connection a statement runs on: the app's own, or the one user SQL gets. */
export type ConnectionRole = 'app' | 'user';

interface OpenDatabase {
  db: AsyncDuckDB;
  app: AsyncDuckDBConnection;
  user: AsyncDuckDBConnection;
  watch: EngineWatch;
}

/**
 * The one door to DuckDB-WASM: lazy one-time initialisation shared by concurrent callers,
 * queries returning Arrow tables, cancellation of the running query, errors as values.
 * User SQL runs on its own connection, so its `USE`, `SET search_path` and temporary objects
 * never change how the app's own queries resolve names.
 */
export class WorkbenchDatabase {
  #connector: DuckDBConnector;
  #opening: Promise<OpenDatabase> | undefined;
  // Statements run one after another, whatever the connection; the tail is the last one queued.
  #tail: Promise<unknown> = Promise.resolve();
  #running: ConnectionRole | null = null;
  // Bumped by cancelUserSql(): a user statement queued before the bump never starts.
  #userCancels = 0;
  // User statements held back, unqueued, while not null (see holdUserStatements).
  #heldUserStatements: (() => void)[] | null = null;
  // Set on the handle exclusive() gives out: it shares its parent's engine but not its queue.
  #parentOpen: (() => Promise<OpenDatabase>) | null = null;
  // Statements, exclusive steps and holds queued or running; idle work starts only when there are none.
  #busy = 0;
  #idleWork: (() => void)[] = [];
  #liveness: LivenessLimits | undefined;
  #deathListeners = new Set<(why: string) => void>();
  // Bumped when an exclusive step (a load, correction, import, restore) starts and ends, and on a
  // restart or reopen, and by each user statement: an app read cached under an older version may no longer be the answer.
  #dataVersion = 0;

  constructor(connector: DuckDBConnector, options: { liveness?: LivenessLimits } = {}) {
    this.#connector = connector;
    this.#liveness = options.liveness;
  }

  /** Changes whenever the app's data may have changed; app results cached under another are stale. */
  get dataVersion(): number {
    return this.#dataVersion;
  }

  /** Calls `listener` when the engine's worker dies; every step running or queued then fails with code 'dead'. */
  onEngineDied(listener: (why: string) => void): () => void {
    this.#deathListeners.add(listener);
    return () => this.#deathListeners.delete(listener);
  }

  /**
   * Gives up the engine (dead or alive) and starts a new one, empty: the caller loads the warehouse
   * into it again. Never waits for the old one, whose pending work has already failed.
   */
  restart(): Promise<DbResult<void>> {
    this.#dataVersion++;
    const old = this.#opening;
    this.#opening = undefined;
    void old?.then((open) => open.db.terminate()).catch(() => undefined);
    return this.ready();
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
    return this.#serialised('app', (conn) => run(conn, sql, params), 'sql');
  }

  /**
   * Runs one app statement once nothing else is queued: the app's own reads (the pivot, its warm-up)
   * never hold the queue in front of the user's SQL, which waits at most for the one statement running.
   */
  idleQuery(sql: string, params: readonly SqlParam[] = []): Promise<DbResult<Table>> {
    return new Promise((resolve) => {
      this.#idleWork.push(() => void this.query(sql, params).then(resolve));
      this.#startIdleWork();
    });
  }

  /** Runs SQL a user typed, on the user's connection (its names resolve through the user's search path). */
  userQuery(sql: string): Promise<DbResult<Table>> {
    const cancels = this.#userCancels;
    const held = this.#heldUserStatements;
    if (held === null) return this.#userStatement(sql, cancels);
    return new Promise((resolve) => held.push(() => void this.#userStatement(sql, cancels).then(resolve)));
  }

  /**
   * From now on user statements wait, not even queued, until releaseUserStatements(): for what must
   * be recorded before any runs, but need not hold up the app's own reads queued meanwhile.
   */
  holdUserStatements(): void {
    this.#heldUserStatements ??= [];
  }

  /** Queues the user statements held back, in the order they came (each still honours a cancel). */
  releaseUserStatements(): void {
    const held = this.#heldUserStatements ?? [];
    this.#heldUserStatements = null;
    for (const start of held) start();
  }

  #userStatement(sql: string, cancels: number): Promise<DbResult<Table>> {
    return this.#serialised(
      'user',
      async (conn) => {
        // Stopped while it waited behind the app's own work (a warm-up, a protect step): it never starts.
        if (this.#userCancels !== cancels) throw new Error('Query was cancelled before it started');
        // User SQL may change tables the app reads (until the next protect step restores them).
        this.#dataVersion++;
        return run(conn, sql, []);
      },
      'sql',
    );
  }

  /** Replaces the user's connection with a fresh one (no temporary objects, default search path). */
  renewUserConnection(): Promise<DbResult<void>> {
    return this.#serialised(
      'app',
      async () => {
        const open = await this.#open();
        await open.user.close();
        open.user = await open.db.connect();
      },
      'load',
    );
  }

  /** From now on the engine refuses every file access and every change of a global setting. */
  lockDown(): Promise<DbResult<void>> {
    return this.#serialised(
      'app',
      async (conn) => {
        for (const setting of LOCKDOWN) await conn.query(setting);
      },
      'load',
    );
  }

  /**
   * Starts a fresh database in the same engine (a few hundred ms, no new WebAssembly instance):
   * the way back when a user detached the app's catalogue, which nothing else can re-attach.
   */
  reopen(): Promise<DbResult<void>> {
    this.#dataVersion++;
    return this.#serialised(
      'app',
      async () => {
        const open = await this.#open();
        await open.app.close();
        await open.user.close();
        Object.assign(open, await connectFresh(open.db));
      },
      'init',
    );
  }

  /**
   * Runs `work` with the database to itself: what it does through the handle it is given runs at
   * once, in order, while every query anyone else makes meanwhile waits until it has finished. A
   * reset or a fresh database is thus never seen half built (a query in between used to read
   * missing tables, or an empty catalogue, as if that were the answer).
   */
  exclusive<T>(work: (db: WorkbenchDatabase) => Promise<T>): Promise<T> {
    return this.#exclusive(work, true);
  }

  /**
   * Runs `work` with the database to itself once nothing else is queued, as idleQuery does one
   * statement, and without changing the data version: for work that only computes ahead what reads
   * would answer anyway (a table of the pivot's figures), so no cached answer becomes stale.
   * `first`: before the idle work already waiting.
   */
  idleExclusive<T>(
    work: (db: WorkbenchDatabase) => Promise<T>,
    { first = false }: { first?: boolean } = {},
  ): Promise<T> {
    return new Promise((resolve, reject) => {
      const start = () => void this.#exclusive(work, false).then(resolve, reject);
      if (first) this.#idleWork.unshift(start);
      else this.#idleWork.push(start);
      this.#startIdleWork();
    });
  }

  /**
   * Idle work waits until `until` settles as well: a sequence of steps (the start) whose reads and
   * changes go before any work the app only computes ahead, which would otherwise start in each gap.
   */
  holdIdleWork(until: Promise<unknown>): void {
    this.#track(until);
  }

  #exclusive<T>(work: (db: WorkbenchDatabase) => Promise<T>, changesData: boolean): Promise<T> {
    const handle = new WorkbenchDatabase(this.#connector);
    handle.#parentOpen = () => this.#open();
    const changed = () => {
      if (changesData) this.#dataVersion++;
    };
    changed();
    const done = this.#tail.then(() => work(handle)).finally(changed);
    this.#tail = done.catch(() => undefined);
    this.#track(done);
    return done;
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

  /**
   * Creates (or replaces) `schema.name` from an Arrow IPC stream. The bytes are handed to the
   * engine: when they own their whole buffer it is transferred, and they are empty afterwards.
   */
  loadArrowTable(name: string, ipcStream: Uint8Array, schema = 'main'): Promise<DbResult<void>> {
    return this.#serialised(
      'app',
      async (conn) => {
        ensureCompleteStream(name, ipcStream);
        await conn.query(`DROP TABLE IF EXISTS ${qualified(schema, name)}`);
        await conn.insertArrowFromIPCStream(handedOver(ipcStream), { schema, name, create: true });
      },
      'load',
    );
  }

  /**
   * Appends the rows of an Arrow IPC stream to the existing table `schema.name`, in one statement
   * (all rows or none). The stream's columns must be the table's, in its order: the engine matches
   * them by position. The bytes are handed over as loadArrowTable's are.
   */
  appendArrow(name: string, ipcStream: Uint8Array, schema = 'main'): Promise<DbResult<void>> {
    return this.#serialised(
      'app',
      async (conn) => {
        ensureCompleteStream(name, ipcStream);
        await conn.insertArrowFromIPCStream(handedOver(ipcStream), { schema, name, create: false });
      },
      'load',
    );
  }

  /**
   * Creates (or replaces) several tables of `schema` from Arrow IPC streams in one turn of the
   * queue: one DROP for all, then the inserts back to back. The bytes are handed over as
   * loadArrowTable's are.
   */
  loadArrowTables(tables: ReadonlyMap<string, Uint8Array>, schema = 'main'): Promise<DbResult<void>> {
    return this.#serialised(
      'app',
      async (conn) => {
        const names = [...tables.keys()];
        // Checked before anything is dropped: a corrupt file leaves the tables as they were.
        for (const [name, ipcStream] of tables) ensureCompleteStream(name, ipcStream);
        await conn.query(names.map((name) => `DROP TABLE IF EXISTS ${qualified(schema, name)}`).join(';\n'));
        for (const [name, ipcStream] of tables) {
          await conn
            .insertArrowFromIPCStream(handedOver(ipcStream), { schema, name, create: true })
            .catch((cause: unknown) => {
              throw new Error(`${name}: ${cause instanceof Error ? cause.message : String(cause)}`);
            });
        }
      },
      'load',
    );
  }

  /** Asks the engine to stop the running query; true when one was running. */
  async cancel(): Promise<boolean> {
    const role = this.#running;
    if (!role || !this.#opening) return false;
    const open = await this.#opening;
    return !open.watch.dead && open[role].cancelSent();
  }

  /**
   * Stops the user's SQL, and only it: the statement running on the user's connection, and every
   * one still waiting its turn (an app query running meanwhile is left alone); true when one ran.
   */
  async cancelUserSql(): Promise<boolean> {
    this.#userCancels++;
    if (this.#running !== 'user' || !this.#opening) return false;
    const open = await this.#opening;
    return !open.watch.dead && open.user.cancelSent();
  }

  /** Releases the engine and its worker. */
  async close(): Promise<void> {
    if (!this.#opening) return;
    // Idle work not started is dropped; what runs or is queued ends first: a native engine closed
    // under a running statement crashes the process (the CLI, exiting as its idle work ran).
    this.#idleWork = [];
    await this.#tail.catch(() => undefined);
    const opening = this.#opening;
    this.#opening = undefined;
    const open = await opening.catch(() => undefined);
    open?.watch.stop();
    // A dead worker answers nothing: closing its connections would wait forever.
    if (open && !open.watch.dead) {
      await open.app.close();
      await open.user.close();
    }
    await open?.db.terminate();
  }

  #open(): Promise<OpenDatabase> {
    if (this.#parentOpen) return this.#parentOpen();
    this.#opening ??= (async () => {
      const db = await this.#connector();
      const watch = new EngineWatch(db, (why) => this.#died(opening, why), this.#liveness);
      return { db, watch, ...(await watch.guard(connectFresh(db), { ping: false })) };
    })();
    const opening = this.#opening;
    // A failed start may be retried by the next caller.
    this.#opening.catch(() => (this.#opening = undefined));
    return this.#opening;
  }

  #serialised<T>(
    role: ConnectionRole,
    work: (conn: AsyncDuckDBConnection) => Promise<T>,
    code: 'sql' | 'load' | 'init',
  ): Promise<DbResult<T>> {
    const queued = this.#tail.then(async (): Promise<DbResult<T>> => {
      let open: OpenDatabase;
      try {
        open = await this.#open();
      } catch (cause) {
        return { ok: false, error: toDbError(cause, 'init') };
      }
      this.#running = role;
      try {
        return { ok: true, value: await open.watch.guard(work(open[role])) };
      } catch (cause) {
        return { ok: false, error: toDbError(cause, code) };
      } finally {
        this.#running = null;
      }
    });
    this.#tail = queued;
    this.#track(queued);
    return queued;
  }

  // Told once per engine, and only while it is the current one (a replaced engine's end is expected).
  #died(opening: Promise<OpenDatabase>, why: string): void {
    if (this.#opening !== opening) return;
    for (const listener of this.#deathListeners) listener(why);
  }

  #track(work: Promise<unknown>): void {
    this.#busy++;
    void work
      .catch(() => undefined)
      .finally(() => {
        this.#busy--;
        this.#startIdleWork();
      });
  }

  #startIdleWork(): void {
    if (this.#busy === 0) this.#idleWork.shift()?.();
  }
}

// (Re)opens the database in memory with the offline settings, and the two connections.
async function connectFresh(db: AsyncDuckDB): Promise<Pick<OpenDatabase, 'app' | 'user'>> {
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const app = await db.connect();
  for (const setting of OFFLINE_SETTINGS) await app.query(setting);
  return { app, user: await db.connect() };
}

async function run(conn: AsyncDuckDBConnection, sql: string, params: readonly SqlParam[]): Promise<Table> {
  if (params.length === 0) return collect(await conn.send(sql, true));
  const statement = await conn.prepare(sql);
  try {
    return collect(await statement.send(...params));
  } finally {
    await statement.close();
  }
}

async function collect(reader: AsyncRecordBatchStreamReader): Promise<Table> {
  const batches: RecordBatch[] = [];
  for await (const batch of reader) batches.push(batch);
  // An empty result still has columns: keep the schema so the grid can show them.
  return batches.length > 0 ? new Table(batches) : new Table(reader.schema);
}

// The worker takes the whole buffer under the bytes (transferred, then detached). Bytes owning
// theirs go as they are, with no second copy; a view into a larger buffer is copied.
function handedOver(ipcStream: Uint8Array): Uint8Array {
  const owned = ipcStream.byteOffset === 0 && ipcStream.byteLength === ipcStream.buffer.byteLength;
  return owned ? ipcStream : ipcStream.slice();
}

// The end-of-stream marker every complete Arrow IPC stream ends with (continuation, zero length).
const END_OF_STREAM = [0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0];

// A stream cut short (a truncated file, a write that did not finish) must never reach the engine:
// its reader then waits for the rest, and takes the next stream on the connection as that rest.
// One without a schema first is accepted silently and creates nothing. Both are refused here, in
// JavaScript: asking the engine whether the table exists cost the start ~150 ms of first use.
function ensureCompleteStream(name: string, ipcStream: Uint8Array): void {
  const tail = ipcStream.subarray(ipcStream.byteLength - END_OF_STREAM.length);
  const complete =
    ipcStream.byteLength > END_OF_STREAM.length && END_OF_STREAM.every((byte, i) => tail[i] === byte);
  if (!complete) throw new Error(`${name}: not a complete Arrow IPC stream (cut short or not Arrow)`);
  if (!hasSchema(ipcStream)) throw new Error(`${name}: not a readable Arrow IPC stream (no schema)`);
}

function hasSchema(ipcStream: Uint8Array): boolean {
  try {
    return (new MessageReader(ipcStream).readSchema()?.fields.length ?? 0) > 0;
  } catch {
    return false;
  }
}
