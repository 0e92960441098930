import type { WorkbenchDatabase } from '../../lib/db/database.ts';
import type { DbResult } from '../../lib/db/db-error.ts';
import { APP_CATALOG, appObject, literal, qualified, typedIdent } from '../../lib/db/sql.ts';
import type { WorkspaceDocument } from '../../lib/import/workspace-contents.ts';
import { USER_SCHEMA } from '../../lib/warehouse/workspace.ts';

/** Every document of the workspace with its file's SHA-256. */
export function workspaceDocuments(db: WorkbenchDatabase): Promise<DbResult<WorkspaceDocument[]>> {
  return db.queryRows(`SELECT doc_id, title, sha256 FROM ${appObject('documents')}`, [], (row) => ({
    id: String(row.doc_id),
    title: String(row.title),
    sha256: row.sha256 === null ? null : String(row.sha256),
  }));
}

/** The indicator ids the warehouse holds. */
export async function indicatorIds(db: WorkbenchDatabase): Promise<DbResult<Set<string>>> {
  const rows = await db.queryRows(`SELECT indicator_id FROM ${appObject('indicators')}`, [], (row) =>
    String(row.indicator_id),
  );
  return rows.ok ? { ok: true, value: new Set(rows.value) } : rows;
}

/** Names of the tables in the user schema. */
export async function userTableNames(db: WorkbenchDatabase): Promise<DbResult<Set<string>>> {
  const rows = await db.queryRows(
    'SELECT table_name FROM duckdb_tables() WHERE database_name = ? AND schema_name = ?',
    [APP_CATALOG, USER_SCHEMA],
    (row) => String(row.table_name),
  );
  return rows.ok ? { ok: true, value: new Set(rows.value) } : rows;
}

/** The columns of a user table, in order. */
export async function userTableColumns(
  db: WorkbenchDatabase,
  table: string,
): Promise<DbResult<{ name: string; type: string }[]>> {
  return db.queryRows(
    `SELECT column_name, data_type FROM duckdb_columns()
     WHERE database_name = ? AND schema_name = ? AND table_name = ? ORDER BY column_index`,
    [APP_CATALOG, USER_SCHEMA, table],
    (row) => ({ name: String(row.column_name), type: String(row.data_type) }),
  );
}

/** Drops a user table (when it is removed, or could not be kept). */
export function dropUserTable(db: WorkbenchDatabase, table: string): Promise<DbResult<unknown>> {
  return db.query(`DROP TABLE IF EXISTS ${qualified(APP_CATALOG, USER_SCHEMA, table)}`);
}

/** SQL a user is shown to look at a user table. */
export function previewTableSql(table: string): string {
  return `SELECT * FROM ${typedIdent(USER_SCHEMA)}.${typedIdent(table)} LIMIT 1000;`;
}

/** SQL a user is shown to see an imported document's figures with their indicators. */
export function documentFiguresSql(docId: string): string {
  return `SELECT indicator_name_vi, label_vi, value_low, value_high, unit, measure, period_start, period_end, basis, quote
FROM v_observations WHERE doc_id = ${literal(docId)} ORDER BY char_start;`;
}
