import { appObject } from '../../renderer/src/lib/db/sql.ts';

/**
 * The statements that grow the loaded warehouse to `rows` observations of the same shape: every
 * figure and indicator copied with a numbered id, so each copy is its own indicator (the pivot's
 * groups grow with the rows, as a bigger corpus's would). The same SQL runs in WASM and native.
 */
export function scaleWarehouseSql(rows: number, shippedRows: number): string[] {
  const copies = Math.max(1, Math.ceil(rows / shippedRows));
  const copy = (table: string, replace: string): string[] => [
    `CREATE TABLE ${appObject(`${table}_scaled`)} AS SELECT * REPLACE (${replace}) FROM ${appObject(table)}, range(${copies}) copies(k)`,
    `DROP TABLE ${appObject(table)}`,
    `ALTER TABLE ${appObject(`${table}_scaled`)} RENAME TO ${table}`,
  ];
  return [
    ...copy('indicators', `indicator_id || '~' || k AS indicator_id`),
    ...copy('observations', `obs_id || '~' || k AS obs_id, indicator_id || '~' || k AS indicator_id`),
    `DELETE FROM ${appObject('observations')} WHERE rowid >= ${rows}`,
  ];
}
