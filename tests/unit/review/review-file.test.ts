import { describe, expect, it } from 'vitest';
import type { Correction, Review } from '../../../renderer/src/lib/review/correction.ts';
import { exportReview, importReview, mergeReviews } from '../../../renderer/src/lib/review/review-file.ts';

const correction: Correction = {
  id: 'c1',
  kind: 'correct',
  figure: {
    doc_id: '2025-12-10_nghi-quyet-67-hdnd_ke-hoach-2026',
    doc_sha256: '0'.repeat(64),
    char_start: 120,
    char_end: 124,
    number_text: '8,2%',
    quote: 'GRDP ước tăng 8,2%.',
    occurrence: 0,
  },
  before: { value_low: 8.2, period_start: 2025, period_end: 2025 },
  after: { period_start: 2024, period_end: 2024 },
  note: 'năm của số ước',
  created_at: '2026-12-01T08:00:00.000Z',
};
const ours: Review = { corrections: [correction], preferences: [] };

describe('review files', () => {
  it('round-trips a review through its JSON file', async () => {
    const text = exportReview(ours, new Date('2026-12-01T09:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({
      format: 'chi-tieu-workbench/review',
      version: 1,
      exported_at: '2026-12-01T09:00:00.000Z',
    });
    expect(await importReview('r.json', text)).toEqual({ ok: true, value: ours });
  });

  it('names the first wrong field of a bad file in the message', async () => {
    const text = exportReview({
      corrections: [{ ...correction, after: { measure: 'kết quả' } as never }],
      preferences: [],
    });
    const result = await importReview('dong-nghiep.json', text);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toMatch(
        /^Tệp hiệu đính dong-nghiep\.json không hợp lệ: corrections\.0\.after\.measure: /u,
      );
  });

  it("merges a colleague's review: theirs adds what we lack, ours stays on the same id", () => {
    const theirs: Review = {
      corrections: [
        { ...correction, note: 'của đồng nghiệp' },
        { ...correction, id: 'c2', kind: 'accept', after: {} },
      ],
      preferences: [],
    };
    const merged = mergeReviews(ours, theirs);
    expect(merged.corrections.map((c) => [c.id, c.note])).toEqual([
      ['c1', 'năm của số ước'],
      ['c2', 'năm của số ước'],
    ]);
  });
});
