import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addedId,
  applyCorrections,
  type OverlayResult,
} from '../../../renderer/src/lib/review/apply-corrections.ts';
import type { Correction, Review } from '../../../renderer/src/lib/review/correction.ts';
import { identityOf, type IdentifiedFigure } from '../../../renderer/src/lib/review/figure-identity.ts';
import { correctionOf, documentText, extractIdentified } from './review-support.ts';

let figures: IdentifiedFigure[];
let documents: Map<string, { sha256: string; text: string }>;

beforeAll(async () => {
  ({ figures, documents } = await extractIdentified(documentText));
});

const review = (corrections: Correction[], preferences: Review['preferences'] = []): Review => ({
  corrections,
  preferences,
});
const byId = (result: OverlayResult, obsId: string) => result.rows.find((row) => row.obs_id === obsId);

describe('applyCorrections on a real document', () => {
  it('corrects the fields it names, keeps the rest, and marks the figure reviewed', () => {
    const figure = figures[3]!;
    const correction = correctionOf(
      figure,
      'correct',
      { value_low: 7.5, period_start: 2024, period_end: 2024 },
      undefined,
      'sai năm',
    );
    const result = applyCorrections(figures, review([correction]));
    const row = byId(result, figure.obs_id)!;
    expect(row).toMatchObject({
      value_low: 7.5,
      period_start: 2024,
      term: '2021-2025',
      unit: figure.unit,
      indicator_id: figure.indicator_id,
      reviewed: true,
      correction_note: 'sai năm',
    });
    // A point value corrected at its low end stays a point value.
    if (figure.value_low === figure.value_high) expect(row.value_high).toBe(7.5);
    expect(result.orphaned).toEqual([]);
    expect(result.rows.filter((r) => r.reviewed)).toHaveLength(1);
  });

  it('leaves out a figure marked "không phải số liệu", and takes it back when a later accept says so', () => {
    const figure = figures[5]!;
    const out = correctionOf(figure, 'not_a_figure', {}, '2026-12-01T08:00:00Z');
    let result = applyCorrections(figures, review([out]));
    expect(byId(result, figure.obs_id)).toBeUndefined();
    expect(result.excluded.map((row) => row.obs_id)).toEqual([figure.obs_id]);
    const back = correctionOf(figure, 'accept', {}, '2026-12-01T09:00:00Z');
    result = applyCorrections(figures, review([back, out]));
    expect(byId(result, figure.obs_id)?.reviewed).toBe(true);
    expect(result.excluded).toEqual([]);
  });

  it('adds a figure the extractor missed, at the span the reviewer selected', () => {
    const at = documentText.indexOf('2026');
    const add: Correction = {
      ...correctionOf(figures[0]!, 'add', {
        value_low: 2026,
        unit: 'năm',
        indicator_id: 'x_nam_ke_hoach',
        measure: 'target',
        basis: 'level',
        period_start: 2026,
        period_end: 2026,
      }),
      figure: {
        ...identityOf(figures[0]!),
        char_start: at,
        char_end: at + 4,
        number_text: '2026',
        quote: 'năm 2026',
        occurrence: 0,
      },
    };
    const result = applyCorrections(figures, review([add]), documents);
    const added = byId(result, addedId(add))!;
    expect(added).toMatchObject({
      char_start: at,
      char_end: at + 4,
      value_low: 2026,
      value_high: 2026,
      term: '2026-2030',
      catalogued: false,
      reviewed: true,
    });
    expect(result.rows).toHaveLength(figures.length + 1);
  });

  it('orphans a correction whose figure is gone, and says so instead of dropping it', () => {
    const figure = figures[2]!;
    const lost: Correction = {
      ...correctionOf(figure, 'correct', { unit: '%' }),
      figure: { ...identityOf(figure), number_text: '999,99', quote: 'một câu đã bị xóa' },
    };
    const result = applyCorrections(figures, review([lost]));
    expect(result.orphaned).toEqual([lost]);
    expect(result.applied).toEqual([]);
    expect(result.rows).toEqual(applyCorrections(figures, review([])).rows);
  });

  it('marks the figure a source preference names, and orphans one that names nothing', () => {
    const figure = figures[7]!;
    const chosen = { id: 'p1', figure: identityOf(figure), note: '', created_at: '2026-12-01T08:00:00Z' };
    const gone = {
      ...chosen,
      id: 'p2',
      figure: { ...chosen.figure, quote: 'không còn', char_start: 1, char_end: 2 },
    };
    const result = applyCorrections(figures, review([], [chosen, gone]));
    expect(byId(result, figure.obs_id)?.user_preferred).toBe(true);
    expect(result.rows.filter((row) => row.user_preferred)).toHaveLength(1);
    expect(result.preferences.orphaned).toEqual([gone]);
  });

  it('still applies after re-extraction of the document changed, its offsets moved by a new heading', async () => {
    const chosen = [figures[1]!, figures[10]!, figures[20]!, figures.at(-1)!];
    const corrections = chosen.map((figure, i) => correctionOf(figure, 'correct', { value_low: 1000 + i }));
    const shifted = await extractIdentified(`BẢN ĐÃ SỬA ĐỔI, BỔ SUNG\n\n${documentText}`);
    expect(shifted.figures[1]!.char_start).not.toBe(figures[1]!.char_start);
    const result = applyCorrections(shifted.figures, review(corrections));
    expect(result.orphaned).toEqual([]);
    expect(result.applied.map((entry) => entry.match)).toEqual([
      'sentence',
      'sentence',
      'sentence',
      'sentence',
    ]);
    const offset = 'BẢN ĐÃ SỬA ĐỔI, BỔ SUNG\n\n'.length;
    for (const [i, figure] of chosen.entries()) {
      const row = result.rows.find((r) => r.char_start === figure.char_start + offset)!;
      expect(row.value_low).toBe(1000 + i);
    }
  });
});

describe('applyCorrections properties', () => {
  const patch = fc.record(
    {
      value_low: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      unit: fc.constantFrom('%', 'tỷ đồng', 'ha'),
      measure: fc.constantFrom('actual', 'target', 'change'),
      period_start: fc.integer({ min: 2016, max: 2030 }),
      indicator_id: fc.constantFrom('grdp_growth', 'x_khac'),
      is_estimate: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  const action = fc.record({
    index: fc.nat(),
    kind: fc.constantFrom('accept', 'correct', 'not_a_figure'),
    patch,
    minute: fc.integer({ min: 0, max: 600 }),
    note: fc.constantFrom('', 'kiểm tra lại', 'sai đơn vị'),
  });
  const reviews = fc.array(action, { maxLength: 25 }).map((actions) =>
    actions.map(({ index, kind, patch: after, minute, note }, i) => {
      const figure = figures[index % figures.length]!;
      const correction = correctionOf(
        figure,
        kind === 'correct' && Object.keys(after).length === 0 ? 'accept' : (kind as Correction['kind']),
        kind === 'correct' ? after : {},
        new Date(Date.UTC(2026, 11, 1, 8, minute)).toISOString(),
        note,
      );
      return { ...correction, id: `r${i}` };
    }),
  );

  it('is idempotent: applying a review to its own output changes nothing', () => {
    fc.assert(
      fc.property(reviews, (corrections) => {
        const once = applyCorrections(figures, review(corrections), documents);
        const twice = applyCorrections(once.rows, review(corrections), documents);
        expect(twice.rows).toEqual(once.rows);
      }),
      { numRuns: 60 },
    );
  });

  it('applies every correction to exactly one figure, or lists it as orphaned', () => {
    fc.assert(
      fc.property(reviews, fc.boolean(), (corrections, lose) => {
        // Some figures vanish (a re-extraction found fewer): their corrections must be orphaned.
        const kept = lose ? figures.filter((_, i) => i % 3 !== 0) : figures;
        const result = applyCorrections(kept, review(corrections), documents);
        expect(result.applied.length + result.orphaned.length).toBe(corrections.length);
        const seen = new Set([
          ...result.applied.map((a) => a.correction.id),
          ...result.orphaned.map((c) => c.id),
        ]);
        expect(seen.size).toBe(corrections.length);
        const keptIds = new Set(kept.map((figure) => figure.obs_id));
        for (const entry of result.applied) expect(keptIds.has(entry.obs_id)).toBe(true);
        for (const correction of result.orphaned) {
          expect(kept.some((f) => f.char_start === correction.figure.char_start)).toBe(false);
        }
        expect(result.rows.length + result.excluded.length).toBe(kept.length);
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same corrected figures when every offset moved and the document hash changed', () => {
    fc.assert(
      fc.property(reviews, fc.integer({ min: 1, max: 5000 }), (corrections, shift) => {
        const moved = figures.map((figure) => ({
          ...figure,
          char_start: figure.char_start + shift,
          char_end: figure.char_end + shift,
          sentence_start: Number(figure.sentence_start) + shift,
          sentence_end: Number(figure.sentence_end) + shift,
          doc_sha256: 'f'.repeat(64),
        }));
        const before = applyCorrections(figures, review(corrections), documents);
        const after = applyCorrections(moved, review(corrections), documents);
        expect(after.orphaned).toEqual(before.orphaned);
        const unshift = (rows: OverlayResult['rows']) =>
          rows.map((row) => ({
            ...row,
            char_start: row.char_start - shift,
            char_end: row.char_end - shift,
            sentence_start: Number(row.sentence_start) - shift,
            sentence_end: Number(row.sentence_end) - shift,
            doc_sha256: '',
          }));
        expect(unshift(after.rows)).toEqual(before.rows.map((row) => ({ ...row, doc_sha256: '' })));
      }),
      { numRuns: 40 },
    );
  });
});
