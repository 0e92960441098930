import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewModel } from '../../../renderer/src/features/review/review-model.svelte.ts';
import { reviewProgress, reviewQueue } from '../../../renderer/src/features/review/review-queries.ts';
import type { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import type { Workspace } from '../../../renderer/src/lib/warehouse/workspace.ts';
import { openWarehouseDatabase, readDataAsset } from '../../../scripts/lib/node-duckdb.ts';
import { fileStore } from '../../support/file-store.ts';
import { grdpDetails } from './review-support.ts';

let db: WorkbenchDatabase;
let workspace: Workspace;
let userData: string;

beforeAll(async () => {
  ({ db, workspace } = await openWarehouseDatabase());
  userData = await mkdtemp(join(tmpdir(), 'ctw-review-'));
}, 120_000);
afterAll(() => db.close());

describe('the review model over the real engine and store', () => {
  it('lists the figures behind a cell in preference order, the report’s 6,79% first', async () => {
    const details = await grdpDetails(db);
    expect(details.map((detail) => detail.valueLow)).toEqual(expect.arrayContaining([6.79, 7.1]));
    expect(details[0]).toMatchObject({
      valueLow: 6.79,
      measure: 'actual',
      basis: 'annual_avg',
      reviewed: false,
    });
  });

  it('records a correction durably, applies it, and a new model restores it', async () => {
    let changes = 0;
    const review = new ReviewModel(db, workspace, readDataAsset, fileStore(userData), () => changes++);
    expect(await review.apply()).toBe(true);
    const [used] = await grdpDetails(db);
    expect(await review.record(used!, 'correct', { value_low: 6.9 }, ' đối chiếu ')).toBe(true);
    expect(changes).toBe(1);
    expect(review.reviewedIds.has(used!.obsId)).toBe(true);
    const [after] = await grdpDetails(db);
    expect(after).toMatchObject({
      valueLow: 6.9,
      valueHigh: 6.9,
      reviewed: true,
      correctionNote: 'đối chiếu',
    });
    expect(review.corrections[0]?.before).toMatchObject({ value_low: 6.79 });

    await workspace.setCorrections([]);
    const again = new ReviewModel(db, workspace, readDataAsset, fileStore(userData));
    expect(await again.apply()).toBe(true);
    expect((await grdpDetails(db))[0]?.valueLow).toBe(6.9);
  });

  it('counts progress per document and puts reviewed figures after the unsure ones', async () => {
    const progress = await reviewProgress(db);
    expect(progress.ok).toBe(true);
    const rows = progress.ok ? progress.value : [];
    expect(rows.length).toBe(5);
    expect(rows.reduce((sum, doc) => sum + doc.reviewed, 0)).toBe(1);
    expect(rows.every((doc) => doc.total > 0)).toBe(true);
    const queue = await reviewQueue(db, null);
    expect(queue.ok).toBe(true);
    const items = queue.ok ? queue.value : [];
    expect(items[0]?.reasons.length).toBeGreaterThan(0);
    expect(items.at(-1)?.reviewed).toBe(true);
    expect(items.some((item) => item.reasons.includes('conflict'))).toBe(true);
  });

  it('lets a chosen source win, replacing an earlier choice for the same figures', async () => {
    const review = new ReviewModel(db, workspace, readDataAsset, fileStore(userData));
    await review.apply();
    const details = await grdpDetails(db);
    const other = details.find((detail) => detail.valueLow === 7.1)!;
    expect(
      await review.prefer(
        other.obsId,
        details.map((detail) => detail.obsId),
      ),
    ).toBe(true);
    expect((await grdpDetails(db))[0]).toMatchObject({ valueLow: 7.1, userPreferred: true });
    const back = details.find((detail) => detail.valueLow === 6.9)!;
    expect(
      await review.prefer(
        back.obsId,
        details.map((detail) => detail.obsId),
      ),
    ).toBe(true);
    expect(review.preferences).toHaveLength(1);
    expect((await grdpDetails(db))[0]?.valueLow).toBe(6.9);
  });

  it('keeps everything as it was when the store cannot save, and says why', async () => {
    const review = new ReviewModel(db, workspace, readDataAsset, fileStore(userData, true));
    await review.apply();
    const [used] = await grdpDetails(db);
    expect(await review.record(used!, 'not_a_figure', {}, '')).toBe(false);
    expect(review.problem).toEqual({ key: 'review.saveFailed', values: { message: 'disk full' } });
    expect((await grdpDetails(db))[0]?.valueLow).toBe(6.9);
  });

  it('exports the review and merges it into another store, refusing a file that is not one', async () => {
    const review = new ReviewModel(db, workspace, readDataAsset, fileStore(userData));
    await review.apply();
    const file = review.exportFile();
    userData = await mkdtemp(join(tmpdir(), 'ctw-review-colleague-'));
    const colleague = new ReviewModel(db, workspace, readDataAsset, fileStore(userData));
    await colleague.apply();
    expect(await colleague.importFile('sai.json', '{"format":"x"}')).toBeNull();
    expect(colleague.problem?.key).toBe('review.invalid');
    expect(await colleague.importFile('hieu-dinh.json', file)).toBe(2);
    expect(colleague.corrections).toHaveLength(1);
    expect((await grdpDetails(db))[0]?.valueLow).toBe(6.9);
    expect(await colleague.importFile('hieu-dinh.json', file)).toBe(0);
  });
});
