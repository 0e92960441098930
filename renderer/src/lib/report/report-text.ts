import type { Locale, MessageKey } from '../i18n/dictionary.ts';
import { translate } from '../i18n/translate.ts';
import { formatFigure } from '../format/format-number.ts';
import type { CellSource, PivotCell } from '../pivot/pivot-rows.ts';
import { unitLabel } from '../units/unit-table.ts';

/** Written where a period has no figure. */
export const NO_FIGURE = '–';

/** Written after a figure a user corrected ("đã hiệu đính"), as the pivot and the charts write it. */
export const REVIEWED_MARK = '✎';

const NONE: ReadonlySet<string> = new Set();

/** True when the figure a cell shows (its preferred source) carries a user correction. */
export function isCorrected(sources: readonly CellSource[], reviewed: ReadonlySet<string>): boolean {
  return sources[0] !== undefined && reviewed.has(sources[0].obs_id);
}

const marked = (text: string, corrected: boolean): string => (corrected ? `${text} ${REVIEWED_MARK}` : text);

/** A cell's target as the tables write it (`≥7–7,5%`, `7% ✎` when corrected), or `–`. */
export function targetText(
  cell: PivotCell | undefined,
  unit: string,
  locale: Locale,
  reviewed: ReadonlySet<string> = NONE,
): string {
  if (!cell || cell.targetLow === null) return NO_FIGURE;
  const figure = formatFigure(
    { low: cell.targetLow, high: cell.targetHigh, comparator: cell.targetComparator, unit },
    locale,
    2,
    unitLabel(unit, locale),
  );
  return marked(figure, isCorrected(cell.targetSources, reviewed));
}

/** A cell's result (`6,79% (ước tính)`), or `–`. */
export function actualText(
  cell: PivotCell | undefined,
  unit: string,
  locale: Locale,
  reviewed: ReadonlySet<string> = NONE,
): string {
  if (!cell || cell.actualLow === null) return NO_FIGURE;
  const estimate = cell.actualEstimate ? ` (${translate(locale, 'report.estimate')})` : '';
  const figure = formatFigure(
    { low: cell.actualLow, high: cell.actualHigh, unit },
    locale,
    2,
    unitLabel(unit, locale),
  );
  return marked(figure, isCorrected(cell.actualSources, reviewed)) + estimate;
}

/** The status of a cell with both a target and a result, in the report's language; else empty. */
export function statusText(cell: PivotCell | undefined, locale: Locale): string {
  return cell && cell.targetLow !== null && cell.actualLow !== null && cell.status
    ? translate(locale, `status.${cell.status}` as MessageKey)
    : '';
}

/**
 * A period's cell in a summary table: the target, then the result, then the status, one a line;
 * a period with only a target (2026–2030) shows its target, never a bare `–`.
 */
export function summaryLines(
  cell: PivotCell | undefined,
  unit: string,
  locale: Locale,
  reviewed: ReadonlySet<string> = NONE,
): string[] {
  if (!cell || (cell.targetLow === null && cell.actualLow === null)) return [NO_FIGURE];
  const lines: string[] = [];
  if (cell.targetLow !== null)
    lines.push(`${translate(locale, 'report.target')}: ${targetText(cell, unit, locale, reviewed)}`);
  if (cell.actualLow !== null)
    lines.push(`${translate(locale, 'report.actual')}: ${actualText(cell, unit, locale, reviewed)}`);
  const status = statusText(cell, locale);
  if (status) lines.push(status);
  return lines;
}
