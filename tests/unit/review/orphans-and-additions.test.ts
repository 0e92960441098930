import { beforeAll, describe, expect, it } from 'vitest';
import { addedId, applyCorrections } from '../../../renderer/src/lib/review/apply-corrections.ts';
import type { Correction } from '../../../renderer/src/lib/review/correction.ts';
import type { IdentifiedFigure } from '../../../renderer/src/lib/review/figure-identity.ts';
import { reattachCandidates } from '../../../renderer/src/lib/review/match-figure.ts';
import { draftFromSelection, identityOfDraft } from '../../../renderer/src/lib/review/selection-figure.ts';
import { correctionOf, DOC_ID, documentText, extractIdentified } from './review-support.ts';

let figures: IdentifiedFigure[];
let documents: Map<string, { sha256: string; text: string }>;

beforeAll(async () => {
  ({ figures, documents } = await extractIdentified(documentText));
});

describe('an orphaned correction and the figures it may be re-attached to', () => {
  it('is orphaned when its sentence changed, and offers the same number in the document, nearest first', () => {
    const figure = figures.find((candidate) => candidate.unit === '%')!;
    const correction = correctionOf(figure, 'correct', { value_low: 1 });
    // Another edition of the document: other bytes, the sentence reworded, the span moved.
    const moved: Correction = {
      ...correction,
      figure: {
        ...correction.figure,
        doc_sha256: 'f'.repeat(64),
        char_start: figure.char_start + 40,
        char_end: figure.char_end + 40,
        quote: `${figure.quote} (đã sửa)`,
      },
    };
    const result = applyCorrections(figures, { corrections: [moved], preferences: [] }, documents);
    expect(result.orphaned.map((item) => item.id)).toEqual([moved.id]);
    const candidates = reattachCandidates(figures, moved.figure);
    expect(candidates[0]?.obs_id).toBe(figure.obs_id);
    expect(candidates.every((candidate) => candidate.number_text === figure.number_text)).toBe(true);
    expect(candidates.length).toBeLessThanOrEqual(5);
  });

  it('offers nothing from another document or another number', () => {
    const figure = figures[0]!;
    const identity = { ...correctionOf(figure, 'accept').figure, doc_id: 'khac', number_text: '999.999' };
    expect(reattachCandidates(figures, identity)).toEqual([]);
  });
});

describe('a figure added from a selection in the reader', () => {
  // A figure the extractor reads, taken out of its output as if it had missed it.
  const missed = (all: IdentifiedFigure[]): IdentifiedFigure =>
    all.find((figure) => figure.unit === 'tỷ đồng' && figure.number_text.includes('.'))!;
  const without = (all: IdentifiedFigure[], gone: IdentifiedFigure): IdentifiedFigure[] =>
    all.filter((figure) => figure.obs_id !== gone.obs_id);

  it('joins the figures at the selected span, and follows its sentence when the document changes', async () => {
    const figure = missed(figures);
    const [start, end] = [figure.char_start, figure.char_end];
    // The user selects the figure's number and its unit.
    const draft = draftFromSelection(DOC_ID, documentText, start, end, 2025)!;
    // The extractor's span takes the unit too; the selection's number is the number alone.
    expect(draft.charStart).toBe(start);
    expect(figure.number_text.startsWith(draft.numberText)).toBe(true);
    const add: Correction = {
      id: 'them-1',
      kind: 'add',
      figure: identityOfDraft(draft, documents.get(DOC_ID)!.sha256),
      before: {},
      after: {
        value_low: draft.valueLow,
        unit: draft.unit,
        indicator_id: 'budget_revenue_total',
        measure: 'actual',
        basis: 'level',
        period_start: 2025,
        period_end: 2025,
      },
      note: 'bổ sung',
      created_at: '2026-12-01T08:00:00.000Z',
    };
    expect(draft.unit).toBe('tỷ đồng');
    const result = applyCorrections(
      without(figures, figure),
      { corrections: [add], preferences: [] },
      documents,
    );
    const added = result.rows.find((row) => row.obs_id === addedId(add));
    expect(added).toMatchObject({
      char_start: start,
      char_end: draft.charEnd,
      value_low: draft.valueLow,
      reviewed: true,
    });
    expect(added?.quote).toBe(draft.quote);

    // Re-extraction of an edited document: a paragraph before it moves every offset.
    const edited = `Lời nói đầu mới.\n\n${documentText}`;
    const again = await extractIdentified(edited);
    const moved = applyCorrections(
      without(again.figures, missed(again.figures)),
      { corrections: [add], preferences: [] },
      again.documents,
    );
    const relocated = moved.rows.find((row) => row.obs_id === addedId(add));
    expect(moved.orphaned).toEqual([]);
    expect(relocated?.char_start).toBe(start + 'Lời nói đầu mới.\n\n'.length);
    expect(edited.slice(Number(relocated?.char_start), Number(relocated?.char_end))).toBe(draft.numberText);
  });
});
