import type { WorkbenchDatabase } from '../../renderer/src/lib/db/database.ts';

/** What the pivot's figures view reads now (its SQL): the view computed on every read, or the table of them. */
export async function pivotReads(db: WorkbenchDatabase): Promise<string> {
  const view = await db.queryRows(
    "SELECT sql FROM duckdb_views() WHERE view_name = 'pivot_figures'",
    [],
    (row) => String(row.sql),
  );
  if (!view.ok) throw new Error(view.error.message);
  return String(view.value[0]);
}
