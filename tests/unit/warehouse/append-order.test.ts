import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { appObject } from '../../../renderer/src/lib/db/sql.ts';
import { WAREHOUSE_COLUMNS, type WarehouseRow } from '../../../renderer/src/lib/warehouse/columns.ts';
import { encodeArrowIpc } from '../../../renderer/src/lib/warehouse/encode-arrow.ts';
import { WAREHOUSE_TABLES, arrowPath } from '../../../renderer/src/lib/warehouse/tables.ts';
import { useWarehouseDatabase } from '../../support/warehouse-database.ts';

// Additions are appended by position (the engine's Arrow append matches columns in order), so the
// shipped files and every addition must carry the warehouse's columns in the one order.
const engine = useWarehouseDatabase();

describe('rows appended to a warehouse table', () => {
  it.each(WAREHOUSE_TABLES)('%s: the shipped file has the warehouse columns, in order', (table) => {
    const shipped = tableFromIPC(readFileSync(`data/${arrowPath(table)}`));
    expect(shipped.schema.fields.map((field) => field.name)).toEqual(
      WAREHOUSE_COLUMNS[table].map((column) => column.name),
    );
  });

  it('read back column for column', async () => {
    const [first] = tableFromIPC(readFileSync(`data/${arrowPath('observations')}`)).toArray();
    const row = { ...(first.toJSON() as WarehouseRow), obs_id: 'them~1', value_low: 12.5, unit: 'ha' };
    const appended = await engine.db.appendArrow(
      'observations',
      encodeArrowIpc(WAREHOUSE_COLUMNS.observations, [row]),
    );
    expect(appended.ok).toBe(true);
    const read = await engine.db.queryRows(
      `SELECT * FROM ${appObject('observations')} WHERE obs_id = 'them~1'`,
      [],
      (found) => ({ ...found }),
    );
    expect(read.ok && read.value).toEqual([row]);
  });
});
