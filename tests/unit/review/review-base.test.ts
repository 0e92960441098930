import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { appObject } from '../../../renderer/src/lib/db/sql.ts';
import { additionsFor, userTableIndicators } from '../../../renderer/src/lib/import/imported-sources.ts';
import { userTableObservations } from '../../../renderer/src/lib/import/user-observations.ts';
import { loadUserTable } from '../../../renderer/src/lib/import/user-table.ts';
import { readReviewBase } from '../../../renderer/src/lib/review/review-figures.ts';
import type { Workspace } from '../../../renderer/src/lib/warehouse/workspace.ts';
import { openWarehouseDatabase, readDataAsset } from '../../../scripts/lib/node-duckdb.ts';

// A user's table is a source without a text: at the next start the review read its document's
// path ('null'), failed, and laid none of the user's corrections over the warehouse.
describe('the review base beside a user table', () => {
  let db: WorkbenchDatabase;
  let workspace: Workspace;
  beforeAll(async () => ({ db, workspace } = await openWarehouseDatabase()), 120_000);
  afterAll(() => db.close());

  it('reads the documents with a text and their figures, and leaves the table out', async () => {
    const shipped = await readReviewBase(db, readDataAsset);
    if (!shipped.ok) throw new Error(shipped.error.message);
    const csv = 'Chỉ tiêu;Năm;Giá trị\nSố hợp tác xã mới thành lập;2024;4321\nSố trang trại;2024;87\n';
    expect((await loadUserTable(db, 'thong-ke.csv', new TextEncoder().encode(csv))).ok).toBe(true);
    const source = await userTableObservations(
      db,
      { table: 'thong_ke', indicator: 'Chỉ tiêu', year: 'Năm', value: 'Giá trị' },
      'Cục Thống kê',
    );
    if (!source.ok) throw new Error(source.error.message);
    const known = await db.queryRows(`SELECT indicator_id FROM ${appObject('indicators')}`, [], (row) =>
      String(row.indicator_id),
    );
    if (!known.ok) throw new Error(known.error.message);
    const indicators = userTableIndicators(source.value.observations);
    expect(
      (await workspace.setAdditions(additionsFor([{ ...source.value, indicators }], new Set(known.value))))
        .ok,
    ).toBe(true);
    const tableDoc = String(source.value.document.doc_id);
    const [loaded] = await db
      .queryRows(
        `SELECT count(*) AS n FROM ${appObject('observations')} WHERE doc_id = ?`,
        [tableDoc],
        (row) => Number(row.n),
      )
      .then((result) => (result.ok ? result.value : []));
    expect(loaded).toBe(2);

    const read = await readReviewBase(db, readDataAsset);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.documents.has(tableDoc)).toBe(false);
    expect(read.value.figures.map((figure) => figure.obs_id)).toEqual(
      shipped.value.figures.map((figure) => figure.obs_id),
    );
  });
});
