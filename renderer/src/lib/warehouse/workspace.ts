import type { WorkbenchDatabase } from '../db/database.ts';
import type { DbResult } from '../db/db-error.ts';
import { ensureMemoryFor, loadSize } from '../db/memory-budget.ts';
import { APP_CATALOG, APP_SCHEMA, appObject, ident, literal, qualified } from '../db/sql.ts';
import { CREATE_CORRECTIONS_TABLE, fillCorrections, type OverlayRow } from '../review/overlay-sql.ts';
import { meaningLayerStatements } from '../meaning/meaning-statements.ts';
import { FORGET_PIVOT_FIGURES, materialisePivotFigures } from '../meaning/pivot-figures.ts';
import { WAREHOUSE_TABLES, arrowPath, type WarehouseTable } from './tables.ts';

/** Reads a file of the embedded dataset; the browser fetches it, tests read it from disk. */
export type ReadAsset = (path: string) => Promise<Uint8Array>;

/** Where user-created tables go, so the warehouse tables keep their names. */
export const USER_SCHEMA = 'workspace';

const OK: DbResult<void> = { ok: true, value: undefined };

// The app-owned table of the user's review, laid over the warehouse by `effective_observations`.
const CORRECTIONS = 'corrections';

/** The tables the workspace guards: the warehouse's, and the corrections it was given. */
export type GuardedTable = WarehouseTable | typeof CORRECTIONS;
const GUARDED_TABLES: readonly GuardedTable[] = [...WAREHOUSE_TABLES, CORRECTIONS];

// The catalogue's macros, read once per query: duckdb_functions() lists every built-in function
// too, and one scan of it costs more than the rest of a check together.
const MACROS = `macros AS MATERIALIZED (
  SELECT schema_name, function_name, macro_definition FROM duckdb_functions()
  WHERE database_name = ? AND function_type IN ('macro', 'table_macro') AND NOT internal)`;

// Every view, macro and table of the app's schema with its definition: any change shows here.
const CATALOGUE_SIGNATURE = `
  SELECT coalesce(string_agg(entry, chr(10) ORDER BY entry), '') FROM (
    SELECT 'view ' || view_name || ' ' || sql AS entry FROM duckdb_views()
      WHERE database_name = ? AND schema_name = ? AND NOT internal
    UNION ALL
    SELECT 'macro ' || function_name || ' ' || coalesce(macro_definition, '') FROM macros WHERE schema_name = ?
    UNION ALL
    SELECT 'table ' || table_name FROM duckdb_tables() WHERE database_name = ? AND schema_name = ?)`;

// Every table, view and macro of the app's catalogue, as "schema.name" lines.
const CATALOGUE_OBJECTS = `
  SELECT coalesce(string_agg(schema_name || '.' || name, chr(10) ORDER BY schema_name, name), '') FROM (
    SELECT schema_name, table_name AS name FROM duckdb_tables() WHERE database_name = ? AND NOT internal
    UNION SELECT schema_name, view_name FROM duckdb_views() WHERE database_name = ? AND NOT internal
    UNION SELECT schema_name, function_name FROM macros)`;

const SIGNATURE_PARAMS = [APP_CATALOG, APP_SCHEMA, APP_SCHEMA, APP_CATALOG, APP_SCHEMA];
const OBJECTS_PARAMS = [APP_CATALOG, APP_CATALOG];

// Is the app catalogue there, is the user schema there, what the app schema holds, and what else.
const STATE = `WITH ${MACROS} SELECT
  (SELECT count(*) FROM duckdb_databases() WHERE database_name = ?) AS attached,
  (SELECT count(*) FROM duckdb_schemas() WHERE database_name = ? AND schema_name = ?) AS user_schema,
  (${CATALOGUE_SIGNATURE}) AS signature,
  (${CATALOGUE_OBJECTS}) AS objects`;

/** Why a fresh database was started, and the user's own tables, views and macros that went with it. */
export interface FreshStart {
  cause: 'reset' | 'detached';
  /** "schema.name" of each object users made; what is saved in the user store is never touched. */
  lost: string[];
}

/**
 * The warehouse as users see it. The app's tables, views and macros live in APP_CATALOG.APP_SCHEMA
 * and every app query names them in full, on the app's own connection; user SQL runs on another
 * connection whose default schema is USER_SCHEMA. What the engine then enforces: no file access,
 * no ATTACH of a file, no change of a global setting (see WorkbenchDatabase.lockDown), and no
 * user object, USE or search path can change what an app query reads. What it cannot enforce in
 * DuckDB-WASM 1.32 is a read-only in-memory catalogue, so after EVERY user statement (whatever it
 * says) the base tables are compared with their fingerprints and the app's catalogue with its
 * signature, and anything changed is put back; a detached catalogue means a fresh database.
 */
export class Workspace {
  #db: WorkbenchDatabase;
  #readAsset: ReadAsset;
  #fingerprints = new Map<GuardedTable, string>();
  #signature = '';
  #corrections: readonly OverlayRow[] = [];
  // The app's own objects right after install, and the users' ones as last seen after a statement.
  #appObjects = new Set<string>();
  #userObjects: string[] = [];
  #freshStartListeners = new Set<(fresh: FreshStart) => void>();
  #additions = new Map<WarehouseTable, readonly Uint8Array[]>();
  // Whether the data changed since the table of the pivot's figures was last computed (or tried).
  #pivotFiguresStale = false;
  // Installs so far, and the one whose baseline (what protect() compares with) is recorded.
  #installs = 0;
  #baselineOf = 0;

  constructor(db: WorkbenchDatabase, readAsset: ReadAsset) {
    this.#db = db;
    this.#readAsset = readAsset;
  }

  /** Calls `listener` each time a fresh database replaces the user's (a reset, a detached catalogue). */
  onFreshStart(listener: (fresh: FreshStart) => void): () => void {
    this.#freshStartListeners.add(listener);
    return () => this.#freshStartListeners.delete(listener);
  }

  /**
   * Loads the base tables, the views, the user schema, then locks the engine down. The files'
   * bytes go to the engine and are not kept: a table to restore is read again.
   */
  load(): Promise<DbResult<void>> {
    return this.#db.exclusive((db) => this.#install(db));
  }

  /**
   * Checks the warehouse after a user statement; returns the tables it had to restore
   * (empty when nothing was touched). Runs whatever the statement was: it reads the engine's
   * state, never the SQL text. Other queries wait until it is done.
   */
  protect(): Promise<DbResult<GuardedTable[]>> {
    return this.#db.exclusive(async (db) => {
      const baseline = await this.#ensureBaseline(db);
      return baseline.ok ? this.#protect(db) : baseline;
    });
  }

  /** "Khôi phục dữ liệu gốc": a fresh database with the warehouse as shipped and nothing users made. */
  reset(): Promise<DbResult<void>> {
    return this.#db.exclusive(async (db) => {
      const baseline = await this.#ensureBaseline(db);
      if (!baseline.ok) return baseline;
      const objects = await this.#catalogueObjects(db);
      if (objects.ok) this.#userObjects = this.#usersOwn(objects.value);
      return this.#freshStart(db, 'reset');
    });
  }

  async #protect(db: WorkbenchDatabase): Promise<DbResult<GuardedTable[]>> {
    // Two round trips when nothing changed: the catalogue's state, then the tables' fingerprints.
    const state = await db.query(STATE, [
      APP_CATALOG,
      APP_CATALOG,
      APP_CATALOG,
      USER_SCHEMA,
      ...SIGNATURE_PARAMS,
      ...OBJECTS_PARAMS,
    ]);
    const row = state.ok ? state.value.get(0) : null;
    // Once the app catalogue is detached the app connection cannot even bind this query; and
    // nothing can attach a catalogue again once files are locked out: start a fresh database.
    if (!row || Number(row.attached) === 0) {
      const fresh = await this.#freshStart(db, 'detached');
      return fresh.ok ? { ok: true, value: [...WAREHOUSE_TABLES] } : fresh;
    }
    this.#userObjects = this.#usersOwn(String(row.objects));
    const signature = String(row.signature);
    const present = GUARDED_TABLES.filter((table) => signature.split('\n').includes(`table ${table}`));
    const fingerprints = await this.#readFingerprints(db, present);
    if (!fingerprints.ok) return fingerprints;
    const damaged = GUARDED_TABLES.filter(
      (table) => fingerprints.value.get(table) !== this.#fingerprints.get(table),
    );
    if (damaged.length > 0) {
      const restored = await this.#loadTables(
        db,
        damaged.filter((table) => table !== CORRECTIONS),
      );
      if (!restored.ok) return restored;
      // The corrections come back from the user's review, never from what a statement left.
      const corrections = damaged.includes(CORRECTIONS) ? await this.#fillCorrections(db) : OK;
      if (!corrections.ok) return corrections;
    }
    if (damaged.length > 0 || signature !== this.#signature) {
      // A dropped table takes its views with it; a user may have replaced a view or a macro.
      const views = await this.#defineViews(db);
      if (!views.ok) return views;
    }
    if (Number(row.user_schema) === 0) {
      const schema = await db.query(`CREATE SCHEMA IF NOT EXISTS ${qualified(APP_CATALOG, USER_SCHEMA)}`);
      if (!schema.ok) return schema;
    }
    return { ok: true, value: damaged };
  }

  /**
   * Rows appended to warehouse tables (imported documents and user sources, as Arrow IPC streams):
   * from now on part of what those tables are loaded and restored to. Reloads the tables that change.
   * All or nothing: a load refused for memory, or failing halfway, leaves the additions as they were.
   */
  setAdditions(additions: ReadonlyMap<WarehouseTable, readonly Uint8Array[]>): Promise<DbResult<void>> {
    return this.#db.exclusive(async (db) => {
      const previous = this.#additions;
      const before = (table: WarehouseTable) => previous.get(table) ?? [];
      const now = (table: WarehouseTable) => additions.get(table) ?? [];
      const changed = WAREHOUSE_TABLES.filter(
        (table) =>
          now(table).length !== before(table).length ||
          now(table).some((bytes, i) => bytes !== before(table)[i]),
      );
      const fits = await ensureMemoryFor(db, loadSize(changed.flatMap(now), changed.flatMap(before)));
      if (!fits.ok) return fits;
      this.#additions = new Map(additions);
      const reloaded = await this.#reload(db, changed);
      return reloaded.ok ? OK : this.#restore(db, changed, previous, reloaded);
    });
  }

  /**
   * Appends more rows to warehouse tables now (one import added): quicker than setting them all again.
   * All or nothing, as setAdditions.
   */
  addRows(rows: ReadonlyMap<WarehouseTable, Uint8Array>): Promise<DbResult<void>> {
    return this.#db.exclusive(async (db) => {
      const fits = await ensureMemoryFor(db, loadSize([...rows.values()], []));
      if (!fits.ok) return fits;
      const previous = new Map(this.#additions);
      for (const [table, bytes] of rows) {
        const appended = await this.#append(db, table, bytes);
        if (!appended.ok) return this.#restore(db, [...rows.keys()], previous, appended);
        this.#additions.set(table, [...(this.#additions.get(table) ?? []), bytes]);
      }
      // The views read the new rows by themselves; the pivot's table of them is computed again.
      const forgotten = await this.#forgetPivotFigures(db, FORGET_PIVOT_FIGURES.join(';\n'));
      if (!forgotten.ok) return this.#restore(db, [...rows.keys()], previous, forgotten);
      return this.#recordFingerprints(db);
    });
  }

  // A load that failed halfway must not leave a table short while the workspace believes it whole:
  // the tables go back to the previous additions, and the failure is still what the caller hears.
  async #restore(
    db: WorkbenchDatabase,
    tables: readonly WarehouseTable[],
    previous: Map<WarehouseTable, readonly Uint8Array[]>,
    failure: DbResult<void>,
  ): Promise<DbResult<void>> {
    this.#additions = previous;
    // Should this fail too, the fingerprints still describe the previous tables: protect() reloads them.
    await this.#reload(db, tables);
    return failure;
  }

  // The tables loaded again with their additions, then the fingerprints and views that read them.
  async #reload(db: WorkbenchDatabase, tables: readonly WarehouseTable[]): Promise<DbResult<void>> {
    for (const step of [
      () => this.#loadTables(db, tables),
      () => this.#recordFingerprints(db),
      () => this.#defineViews(db),
    ]) {
      const result = await step();
      if (!result.ok) return result;
    }
    return OK;
  }

  /**
   * Lays the user's review over the warehouse: the app-owned `corrections` table gets these rows
   * (lib/review/overlay-sql.ts), now and after every reset or restore; user SQL cannot change them.
   */
  setCorrections(rows: readonly OverlayRow[]): Promise<DbResult<void>> {
    return this.#db.exclusive(async (db) => {
      // No review before and none now (a start without corrections): the empty table stays as loaded.
      if (rows.length === 0 && this.#corrections.length === 0) return OK;
      this.#corrections = [...rows];
      const filled = await this.#fillCorrections(db);
      if (!filled.ok) return filled;
      const fingerprints = await this.#recordFingerprints(db);
      // The first correction to apply (or the last to go) changes how effective_observations is read.
      return fingerprints.ok ? this.#defineViews(db) : fingerprints;
    });
  }

  // A fresh database in the same engine, the warehouse installed again, and the users told what went.
  async #freshStart(db: WorkbenchDatabase, cause: FreshStart['cause']): Promise<DbResult<void>> {
    const reopened = await db.reopen();
    const installed = reopened.ok ? await this.#install(db) : reopened;
    if (installed.ok) {
      const fresh: FreshStart = { cause, lost: this.#userObjects };
      this.#userObjects = [];
      for (const listener of this.#freshStartListeners) listener(fresh);
    }
    return installed;
  }

  // The one load path (start, reset, a fresh database): every step one round trip to the engine,
  // or a few, whatever the number of views (tests/unit/warehouse/load-round-trips.test.ts).
  async #install(db: WorkbenchDatabase): Promise<DbResult<void>> {
    const steps = [
      () => this.#loadTables(db, WAREHOUSE_TABLES),
      // The corrections table first: the overlay view reads it when a correction applies.
      () =>
        this.#forgetPivotFigures(
          db,
          [
            CREATE_CORRECTIONS_TABLE,
            ...meaningLayerStatements(this.#reviewApplies()),
            `CREATE SCHEMA IF NOT EXISTS ${qualified(APP_CATALOG, USER_SCHEMA)}`,
          ].join(';\n'),
        ),
      () => (this.#corrections.length > 0 ? this.#fillCorrections(db) : Promise.resolve(OK)),
      () => db.lockDown(),
      () =>
        db.userQuery(
          `USE ${qualified(APP_CATALOG, USER_SCHEMA)}; SET search_path = ${literal(
            `${qualified(APP_CATALOG, USER_SCHEMA)},${qualified(APP_CATALOG, APP_SCHEMA)}`,
          )}`,
        ),
    ];
    for (const step of steps) {
      const result = await step();
      if (!result.ok) return result;
    }
    this.#deferBaseline();
    return OK;
  }

  // What protect() compares with is recorded once the start (or reset) is through and the engine
  // idle, before anything else idle: reading the catalogue cost a start ~250 ms of first use before
  // "sẵn sàng". Until then no user statement starts; protect() and reset() record it first if need be.
  #deferBaseline(): void {
    const install = ++this.#installs;
    this.#db.holdUserStatements();
    void this.#db.idleExclusive(
      async (idle) => {
        // A newer install (a reset meanwhile) has its own, which releases the statements.
        if (install !== this.#installs) return;
        try {
          await this.#ensureBaseline(idle);
        } finally {
          this.#db.releaseUserStatements();
        }
      },
      { first: true },
    );
  }

  async #ensureBaseline(db: WorkbenchDatabase): Promise<DbResult<void>> {
    if (this.#baselineOf === this.#installs) return OK;
    const recorded = await this.#recordBaseline(db);
    if (recorded.ok) this.#baselineOf = this.#installs;
    return recorded;
  }

  async #loadTables(db: WorkbenchDatabase, tables: readonly WarehouseTable[]): Promise<DbResult<void>> {
    if (tables.length === 0) return OK;
    // All files are read at once (the entry script has already asked for them), then inserted together.
    const reads = await Promise.allSettled(tables.map((table) => this.#readAsset(arrowPath(table))));
    const files = new Map<string, Uint8Array>();
    for (const [index, table] of tables.entries()) {
      const read = reads[index]!;
      if (read.status === 'rejected') {
        return { ok: false, error: { code: 'load', message: `${arrowPath(table)}: ${String(read.reason)}` } };
      }
      files.set(table, read.value);
    }
    // Dependent views go with a dropped table; they are defined again right after.
    const loaded = await db.loadArrowTables(files, APP_SCHEMA);
    if (!loaded.ok) return loaded;
    for (const table of tables) {
      for (const extra of this.#additions.get(table) ?? []) {
        const appended = await this.#append(db, table, extra);
        if (!appended.ok) return appended;
      }
    }
    return OK;
  }

  async #fillCorrections(db: WorkbenchDatabase): Promise<DbResult<void>> {
    const filled = await fillCorrections(db, this.#corrections);
    return filled.ok ? OK : filled;
  }

  async #append(db: WorkbenchDatabase, table: WarehouseTable, rows: Uint8Array): Promise<DbResult<void>> {
    // A copy goes to the engine (it takes its bytes over); the additions are kept for every reload.
    // Straight into the table: additions are written with the warehouse's own columns, in its order.
    return db.appendArrow(table, rows.slice(), APP_SCHEMA);
  }

  async #recordFingerprints(db: WorkbenchDatabase): Promise<DbResult<void>> {
    const fingerprints = await this.#readFingerprints(db, GUARDED_TABLES);
    if (!fingerprints.ok) return fingerprints;
    this.#fingerprints = fingerprints.value;
    return OK;
  }

  // What protect() compares with, read in one query once the app's objects are all there: the
  // guarded tables' fingerprints, the app schema's signature, and the app's own objects (those of
  // the app schema: no user statement has run since the install, but the user's imported tables
  // may be back in the user schema).
  async #recordBaseline(db: WorkbenchDatabase): Promise<DbResult<void>> {
    const result = await db.query(
      `WITH ${MACROS} SELECT (${CATALOGUE_SIGNATURE}) AS signature, (${CATALOGUE_OBJECTS}) AS objects,
         ${fingerprintColumns(GUARDED_TABLES).join(', ')}`,
      [APP_CATALOG, ...SIGNATURE_PARAMS, ...OBJECTS_PARAMS],
    );
    if (!result.ok) return result;
    const row = result.value.get(0);
    this.#signature = String(row?.signature);
    this.#appObjects = new Set(
      String(row?.objects)
        .split('\n')
        .filter((name) => name.startsWith(`${APP_SCHEMA}.`)),
    );
    this.#fingerprints = new Map(GUARDED_TABLES.map((table) => [table, String(row?.[table])]));
    return OK;
  }

  async #catalogueObjects(db: WorkbenchDatabase): Promise<DbResult<string>> {
    const result = await db.query(`WITH ${MACROS} SELECT (${CATALOGUE_OBJECTS}) AS objects`, [
      APP_CATALOG,
      ...OBJECTS_PARAMS,
    ]);
    return result.ok ? { ok: true, value: String(result.value.get(0)?.objects) } : result;
  }

  #reviewApplies(): boolean {
    return this.#corrections.some((row) => row.status === 'applied');
  }

  #usersOwn(objects: string): string[] {
    return objects.split('\n').filter((name) => name !== '' && !this.#appObjects.has(name));
  }

  async #defineViews(db: WorkbenchDatabase): Promise<DbResult<void>> {
    // One multi-statement query, in order: a statement that fails stops the ones after it.
    const defined = await this.#forgetPivotFigures(
      db,
      meaningLayerStatements(this.#reviewApplies()).join(';\n'),
    );
    if (!defined.ok) return defined;
    const signature = await this.#catalogueSignature(db);
    if (!signature.ok) return signature;
    this.#signature = signature.value;
    return OK;
  }

  /**
   * Runs `statements`, which point the pivot back at the view of its figures (the meaning layer, or
   * FORGET_PIVOT_FIGURES), then has the table of them computed again once the engine is idle: a load
   * or a change is done without waiting for it, and the pivot, which reads when the engine is idle
   * too, reads the table. Every change queues one; they run after the changes queued with them, so
   * the first computes from the data as it is by then and the others find nothing to do, even when
   * the engine lacked the memory for the table (the same data would fail the same way again).
   */
  async #forgetPivotFigures(db: WorkbenchDatabase, statements: string): Promise<DbResult<void>> {
    this.#pivotFiguresStale = true;
    const forgotten = await db.query(statements);
    if (!forgotten.ok) return forgotten;
    void this.#db.idleExclusive(async (idle) => {
      if (!this.#pivotFiguresStale) return;
      this.#pivotFiguresStale = false;
      await materialisePivotFigures(idle);
    });
    return OK;
  }

  async #catalogueSignature(db: WorkbenchDatabase): Promise<DbResult<string>> {
    const result = await db.query(`WITH ${MACROS} SELECT (${CATALOGUE_SIGNATURE}) AS signature`, [
      APP_CATALOG,
      ...SIGNATURE_PARAMS,
    ]);
    return result.ok ? { ok: true, value: String(result.value.get(0)?.signature) } : result;
  }

  // Each table's fingerprints, in one query.
  async #readFingerprints(
    db: WorkbenchDatabase,
    tables: readonly GuardedTable[],
  ): Promise<DbResult<Map<GuardedTable, string>>> {
    if (tables.length === 0) return { ok: true, value: new Map() };
    const result = await db.query(`SELECT ${fingerprintColumns(tables).join(', ')}`);
    if (!result.ok) return result;
    const row = result.value.get(0);
    return { ok: true, value: new Map(tables.map((table) => [table, String(row?.[table])])) };
  }
}

// Row count and an order-free hash of every row, one column per table.
function fingerprintColumns(tables: readonly GuardedTable[]): string[] {
  return tables.map(
    (table) =>
      `(SELECT count(*)::VARCHAR || ':' || coalesce(bit_xor(hash(t))::VARCHAR, '') FROM ${appObject(table)} t) AS ${ident(table)}`,
  );
}
