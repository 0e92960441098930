import type { Locale, MessageKey } from '../i18n/dictionary.ts';
import { excelNumberFormat } from '../format/format-export.ts';
import type { PeriodColumn } from '../meaning/plan-periods.ts';
import type { PivotCell, PivotRow } from '../pivot/pivot-rows.ts';

/** A calculated measure of the pivot (measure-macros.ts computes them in SQL). */
export type MeasureName = 'percentOfTarget' | 'targetGap' | 'yoyChange' | 'cagr';

/** The message naming each measure in a report's column header. */
export const MEASURE_LABEL: Record<MeasureName, MessageKey> = {
  percentOfTarget: 'report.percentOfTarget',
  targetGap: 'report.targetGap',
  yoyChange: 'report.yoyChange',
  cagr: 'report.cagr',
};

// A year has a change on the year before; a plan period a growth rate over its years.
const BY_KIND: Record<PeriodColumn['kind'], readonly MeasureName[]> = {
  term: ['percentOfTarget', 'targetGap', 'cagr'],
  year: ['percentOfTarget', 'targetGap', 'yoyChange'],
};

/**
 * A measure's value where the pivot shows it, else null: % of target and the gap only beside an
 * achievement badge (a target and a result compared), a gap of zero not at all.
 */
export function shownMeasure(cell: PivotCell | undefined, name: MeasureName): number | null {
  if (!cell) return null;
  const compared = cell.targetLow !== null && cell.actualLow !== null && cell.status !== null;
  if (name === 'percentOfTarget') return compared ? cell.percentOfTarget : null;
  if (name === 'targetGap') return compared && cell.targetGap !== 0 ? cell.targetGap : null;
  return cell[name];
}

/** The measures a period column shows for some row, in the pivot's order. */
export function columnMeasures(column: PeriodColumn, rows: readonly PivotRow[]): MeasureName[] {
  return BY_KIND[column.kind].filter((name) =>
    rows.some((row) => shownMeasure(row.cells[column.key], name) !== null),
  );
}

/**
 * The Excel number format of a measure, with the decimals and sign the pivot writes: `97,5%`,
 * `+1,2 điểm %` for a gap of a % indicator, `+3,4%` for a yearly change of a quantity.
 */
export function measureNumberFormat(name: MeasureName, value: number, unit: string, locale: Locale): string {
  if (name === 'percentOfTarget' || name === 'cagr')
    return excelNumberFormat(value, { kind: 'percent', locale, maximumFractionDigits: 1 });
  const points = unit === '%';
  const format =
    name === 'targetGap'
      ? excelNumberFormat(value, { kind: points ? 'percentage_point' : 'quantity', locale })
      : excelNumberFormat(value, {
          kind: points ? 'percentage_point' : 'percent',
          locale,
          maximumFractionDigits: points ? 2 : 1,
        });
  return signed(format);
}

// `+1,2`, `-1,2`, `0`: the pivot writes a difference with its sign.
function signed(format: string): string {
  const body = format.replace(/^\[\$-[0-9A-F]+\]/, '');
  const tag = format.slice(0, format.length - body.length);
  return `${tag}+${body};-${body};${body}`;
}
