import type { WorkbenchDatabase } from '../db/database.ts';
import { appObject } from '../db/sql.ts';
import type { DbResult } from '../db/db-error.ts';
import { CURATED_VIEWS, WORKBENCH_MACROS } from '../meaning/curated-views.ts';
import { WAREHOUSE_TABLES, arrowPath, type WarehouseTable } from './tables.ts';

/** Reads a file of the embedded dataset; the browser fetches it, tests read it from disk. */
export type ReadAsset = (path: string) => Promise<Uint8Array>;

/** Where user-created tables go, so the warehouse tables keep their names. */
export const USER_SCHEMA = 'workspace';

// Statements that only read: no check of the warehouse is needed after them.
const READ_ONLY = /^\s*(?:select|with|from|values|pivot|unpivot|describe|show|summarize|explain|table)\b/i;

/**
 * The warehouse as users see it: base tables loaded once from Arrow IPC and kept as bytes, curated
 * views and macros on top, user objects in their own schema. After any statement that may write,
 * the base tables are compared with their fingerprints and reloaded if a user changed them, so
 * nothing typed in the SQL box can lose the embedded data.
 */
export class Workspace {
  #db: WorkbenchDatabase;
  #readAsset: ReadAsset;
  #bytes = new Map<WarehouseTable, Uint8Array>();
  #fingerprints = new Map<WarehouseTable, string>();

  constructor(db: WorkbenchDatabase, readAsset: ReadAsset) {
    this.#db = db;
    this.#readAsset = readAsset;
  }

  /** Loads the base tables, the views and the user schema. */
  async load(): Promise<DbResult<void>> {
    for (const table of WAREHOUSE_TABLES) {
      try {
        this.#bytes.set(table, await this.#readAsset(arrowPath(table)));
      } catch (cause) {
        return { ok: false, error: { code: 'load', message: `${arrowPath(table)}: ${String(cause)}` } };
      }
    }
    const loaded = await this.#loadTables(WAREHOUSE_TABLES);
    if (!loaded.ok) return loaded;
    for (const table of WAREHOUSE_TABLES) {
      const fingerprint = await this.#fingerprint(table);
      if (!fingerprint.ok) return fingerprint;
      this.#fingerprints.set(table, fingerprint.value);
    }
    const setup = await this.#db.query(
      `CREATE SCHEMA IF NOT EXISTS ${USER_SCHEMA}; SET search_path = '${USER_SCHEMA},main'`,
    );
    if (!setup.ok) return setup;
    return this.#defineViews();
  }

  /**
   * Checks the warehouse after a user statement; returns the tables it had to restore
   * (empty when nothing was touched).
   */
  async protect(sql: string): Promise<DbResult<WarehouseTable[]>> {
    if (READ_ONLY.test(sql)) return { ok: true, value: [] };
    const damaged: WarehouseTable[] = [];
    for (const table of WAREHOUSE_TABLES) {
      const fingerprint = await this.#fingerprint(table);
      if (!fingerprint.ok || fingerprint.value !== this.#fingerprints.get(table)) damaged.push(table);
    }
    if (damaged.length > 0) {
      const restored = await this.#loadTables(damaged);
      if (!restored.ok) return restored;
    }
    // A user may have dropped or replaced a view or a macro: define them again.
    const views = await this.#defineViews();
    if (!views.ok) return views;
    // …or the user schema and the search path that sends new tables there.
    const setup = await this.#db.query(
      `CREATE SCHEMA IF NOT EXISTS ${USER_SCHEMA}; SET search_path = '${USER_SCHEMA},main'`,
    );
    return setup.ok ? { ok: true, value: damaged } : setup;
  }

  /** "Khôi phục dữ liệu gốc": drops everything users created and reloads the warehouse. */
  async reset(): Promise<DbResult<void>> {
    const drop = await this.#db.query(`DROP SCHEMA IF EXISTS ${USER_SCHEMA} CASCADE`);
    if (!drop.ok) return drop;
    const loaded = await this.#loadTables(WAREHOUSE_TABLES);
    if (!loaded.ok) return loaded;
    const setup = await this.#db.query(
      `CREATE SCHEMA ${USER_SCHEMA}; SET search_path = '${USER_SCHEMA},main'`,
    );
    if (!setup.ok) return setup;
    return this.#defineViews();
  }

  async #loadTables(tables: readonly WarehouseTable[]): Promise<DbResult<void>> {
    for (const table of tables) {
      const bytes = this.#bytes.get(table);
      if (!bytes) return { ok: false, error: { code: 'load', message: `${table}: not loaded` } };
      // Dependent views go with a dropped table; they are defined again right after.
      const loaded = await this.#db.loadArrowTable(table, bytes);
      if (!loaded.ok) return loaded;
    }
    return { ok: true, value: undefined };
  }

  async #defineViews(): Promise<DbResult<void>> {
    for (const statement of [...WORKBENCH_MACROS, ...CURATED_VIEWS.map((view) => view.sql)]) {
      const result = await this.#db.query(statement);
      if (!result.ok) return result;
    }
    return { ok: true, value: undefined };
  }

  async #fingerprint(table: WarehouseTable): Promise<DbResult<string>> {
    const result = await this.#db.query(
      `SELECT count(*)::VARCHAR || ':' || coalesce(bit_xor(hash(t))::VARCHAR, '') AS fingerprint FROM ${appObject(table)} t`,
    );
    return result.ok ? { ok: true, value: String(result.value.get(0)?.fingerprint) } : result;
  }
}
