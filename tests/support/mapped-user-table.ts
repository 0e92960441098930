import type { WorkbenchDatabase } from '../../renderer/src/lib/db/database.ts';
import { appObject } from '../../renderer/src/lib/db/sql.ts';
import {
  additionsFor,
  userTableIndicators,
  type AddedSource,
} from '../../renderer/src/lib/import/imported-sources.ts';
import { userTableObservations } from '../../renderer/src/lib/import/user-observations.ts';
import { loadUserTable } from '../../renderer/src/lib/import/user-table.ts';
import type { WarehouseTable } from '../../renderer/src/lib/warehouse/tables.ts';

/**
 * `csv` (columns Chỉ tiêu;Năm;Giá trị) loaded as the user table `thong_ke` and mapped as the import
 * area maps it: its source, and the rows it adds to the warehouse (one Arrow stream per table).
 */
export async function mappedUserTable(
  db: WorkbenchDatabase,
  csv: string,
): Promise<{ source: AddedSource; additions: Map<WarehouseTable, Uint8Array[]> }> {
  const table = await loadUserTable(db, 'thong-ke.csv', new TextEncoder().encode(csv));
  if (!table.ok) throw new Error(table.error.message);
  const mapped = await userTableObservations(
    db,
    { table: 'thong_ke', indicator: 'Chỉ tiêu', year: 'Năm', value: 'Giá trị' },
    'Cục Thống kê',
  );
  if (!mapped.ok) throw new Error(mapped.error.message);
  const known = await db.queryRows(`SELECT indicator_id FROM ${appObject('indicators')}`, [], (row) =>
    String(row.indicator_id),
  );
  if (!known.ok) throw new Error(known.error.message);
  const source = { ...mapped.value, indicators: userTableIndicators(mapped.value.observations) };
  return { source, additions: additionsFor([source], new Set(known.value)) };
}
