import { quoteIdentifier, type WorkbenchDatabase } from '../db/database.ts';
import type { DbResult } from '../db/db-error.ts';
import { WAREHOUSE_TABLES, arrowPath } from './tables.ts';

/** Reads a file of the embedded dataset; the browser fetches it, tests read it from disk. */
export type ReadAsset = (path: string) => Promise<Uint8Array>;

/** Loads every warehouse table from its Arrow IPC file into DuckDB. */
export async function loadWarehouse(db: WorkbenchDatabase, readAsset: ReadAsset): Promise<DbResult<void>> {
  for (const table of WAREHOUSE_TABLES) {
    let bytes: Uint8Array;
    try {
      bytes = await readAsset(arrowPath(table));
    } catch (cause) {
      return { ok: false, error: { code: 'load', message: `${arrowPath(table)}: ${String(cause)}` } };
    }
    const loaded = await db.loadArrowTable(table, bytes);
    if (!loaded.ok) return loaded;
  }
  return { ok: true, value: undefined };
}

/** Tables of the main schema with their row counts, in name order. */
export async function listTables(db: WorkbenchDatabase): Promise<DbResult<{ name: string; rows: number }[]>> {
  const names = await db.query(
    "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY table_name",
  );
  if (!names.ok) return names;
  const tables: { name: string; rows: number }[] = [];
  for (const row of names.value.toArray()) {
    const name = String(row.table_name);
    // duckdb_tables().estimated_size is only an estimate; the list promises exact counts.
    const count = await db.query(`SELECT count(*) AS n FROM ${quoteIdentifier(name)}`);
    if (!count.ok) return count;
    tables.push({ name, rows: Number(count.value.get(0)?.n ?? 0) });
  }
  return { ok: true, value: tables };
}
