import { parseVietnameseNumber } from '../../lib/extraction/vietnamese-number.ts';
import { formatNumber } from '../../lib/format/format-number.ts';
import type { FigurePatch } from '../../lib/review/correction.ts';
import type { FigureDraft } from '../../lib/review/selection-figure.ts';
import type { ReviewProblem } from './review-model.svelte.ts';
import type { FigureDetail } from './review-queries.ts';

/** What the correction form holds: numbers as the reviewer typed them (vi-VN), years as text. */
export interface CorrectionInput {
  value: string;
  valueHigh: string;
  unit: string;
  indicatorId: string;
  measure: FigureDetail['measure'];
  periodStart: string;
  periodEnd: string;
  basis: FigureDetail['basis'];
}

/** The fields of a figure as the reviewer sees them, recorded as a correction's `before`. */
export function patchOf(detail: FigureDetail): FigurePatch {
  const patch: FigurePatch = {
    unit: detail.unit,
    comparator: detail.comparator as FigurePatch['comparator'],
    indicator_id: detail.indicatorId,
    measure: detail.measure,
    is_estimate: detail.isEstimate,
    basis: detail.basis,
  };
  if (detail.valueLow !== null) patch.value_low = detail.valueLow;
  if (detail.valueHigh !== null) patch.value_high = detail.valueHigh;
  if (detail.periodStart !== null) patch.period_start = detail.periodStart;
  if (detail.periodEnd !== null) patch.period_end = detail.periodEnd;
  if (detail.baseYear !== null) patch.base_year = detail.baseYear;
  return patch;
}

/** The form filled with the figure as it is now. */
export function inputOf(detail: FigureDetail): CorrectionInput {
  const number = (value: number | null): string => (value === null ? '' : formatNumber(value, 'vi', 6));
  return {
    value: number(detail.valueLow),
    valueHigh:
      detail.valueHigh !== null && detail.valueHigh !== detail.valueLow ? number(detail.valueHigh) : '',
    unit: detail.unit,
    indicatorId: detail.indicatorId,
    measure: detail.measure,
    periodStart: detail.periodStart === null ? '' : String(detail.periodStart),
    periodEnd: detail.periodEnd === null ? '' : String(detail.periodEnd),
    basis: detail.basis,
  };
}

/** The form for a figure being added, prefilled from the selection; the indicator is the user's to choose. */
export function inputOfDraft(draft: FigureDraft): CorrectionInput {
  return {
    value: formatNumber(draft.valueLow, 'vi', 6),
    valueHigh: draft.valueHigh !== draft.valueLow ? formatNumber(draft.valueHigh, 'vi', 6) : '',
    unit: draft.unit,
    indicatorId: '',
    measure: 'actual',
    periodStart: draft.periodStart === null ? '' : String(draft.periodStart),
    periodEnd: draft.periodEnd === null ? '' : String(draft.periodEnd),
    basis: 'level',
  };
}

// A Vietnamese number, maybe negative ("giảm" figures are stored negative).
function readNumber(text: string): number | null {
  const trimmed = text.trim();
  const negative = /^[-−]/u.test(trimmed);
  const value = parseVietnameseNumber(trimmed.replace(/^[-−]\s*/u, ''));
  return value === null ? null : negative ? -value : value;
}

function readYear(text: string): number | null {
  const year = Number(text.trim());
  return /^\d{4}$/u.test(text.trim()) && year >= 1900 && year <= 2100 ? year : null;
}

/** The numbers and years of a filled form, read; both patches start from them. */
interface FigureFields {
  low: number;
  high: number;
  start: number;
  end: number;
}

type PatchResult = { ok: true; after: FigurePatch } | { ok: false; problem: ReviewProblem };

/**
 * The form's value, upper value and period read as numbers and years; a clear problem when one
 * cannot be read or the period ends before it starts.
 */
function readFigureFields(
  input: CorrectionInput,
): { ok: true; fields: FigureFields } | { ok: false; problem: ReviewProblem } {
  const low = readNumber(input.value);
  if (low === null) return { ok: false, problem: { key: 'form.badNumber', values: { value: input.value } } };
  const high = input.valueHigh.trim() === '' ? low : readNumber(input.valueHigh);
  if (high === null)
    return { ok: false, problem: { key: 'form.badNumber', values: { value: input.valueHigh } } };
  const start = readYear(input.periodStart);
  const end = readYear(input.periodEnd);
  if (start === null || end === null) return { ok: false, problem: { key: 'form.badYear', values: {} } };
  if (start > end) return { ok: false, problem: { key: 'form.badRange', values: {} } };
  return { ok: true, fields: { low, high, start, end } };
}

/**
 * The fields a reviewer changed, as a correction's `after`; a clear problem when a number or a
 * year cannot be read, or when nothing changed.
 */
export function correctionPatch(detail: FigureDetail, input: CorrectionInput): PatchResult {
  const read = readFigureFields(input);
  if (!read.ok) return read;
  const { low, high, start, end } = read.fields;
  const after: FigurePatch = {};
  if (low !== detail.valueLow) after.value_low = low;
  if (high !== detail.valueHigh) after.value_high = high;
  if (input.unit.trim() !== detail.unit) after.unit = input.unit.trim();
  if (input.indicatorId !== detail.indicatorId && input.indicatorId !== '')
    after.indicator_id = input.indicatorId;
  if (input.measure !== detail.measure) after.measure = input.measure;
  if (start !== detail.periodStart) after.period_start = start;
  if (end !== detail.periodEnd) after.period_end = end;
  if (input.basis !== detail.basis) after.basis = input.basis;
  if (Object.keys(after).length === 0) return { ok: false, problem: { key: 'form.noChange', values: {} } };
  return { ok: true, after };
}

/**
 * Every field of a figure being added ("Thêm số liệu"), as an "add" correction's `after`; a clear
 * problem when a number or year cannot be read or no indicator was chosen.
 */
export function additionPatch(input: CorrectionInput, label: string): PatchResult {
  const read = readFigureFields(input);
  if (!read.ok) return read;
  if (input.indicatorId === '') return { ok: false, problem: { key: 'add.noIndicator', values: {} } };
  const { low, high, start, end } = read.fields;
  return {
    ok: true,
    after: {
      value_low: low,
      value_high: high,
      unit: input.unit.trim(),
      comparator: '=',
      indicator_id: input.indicatorId,
      label_vi: label,
      measure: input.measure,
      is_estimate: false,
      period_start: start,
      period_end: end,
      basis: input.basis,
    },
  };
}
