import type { Locale } from '../i18n/dictionary.ts';
import { translate } from '../i18n/translate.ts';
import { encodeCsv } from '../warehouse/encode-csv.ts';
import type { ReportData } from './report-data.ts';
import { hasFigures } from './report-sources.ts';

/** The summary table as CSV, UTF-8 with a byte-order mark so Excel shows Vietnamese correctly. */
export function buildSummaryCsv(data: ReportData, locale: Locale): Uint8Array {
  const header = [translate(locale, 'report.indicator'), 'indicator_id', translate(locale, 'report.unit')];
  for (const column of data.columns) {
    for (const key of ['report.target', 'report.targetHigh', 'report.actual', 'report.status'] as const) {
      header.push(`${column.key} ${translate(locale, key)}`);
    }
  }
  const rows = data.rows.filter(hasFigures).map((row) => [
    row.name,
    row.indicatorId,
    row.unit,
    ...data.columns.flatMap((column) => {
      const cell = row.cells[column.key];
      const status = cell && cell.targetLow !== null && cell.actualLow !== null ? cell.status : null;
      return [
        cell?.targetLow ?? null,
        cell && cell.targetHigh !== cell.targetLow ? cell.targetHigh : null,
        cell?.actualLow ?? null,
        status,
      ];
    }),
  ]);
  return new TextEncoder().encode('\ufeff' + encodeCsv(header, rows));
}
