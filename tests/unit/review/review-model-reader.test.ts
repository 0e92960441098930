import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewModel } from '../../../renderer/src/features/review/review-model.svelte.ts';
import type { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { fileStore } from '../../support/file-store.ts';
import type { Workspace } from '../../../renderer/src/lib/warehouse/workspace.ts';
import { openWarehouseDatabase, readDataAsset } from '../../../scripts/lib/node-duckdb.ts';

const REPORT_DOC = '2025_bao-cao-ktxh-2021-2025_phuong-huong-2026-2030';
let db: WorkbenchDatabase;
let workspace: Workspace;
let userData: string;

beforeAll(async () => {
  ({ db, workspace } = await openWarehouseDatabase());
  userData = await mkdtemp(join(tmpdir(), 'ctw-review-reader-'));
}, 120_000);
afterAll(() => db.close());

const orphanFile = (ids: string[]): string =>
  JSON.stringify({
    format: 'chi-tieu-workbench/review',
    version: 1,
    corrections: ids.map((id) => ({
      id,
      kind: 'correct',
      figure: {
        doc_id: REPORT_DOC,
        doc_sha256: 'a'.repeat(64),
        char_start: 12,
        char_end: 17,
        number_text: '6,79%',
        quote: `Câu của bản cũ đã được viết lại (${id}).`,
        occurrence: 0,
      },
      before: { value_low: 6.79, unit: '%' },
      after: { period_start: 2021, period_end: 2025 },
      note: id,
      created_at: '2026-01-05T08:00:00.000Z',
    })),
  });

const reportText = async (): Promise<string> =>
  new TextDecoder().decode(await readDataAsset(`sources/${REPORT_DOC}.txt`));

describe('the review model: figures added from the reader, orphans re-attached or deleted', () => {
  it('adds a figure at a selection: durable, applied, marked, restored by a new model', async () => {
    const review = new ReviewModel(db, workspace, readDataAsset, fileStore(userData));
    expect(await review.apply()).toBe(true);
    // The text as the reader shows it: the document's own file (the model reads it when it needs it).
    const text = await reportText();
    const at = text.indexOf('6.508 nhà tạm');
    expect(await review.startAdd(REPORT_DOC, at, at + 5, 2025)).toBe(true);
    expect(review.documentText(REPORT_DOC)).toBe(text);
    const draft = review.draft!;
    expect(draft).toMatchObject({ numberText: '6.508', valueLow: 6508, unit: 'nhà' });
    const saved = await review.add(
      draft,
      {
        value_low: 6508,
        value_high: 6508,
        unit: 'căn',
        indicator_id: 'social_housing_units',
        label_vi: 'Nhà ở xã hội',
        measure: 'actual',
        period_start: 2021,
        period_end: 2025,
        basis: 'total',
      },
      'máy bỏ sót',
    );
    expect(saved).toBe(true);
    const addedId = review.drill?.obsIds[0];
    expect(addedId).toMatch(/^user:/u);
    expect(review.reviewedIds.has(addedId!)).toBe(true);
    const rows = await db.queryRows(
      `SELECT char_start, value_low, reviewed, correction_note FROM v_observations WHERE obs_id = ?`,
      [addedId!],
      (row) => ({ ...row }),
    );
    expect(rows.ok && rows.value[0]).toMatchObject({
      char_start: at,
      value_low: 6508,
      reviewed: true,
      correction_note: 'máy bỏ sót',
    });
    const again = new ReviewModel(db, workspace, readDataAsset, fileStore(userData));
    expect(await again.apply()).toBe(true);
    expect(again.reviewedIds.has(addedId!)).toBe(true);
  });

  it('says so when the selection holds no number, and opens nothing', async () => {
    const review = new ReviewModel(db, workspace, readDataAsset, fileStore(userData));
    await review.apply();
    const text = await reportText();
    const at = text.indexOf('Chương trình xóa nhà tạm');
    expect(await review.startAdd(REPORT_DOC, at, at + 12, 2025)).toBe(false);
    expect(review.problem?.key).toBe('add.noNumber');
    expect(review.draft).toBeNull();
  });

  it('keeps orphans, re-attaches one to a figure the user picks, and deletes the other durably', async () => {
    const review = new ReviewModel(db, workspace, readDataAsset, fileStore(userData));
    await review.apply();
    expect(await review.importFile('ban-cu.json', orphanFile(['cu-1', 'cu-2']))).toBe(2);
    expect(review.orphaned.map((item) => item.id)).toEqual(['cu-1', 'cu-2']);
    const [first, second] = review.orphaned;
    const candidates = review.candidates(first!);
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.every((figure) => figure.number_text === '6,79%')).toBe(true);
    expect(await review.reattach(first!, candidates[0]!.obs_id)).toBe(true);
    expect(review.orphaned.map((item) => item.id)).toEqual(['cu-2']);
    expect(review.reviewedIds.has(candidates[0]!.obs_id)).toBe(true);
    expect(await review.remove(second!)).toBe(true);
    expect(review.orphaned).toEqual([]);
    const again = new ReviewModel(db, workspace, readDataAsset, fileStore(userData));
    expect(await again.apply()).toBe(true);
    expect(again.orphaned).toEqual([]);
    expect(again.corrections.map((item) => item.id)).toContain('cu-1');
    expect(again.corrections.map((item) => item.id)).not.toContain('cu-2');
  });
});
