import { describe, expect, it } from 'vitest';
import {
  additionPatch,
  correctionPatch,
  inputOf,
  inputOfDraft,
} from '../../../renderer/src/features/review/correction-input.ts';
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

describe('additionPatch: a figure added from a selection', () => {
  const draft = {
    docId: 'd1',
    charStart: 10,
    charEnd: 16,
    numberText: '29.500',
    valueLow: 29500,
    valueHigh: 29500,
    unit: 'tỷ đồng',
    sentenceStart: 0,
    sentenceEnd: 40,
    quote: 'câu',
    occurrence: 0,
    periodStart: 2025,
    periodEnd: 2025,
  };

  it('is prefilled from the selection in vi-VN, the indicator left to choose', () => {
    expect(inputOfDraft(draft)).toMatchObject({
      value: '29.500',
      unit: 'tỷ đồng',
      indicatorId: '',
      periodStart: '2025',
    });
  });

  it('carries every field an added figure needs', () => {
    const input = { ...inputOfDraft(draft), indicatorId: 'investment_total', measure: 'target' as const };
    expect(additionPatch(input, 'Tổng vốn đầu tư')).toEqual({
      ok: true,
      after: {
        value_low: 29500,
        value_high: 29500,
        unit: 'tỷ đồng',
        comparator: '=',
        indicator_id: 'investment_total',
        label_vi: 'Tổng vốn đầu tư',
        measure: 'target',
        is_estimate: false,
        period_start: 2025,
        period_end: 2025,
        basis: 'level',
      },
    });
  });

  it('refuses a figure with no indicator, an unreadable number or no year', () => {
    const input = inputOfDraft(draft);
    expect(additionPatch(input, '')).toMatchObject({ ok: false, problem: { key: 'add.noIndicator' } });
    const chosen = { ...input, indicatorId: 'x' };
    expect(additionPatch({ ...chosen, value: '29 nghìn' }, '')).toMatchObject({
      ok: false,
      problem: { key: 'form.badNumber' },
    });
    expect(additionPatch({ ...chosen, periodStart: '' }, '')).toMatchObject({
      ok: false,
      problem: { key: 'form.badYear' },
    });
  });
});
