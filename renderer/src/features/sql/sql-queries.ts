import type { WorkbenchDatabase } from '../../lib/db/database.ts';
import type { DbResult } from '../../lib/db/db-error.ts';
import { appObject, qualified } from '../../lib/db/sql.ts';

/** An indicator id and its name, for autocomplete in the editor. */
export interface IndicatorName {
  id: string;
  name: string;
}

/** Every indicator id with its Vietnamese name, for autocomplete. */
export function indicatorNames(db: WorkbenchDatabase): Promise<DbResult<IndicatorName[]>> {
  return db.queryRows(
    `SELECT indicator_id AS id, name_vi AS name FROM ${appObject('indicators')} ORDER BY indicator_id`,
    [],
    (row) => ({ id: String(row.id), name: String(row.name) }),
  );
}

/** The SQL that previews a table or view of the schema browser: its first 100 rows. */
export function previewSql(object: { schema: string; name: string }): string {
  return `SELECT * FROM ${qualified(object.schema, object.name)} LIMIT 100;`;
}
