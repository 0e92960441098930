import type { WorkbenchDatabase } from '../db/database.ts';
import type { DbResult } from '../db/db-error.ts';
import { APP_CATALOG, APP_SCHEMA, appObject, ident, literal, qualified } from '../db/sql.ts';
import { CURATED_VIEWS, WORKBENCH_MACROS } from '../meaning/curated-views.ts';
import { WAREHOUSE_TABLES, arrowPath, type WarehouseTable } from './tables.ts';

/** Reads a file of the embedded dataset; the browser fetches it, tests read it from disk. */
export type ReadAsset = (path: string) => Promise<Uint8Array>;

/** Where user-created tables go, so the warehouse tables keep their names. */
export const USER_SCHEMA = 'workspace';

const OK: DbResult<void> = { ok: true, value: undefined };

// Every view, macro and table of the app's schema with its definition: any change shows here.
const CATALOGUE_SIGNATURE = `
  SELECT coalesce(string_agg(entry, chr(10) ORDER BY entry), '') FROM (
    SELECT 'view ' || view_name || ' ' || sql AS entry FROM duckdb_views()
      WHERE database_name = ? AND schema_name = ? AND NOT internal
    UNION ALL
    SELECT 'macro ' || function_name || ' ' || coalesce(macro_definition, '') FROM duckdb_functions()
      WHERE database_name = ? AND schema_name = ? AND function_type IN ('macro', 'table_macro')
    UNION ALL
    SELECT 'table ' || table_name FROM duckdb_tables() WHERE database_name = ? AND schema_name = ?)`;

// Is the app catalogue there, is the user schema there, and what the app schema holds.
const STATE = `SELECT
  (SELECT count(*) FROM duckdb_databases() WHERE database_name = ?) AS attached,
  (SELECT count(*) FROM duckdb_schemas() WHERE database_name = ? AND schema_name = ?) AS user_schema,
  (${CATALOGUE_SIGNATURE}) AS signature`;

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
  #bytes = new Map<WarehouseTable, Uint8Array>();
  #fingerprints = new Map<WarehouseTable, string>();
  #signature = '';
  #additions = new Map<WarehouseTable, readonly Uint8Array[]>();

  constructor(db: WorkbenchDatabase, readAsset: ReadAsset) {
    this.#db = db;
    this.#readAsset = readAsset;
  }

  /** Loads the base tables, the views, the user schema, then locks the engine down. */
  async load(): Promise<DbResult<void>> {
    for (const table of WAREHOUSE_TABLES) {
      try {
        this.#bytes.set(table, await this.#readAsset(arrowPath(table)));
      } catch (cause) {
        return { ok: false, error: { code: 'load', message: `${arrowPath(table)}: ${String(cause)}` } };
      }
    }
    return this.#install();
  }

  /**
   * Checks the warehouse after a user statement; returns the tables it had to restore
   * (empty when nothing was touched). Runs whatever the statement was: it reads the engine's
   * state, never the SQL text.
   */
  async protect(): Promise<DbResult<WarehouseTable[]>> {
    // Two round trips when nothing changed: the catalogue's state, then the tables' fingerprints.
    const state = await this.#db.query(STATE, [APP_CATALOG, APP_CATALOG, USER_SCHEMA, ...this.#where()]);
    const row = state.ok ? state.value.get(0) : null;
    // Once the app catalogue is detached the app connection cannot even bind this query; and
    // nothing can attach a catalogue again once files are locked out: start a fresh database.
    if (!row || Number(row.attached) === 0) {
      const reopened = await this.#db.reopen();
      if (!reopened.ok) return reopened;
      const installed = await this.#install();
      return installed.ok ? { ok: true, value: [...WAREHOUSE_TABLES] } : installed;
    }
    const signature = String(row.signature);
    const present = WAREHOUSE_TABLES.filter((table) => signature.split('\n').includes(`table ${table}`));
    const fingerprints = await this.#readFingerprints(present);
    if (!fingerprints.ok) return fingerprints;
    const damaged = WAREHOUSE_TABLES.filter(
      (table) => fingerprints.value.get(table) !== this.#fingerprints.get(table),
    );
    if (damaged.length > 0) {
      const restored = await this.#loadTables(damaged);
      if (!restored.ok) return restored;
    }
    if (damaged.length > 0 || signature !== this.#signature) {
      // A dropped table takes its views with it; a user may have replaced a view or a macro.
      const views = await this.#defineViews();
      if (!views.ok) return views;
    }
    if (Number(row.user_schema) === 0) {
      const schema = await this.#db.query(
        `CREATE SCHEMA IF NOT EXISTS ${qualified(APP_CATALOG, USER_SCHEMA)}`,
      );
      if (!schema.ok) return schema;
    }
    return { ok: true, value: damaged };
  }

  /**
   * Rows appended to warehouse tables (imported documents and user sources, as Arrow IPC streams):
   * from now on part of what those tables are loaded and restored to. Reloads the tables that change.
   */
  async setAdditions(additions: ReadonlyMap<WarehouseTable, readonly Uint8Array[]>): Promise<DbResult<void>> {
    const same = (table: WarehouseTable) => {
      const [now, before] = [additions.get(table) ?? [], this.#additions.get(table) ?? []];
      return now.length === before.length && now.every((bytes, i) => bytes === before[i]);
    };
    const changed = WAREHOUSE_TABLES.filter((table) => !same(table));
    this.#additions = new Map(additions);
    for (const step of [
      () => this.#loadTables(changed),
      () => this.#recordFingerprints(),
      () => this.#defineViews(),
    ]) {
      const result = await step();
      if (!result.ok) return result;
    }
    return OK;
  }

  /** Appends more rows to warehouse tables now (one import added): quicker than setting them all again. */
  async addRows(rows: ReadonlyMap<WarehouseTable, Uint8Array>): Promise<DbResult<void>> {
    for (const [table, bytes] of rows) {
      const appended = await this.#append(table, bytes);
      if (!appended.ok) return appended;
      this.#additions.set(table, [...(this.#additions.get(table) ?? []), bytes]);
    }
    return this.#recordFingerprints();
  }

  /** "Khôi phục dữ liệu gốc": a fresh database with the warehouse as shipped and nothing users made. */
  async reset(): Promise<DbResult<void>> {
    const reopened = await this.#db.reopen();
    return reopened.ok ? this.#install() : reopened;
  }

  async #install(): Promise<DbResult<void>> {
    const steps = [
      () => this.#loadTables(WAREHOUSE_TABLES),
      () => this.#recordFingerprints(),
      () => this.#defineViews(),
      () => this.#db.query(`CREATE SCHEMA IF NOT EXISTS ${qualified(APP_CATALOG, USER_SCHEMA)}`),
      () => this.#db.lockDown(),
      () =>
        this.#db.userQuery(
          `USE ${qualified(APP_CATALOG, USER_SCHEMA)}; SET search_path = ${literal(
            `${qualified(APP_CATALOG, USER_SCHEMA)},${qualified(APP_CATALOG, APP_SCHEMA)}`,
          )}`,
        ),
    ];
    for (const step of steps) {
      const result = await step();
      if (!result.ok) return result;
    }
    return OK;
  }

  async #loadTables(tables: readonly WarehouseTable[]): Promise<DbResult<void>> {
    for (const table of tables) {
      const bytes = this.#bytes.get(table);
      if (!bytes) return { ok: false, error: { code: 'load', message: `${table}: not loaded` } };
      // Dependent views go with a dropped table; they are defined again right after.
      const loaded = await this.#db.loadArrowTable(table, bytes, APP_SCHEMA);
      if (!loaded.ok) return loaded;
      for (const extra of this.#additions.get(table) ?? []) {
        const appended = await this.#append(table, extra);
        if (!appended.ok) return appended;
      }
    }
    return OK;
  }

  async #append(table: WarehouseTable, rows: Uint8Array): Promise<DbResult<void>> {
    const scratch = `__additions_${table}`;
    const loaded = await this.#db.loadArrowTable(scratch, rows, APP_SCHEMA);
    if (!loaded.ok) return loaded;
    const inserted = await this.#db.query(
      `INSERT INTO ${appObject(table)} BY NAME SELECT * FROM ${appObject(scratch)}`,
    );
    const dropped = await this.#db.query(`DROP TABLE IF EXISTS ${appObject(scratch)}`);
    return inserted.ok ? (dropped.ok ? OK : dropped) : inserted;
  }

  async #recordFingerprints(): Promise<DbResult<void>> {
    const fingerprints = await this.#readFingerprints(WAREHOUSE_TABLES);
    if (!fingerprints.ok) return fingerprints;
    this.#fingerprints = fingerprints.value;
    return OK;
  }

  async #defineViews(): Promise<DbResult<void>> {
    for (const statement of [...WORKBENCH_MACROS, ...CURATED_VIEWS.map((view) => view.sql)]) {
      const result = await this.#db.query(statement);
      if (!result.ok) return result;
    }
    const signature = await this.#catalogueSignature();
    if (!signature.ok) return signature;
    this.#signature = signature.value;
    return OK;
  }

  async #catalogueSignature(): Promise<DbResult<string>> {
    const result = await this.#db.query(`SELECT (${CATALOGUE_SIGNATURE}) AS signature`, this.#where());
    return result.ok ? { ok: true, value: String(result.value.get(0)?.signature) } : result;
  }

  #where(): string[] {
    return [APP_CATALOG, APP_SCHEMA, APP_CATALOG, APP_SCHEMA, APP_CATALOG, APP_SCHEMA];
  }

  // Row count and an order-free hash of every row, for each table, in one query.
  async #readFingerprints(tables: readonly WarehouseTable[]): Promise<DbResult<Map<WarehouseTable, string>>> {
    if (tables.length === 0) return { ok: true, value: new Map() };
    const columns = tables.map(
      (table) =>
        `(SELECT count(*)::VARCHAR || ':' || coalesce(bit_xor(hash(t))::VARCHAR, '') FROM ${appObject(table)} t) AS ${ident(table)}`,
    );
    const result = await this.#db.query(`SELECT ${columns.join(', ')}`);
    if (!result.ok) return result;
    const row = result.value.get(0);
    return { ok: true, value: new Map(tables.map((table) => [table, String(row?.[table])])) };
  }
}
