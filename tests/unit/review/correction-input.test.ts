import { describe, expect, it } from 'vitest';
import { correctionPatch, inputOf } from '../../../renderer/src/features/review/correction-input.ts';
import type { FigureDetail } from '../../../renderer/src/features/review/review-queries.ts';

const detail: FigureDetail = {
  obsId: 'o1',
  docId: 'd1',
  docTitle: 'Báo cáo',
  docType: 'bao_cao',
  issuedOn: '2025-12-01',
  indicatorId: 'grdp_growth',
  indicatorName: 'Tốc độ tăng trưởng kinh tế',
  catalogued: true,
  valueLow: 12450,
  valueHigh: 12450,
  unit: 'tỷ đồng',
  comparator: '=',
  measure: 'actual',
  isEstimate: false,
  periodStart: 2021,
  periodEnd: 2025,
  periodNote: null,
  basis: 'total',
  baseYear: null,
  quote: 'câu',
  charStart: 0,
  charEnd: 6,
  sentenceStart: 0,
  sentenceEnd: 10,
  reviewed: false,
  correctionNote: null,
  userPreferred: false,
  sourceRank: 1,
};

describe('the correction form’s reading of what a reviewer typed', () => {
  it('starts from the figure in vi-VN format', () => {
    expect(inputOf(detail)).toMatchObject({
      value: '12.450',
      valueHigh: '',
      periodStart: '2021',
      periodEnd: '2025',
    });
  });

  it('keeps only the fields that changed; a point value stays a point value', () => {
    const input = { ...inputOf(detail), value: '12.500,5', periodStart: '2025', measure: 'target' as const };
    expect(correctionPatch(detail, input)).toEqual({
      ok: true,
      after: { value_low: 12500.5, value_high: 12500.5, period_start: 2025, measure: 'target' },
    });
  });

  it('reads a decrease written with a minus sign and a range', () => {
    const input = { ...inputOf(detail), value: '-2,96', valueHigh: '−1,5' };
    expect(correctionPatch(detail, input)).toMatchObject({
      ok: true,
      after: { value_low: -2.96, value_high: -1.5 },
    });
  });

  it.each([
    [{ value: 'mười hai' }, 'form.badNumber'],
    [{ valueHigh: '1,2,3' }, 'form.badNumber'],
    [{ periodStart: '21' }, 'form.badYear'],
    [{ periodEnd: '2200' }, 'form.badYear'],
    [{ periodStart: '2026' }, 'form.badRange'],
    [{}, 'form.noChange'],
  ])('refuses %j with %s', (change, key) => {
    const result = correctionPatch(detail, { ...inputOf(detail), ...change });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.key).toBe(key);
  });
});
