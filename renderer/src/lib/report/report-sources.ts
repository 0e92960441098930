import type { Locale } from '../format/locale.ts';
import { documentTitle } from '../meaning/document-titles.ts';
import type { PivotRow } from '../pivot/pivot-rows.ts';
import type { ReportData } from './report-data.ts';
import { isCorrected } from './report-text.ts';

/** The titles of the documents behind an indicator's row, for its source note. */
export function rowSources(row: PivotRow, locale: Locale = 'vi'): string {
  return rowsSources([row], locale);
}

/**
 * The titles of the documents behind some rows, each once, for a slide's or a sheet's source note;
 * in English their glosses where the catalogue has one.
 */
export function rowsSources(rows: readonly PivotRow[], locale: Locale = 'vi'): string {
  const titles = new Set<string>();
  for (const row of rows)
    for (const cell of Object.values(row.cells)) {
      for (const source of [...cell.targetSources, ...cell.actualSources])
        titles.add(`${documentTitle(source.doc_id, source.doc_title, locale)} (${source.issued_on})`);
    }
  return [...titles].join('; ');
}

/** True when a row has anything to show in the chosen periods. */
export function hasFigures(row: PivotRow): boolean {
  return Object.values(row.cells).some((cell) => cell.targetLow !== null || cell.actualLow !== null);
}

/**
 * How many indicators a report shows: rows with figures, counted once per indicator (an indicator
 * whose figures come in two units may take two rows).
 */
export function indicatorCount(rows: readonly PivotRow[]): number {
  return new Set(rows.filter(hasFigures).map((row) => row.indicatorId)).size;
}

/** The figures a user correction applies to ("đã hiệu đính"), by obs_id. */
export function reviewedFigures(data: Pick<ReportData, 'details'>): Set<string> {
  return new Set(data.details.filter((detail) => detail.reviewed).map((detail) => detail.obsId));
}

/** True when a row shows a corrected figure in one of its cells. */
export function rowCorrected(row: PivotRow, reviewed: ReadonlySet<string>): boolean {
  return Object.values(row.cells).some(
    (cell) => isCorrected(cell.targetSources, reviewed) || isCorrected(cell.actualSources, reviewed),
  );
}
