import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { appObject } from '../../../renderer/src/lib/db/sql.ts';
import { readReviewBase } from '../../../renderer/src/lib/review/review-figures.ts';
import type { Workspace } from '../../../renderer/src/lib/warehouse/workspace.ts';
import { openWarehouseDatabase, readDataAsset } from '../../../scripts/lib/node-duckdb.ts';
import { mappedUserTable } from '../../support/mapped-user-table.ts';

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
    const { source, additions } = await mappedUserTable(
      db,
      'Chỉ tiêu;Năm;Giá trị\nSố hợp tác xã mới thành lập;2024;4321\nSố trang trại;2024;87\n',
    );
    expect((await workspace.setAdditions(additions)).ok).toBe(true);
    const tableDoc = String(source.document.doc_id);
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
