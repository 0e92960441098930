import type { Locale, MessageKey } from '../i18n/dictionary.ts';
import { translate } from '../i18n/translate.ts';
import { formatFigure } from '../format/format-number.ts';
import type { PivotCell } from '../pivot/pivot-rows.ts';

/** Written where a period has no figure. */
export const NO_FIGURE = '–';

/** A cell's target as the tables write it (`≥7–7,5%`), or `–`. */
export function targetText(cell: PivotCell | undefined, unit: string, locale: Locale): string {
  if (!cell || cell.targetLow === null) return NO_FIGURE;
  return formatFigure(
    { low: cell.targetLow, high: cell.targetHigh, comparator: cell.targetComparator, unit },
    locale,
  );
}

/** A cell's result (`6,79% (ước tính)`), or `–`. */
export function actualText(cell: PivotCell | undefined, unit: string, locale: Locale): string {
  if (!cell || cell.actualLow === null) return NO_FIGURE;
  const estimate = cell.actualEstimate ? ` (${translate(locale, 'report.estimate')})` : '';
  return formatFigure({ low: cell.actualLow, high: cell.actualHigh, unit }, locale) + estimate;
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
export function summaryLines(cell: PivotCell | undefined, unit: string, locale: Locale): string[] {
  if (!cell || (cell.targetLow === null && cell.actualLow === null)) return [NO_FIGURE];
  const lines: string[] = [];
  if (cell.targetLow !== null)
    lines.push(`${translate(locale, 'report.target')}: ${targetText(cell, unit, locale)}`);
  if (cell.actualLow !== null)
    lines.push(`${translate(locale, 'report.actual')}: ${actualText(cell, unit, locale)}`);
  const status = statusText(cell, locale);
  if (status) lines.push(status);
  return lines;
}
