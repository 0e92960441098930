import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewModel } from '../../../renderer/src/features/review/review-model.svelte.ts';
import type { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import type { Workspace } from '../../../renderer/src/lib/warehouse/workspace.ts';
import { openWarehouseDatabase, readDataAsset } from '../../../scripts/lib/node-duckdb.ts';
import { fileStore } from '../../support/file-store.ts';
import { grdpDetails } from './review-support.ts';

let db: WorkbenchDatabase;
let workspace: Workspace;

const DISK_FULL = { key: 'review.saveFailed', values: { message: 'disk full' } };

/** A review over a fresh store, applied, and the GRDP figures it acts on. */
async function freshReview(failWrites = false) {
  const userData = await mkdtemp(join(tmpdir(), 'ctw-review-busy-'));
  const review = new ReviewModel(db, workspace, readDataAsset, fileStore(userData, failWrites));
  expect(await review.apply()).toBe(true);
  return { review, userData, details: await grdpDetails(db) };
}

/** What a new model over the same files reads back (the app after a reload). */
async function reloaded(userData: string): Promise<ReviewModel> {
  const again = new ReviewModel(db, workspace, readDataAsset, fileStore(userData));
  await again.restore();
  return again;
}

beforeAll(async () => {
  ({ db, workspace } = await openWarehouseDatabase());
}, 120_000);
afterAll(() => db.close());

describe('the review model runs one change at a time', () => {
  it('stores one correction when "Chấp nhận" is clicked twice before the first is saved', async () => {
    const { review, userData, details } = await freshReview();
    const used = details[0]!;
    expect(review.busy).toBe(false);
    const first = review.record(used, 'accept', {}, '');
    expect(review.busy).toBe(true);
    const second = review.record(used, 'accept', {}, '');
    // The second click is refused without a write and is no problem: the first one is still saving.
    expect(await second).toBe(false);
    expect(review.busy).toBe(true);
    expect(review.problem).toBeNull();
    expect(await first).toBe(true);
    expect(review.busy).toBe(false);
    expect(review.corrections).toHaveLength(1);
    expect((await reloaded(userData)).corrections.map((item) => item.kind)).toEqual(['accept']);
  });

  it('refuses another kind of change asked for while one is saving (two components at once)', async () => {
    const { review, userData, details } = await freshReview();
    const [used, other] = details;
    const recording = review.record(used!, 'not_a_figure', {}, '');
    const picking = review.prefer(
      other!.obsId,
      details.map((detail) => detail.obsId),
    );
    expect(await picking).toBe(false);
    expect(await recording).toBe(true);
    const again = await reloaded(userData);
    expect(again.corrections.map((item) => item.kind)).toEqual(['not_a_figure']);
    expect(again.preferences).toEqual([]);
    // Once the first change is in, the next one goes through.
    expect(
      await review.prefer(
        other!.obsId,
        details.map((detail) => detail.obsId),
      ),
    ).toBe(true);
    expect((await reloaded(userData)).preferences).toHaveLength(1);
    await workspace.setCorrections([]);
  });

  it('is no longer busy after a write the store refused, so the next change is tried', async () => {
    const { review, details } = await freshReview(true);
    const used = details[0]!;
    const recording = review.record(used, 'accept', {}, '');
    expect(review.busy).toBe(true);
    expect(await recording).toBe(false);
    expect(review.busy).toBe(false);
    expect(review.problem).toEqual(DISK_FULL);
    review.problem = null;
    expect(await review.record(used, 'accept', {}, '')).toBe(false);
    // Tried, not refused: the store's problem is shown again.
    expect(review.problem).toEqual(DISK_FULL);
    expect(review.corrections).toEqual([]);
  });

  it('is no longer busy after a change that threw while being applied', async () => {
    let engineGone = false;
    const failing = Object.create(workspace) as Workspace;
    failing.setCorrections = (rows) =>
      engineGone ? Promise.reject(new Error('engine gone')) : workspace.setCorrections(rows);
    const userData = await mkdtemp(join(tmpdir(), 'ctw-review-busy-'));
    const review = new ReviewModel(db, failing, readDataAsset, fileStore(userData));
    expect(await review.apply()).toBe(true);
    const [used] = await grdpDetails(db);
    engineGone = true;
    await expect(review.record(used!, 'accept', {}, '')).rejects.toThrow('engine gone');
    expect(review.busy).toBe(false);
    // The correction was durable before the overlay failed: it is kept, not lost.
    expect((await reloaded(userData)).corrections).toHaveLength(1);
    await workspace.setCorrections([]);
  });
});
