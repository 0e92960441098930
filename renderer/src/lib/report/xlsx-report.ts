import ExcelJS from 'exceljs';
import { periodLabel } from '../meaning/plan-periods.ts';
import type { Locale, MessageKey } from '../i18n/dictionary.ts';
import { translate } from '../i18n/translate.ts';
import { documentTypeLabel } from '../format/document-type.ts';
import { excelNumberFormat } from '../format/format-export.ts';
import { comparatorPrefix, formatBoolean, formatFigure } from '../format/format-number.ts';
import { unitLabel } from '../units/unit-table.ts';
import type { ReportData } from './report-data.ts';
import { documentTitle } from '../meaning/document-titles.ts';
import { columnMeasures, MEASURE_LABEL, measureNumberFormat, shownMeasure } from './report-measures.ts';
import { packOfficeFile } from './office-zip.ts';
import { contractLabel } from './report-labels.ts';
import { fitWrappedRows, setPrintLayout } from './xlsx-print.ts';
import { hasFigures, indicatorCount } from './report-sources.ts';

/** A chart's picture for the Biểu đồ sheet; it carries its own title. */
export interface ReportChartImage {
  png: Uint8Array;
  width: number;
  height: number;
}

const FONT = { name: 'Arial', size: 10 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F5FBF' } };
const STATUS_FILL: Record<string, string> = {
  đạt: 'FFE3F4EA',
  vượt: 'FFD7F0FF',
  'không đạt': 'FFFDE8E6',
  'chưa có số liệu': 'FFEEF1F5',
};

/** A number cell showing the decimals the screen shows, in the report's locale (54.449,1 in Vietnamese). */
function setNumber(cell: ExcelJS.Cell, value: number, locale: Locale): void {
  cell.value = value;
  cell.numFmt = excelNumberFormat(value, { locale });
}

function header(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.font = { ...FONT, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF9AA6B6' } } };
  });
}

/** The Excel report: the pivot as displayed, every figure behind it, the documents and the charts. */
export async function buildXlsxReport(
  data: ReportData,
  locale: Locale,
  generatedOn: string,
  charts: readonly ReportChartImage[] = [],
): Promise<Uint8Array> {
  const t = (key: MessageKey, values: Record<string, string | number> = {}): string =>
    translate(locale, key, values);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chỉ Tiêu Workbench';
  workbook.title = `${t('report.title')} – ${t('report.province')}`;
  workbook.subject = t('report.selection', {
    count: indicatorCount(data.rows),
    periods: data.columns.map((column) => column.key).join(', '),
  });
  workbook.created = new Date(`${generatedOn}T00:00:00Z`);
  workbook.modified = workbook.created;

  // Tổng hợp: the pivot, four columns a period (target, its upper bound, result, status).
  const summary = workbook.addWorksheet(t('report.summarySheet'), {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 5 }],
  });
  summary.getCell('A1').value = `${t('report.title')} – ${t('report.province')}`;
  summary.getCell('A1').font = { ...FONT, size: 14, bold: true };
  // Tall enough for the 14-point title's marks: where the title repeats with column A on a later
  // printed page, LibreOffice clips it to the row (chỉ printed as chí, tế as tê).
  summary.getRow(1).height = 22;
  summary.getCell('A2').value = t('report.generated', { date: generatedOn });
  summary.getCell('A2').font = { ...FONT, italic: true, color: { argb: 'FF5D6B7E' } };
  const periodRow = summary.getRow(4);
  const subRow = summary.getRow(5);
  periodRow.getCell(1).value = t('report.indicator');
  periodRow.getCell(2).value = t('report.unit');
  summary.mergeCells(4, 1, 5, 1);
  summary.mergeCells(4, 2, 5, 2);
  data.columns.forEach((column, index) => {
    const first = 3 + index * 4;
    periodRow.getCell(first).value = periodLabel(column);
    summary.mergeCells(4, first, 4, first + 3);
    subRow.getCell(first).value = t('report.target');
    subRow.getCell(first + 1).value = t('report.targetHigh');
    subRow.getCell(first + 2).value = t('report.actual');
    subRow.getCell(first + 3).value = t('report.status');
  });
  // After the periods, the pivot's calculated measures of each period that has some.
  const rows = data.rows.filter(hasFigures);
  const measureBlocks: {
    column: (typeof data.columns)[number];
    first: number;
    names: ReturnType<typeof columnMeasures>;
  }[] = [];
  let next = 3 + data.columns.length * 4;
  for (const column of data.columns) {
    const names = columnMeasures(column, rows);
    if (names.length === 0) continue;
    measureBlocks.push({ column, first: next, names });
    periodRow.getCell(next).value = `${periodLabel(column)}: ${t('report.measures')}`;
    if (names.length > 1) summary.mergeCells(4, next, 4, next + names.length - 1);
    names.forEach((name, offset) => {
      subRow.getCell(next + offset).value = t(MEASURE_LABEL[name]);
      summary.getColumn(next + offset).width = 11;
    });
    next += names.length;
  }
  header(periodRow);
  header(subRow);
  // Narrow enough that three terms and their measures print one page wide at a readable scale.
  summary.getColumn(1).width = 42;
  summary.getColumn(2).width = 12;
  data.columns.forEach((_column, index) => {
    [12, 8, 12, 12].forEach((width, offset) => (summary.getColumn(3 + index * 4 + offset).width = width));
  });
  setPrintLayout(summary, { rows: '4:5', columns: 'A:B' });
  // A corrected figure carries a note "đã hiệu đính" (and the reviewer's note).
  const reviewed = new Map(data.details.filter((d) => d.reviewed).map((d) => [d.obsId, d.correctionNote]));
  const markReviewed = (cell: ExcelJS.Cell, obsId: string | undefined): void => {
    const note = obsId === undefined ? undefined : reviewed.get(obsId);
    if (note === undefined) return;
    const mark = note ? `${t('drill.reviewed')}: ${note}` : t('drill.reviewed');
    cell.note = typeof cell.note === 'string' ? `${cell.note}\n${mark}` : mark;
  };
  for (const row of rows) {
    const line = summary.addRow([locale === 'en' ? row.nameEn : row.name, unitLabel(row.unit, locale)]);
    line.font = FONT;
    line.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    data.columns.forEach((column, index) => {
      const cell = row.cells[column.key];
      if (!cell) return;
      const first = 3 + index * 4;
      const target = line.getCell(first);
      if (cell.targetLow !== null) {
        setNumber(target, cell.targetLow, locale);
        // The cell keeps the number; the note says what the number alone cannot (≥, ~, the range).
        if (comparatorPrefix(cell.targetComparator))
          target.note = formatFigure(
            {
              low: cell.targetLow,
              high: cell.targetHigh,
              comparator: cell.targetComparator,
              unit: row.unit,
            },
            locale,
          );
        markReviewed(target, cell.targetSources[0]?.obs_id);
      }
      if (cell.targetHigh !== null && cell.targetHigh !== cell.targetLow)
        setNumber(line.getCell(first + 1), cell.targetHigh, locale);
      if (cell.actualLow !== null) {
        const actual = line.getCell(first + 2);
        setNumber(actual, cell.actualLow, locale);
        if (cell.actualEstimate) {
          actual.font = { ...FONT, italic: true };
          actual.note = t('report.estimate');
        }
        markReviewed(actual, cell.actualSources[0]?.obs_id);
      }
      if (cell.targetLow !== null && cell.actualLow !== null && cell.status) {
        const status = line.getCell(first + 3);
        status.value = t(`status.${cell.status}` as MessageKey);
        status.alignment = { wrapText: true, vertical: 'top' };
        status.fill = {
          type: 'pattern',
          pattern: 'solid',
          fgColor: { argb: STATUS_FILL[cell.status] ?? 'FFFFFFFF' },
        };
      }
    });
    for (const block of measureBlocks)
      block.names.forEach((name, offset) => {
        const value = shownMeasure(row.cells[block.column.key], name);
        if (value === null) return;
        const cell = line.getCell(block.first + offset);
        cell.value = value;
        cell.numFmt = measureNumberFormat(name, value, row.unit, locale);
      });
  }

  // From the header rows on: the measures' names wrap in their narrow columns.
  fitWrappedRows(summary, 4);

  // Chi tiết: every figure behind the pivot, with its document and sentence.
  const details = workbook.addWorksheet(t('report.detailSheet'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  // Names, titles and sentences wrap in their columns instead of being cut at the next one.
  const wrappedTop: Partial<ExcelJS.Style> = { alignment: { wrapText: true, vertical: 'top' } };
  details.columns = [
    { header: t('report.indicator'), key: 'indicator', width: 40, style: wrappedTop },
    { header: t('report.id'), key: 'indicatorId', width: 26 },
    { header: t('report.unit'), key: 'unit', width: 12 },
    { header: t('report.from'), key: 'periodStart', width: 9, style: { numFmt: '0' } },
    { header: t('report.to'), key: 'periodEnd', width: 9, style: { numFmt: '0' } },
    { header: t('report.measure'), key: 'measure', width: 11 },
    // Wide enough for the longest basis in words, 'mức (một thời điểm hoặc một năm)'.
    { header: t('report.basis'), key: 'basis', width: 32 },
    { header: t('report.comparator'), key: 'comparator', width: 9 },
    { header: t('report.value'), key: 'valueLow', width: 12 },
    { header: t('report.valueHigh'), key: 'valueHigh', width: 12 },
    { header: t('report.estimate'), key: 'isEstimate', width: 9 },
    { header: t('report.document'), key: 'docTitle', width: 50, style: wrappedTop },
    { header: t('report.date'), key: 'issuedOn', width: 12 },
    { header: t('report.quote'), key: 'quote', width: 90, style: wrappedTop },
    { header: 'obs_id', key: 'obsId', width: 30 },
    { header: t('report.review'), key: 'review', width: 30, style: wrappedTop },
  ];
  header(details.getRow(1));
  for (const detail of data.details) {
    const review = detail.reviewed
      ? [t('drill.reviewed'), detail.correctionNote].filter(Boolean).join(': ')
      : '';
    const line = details.addRow({
      ...detail,
      indicator: locale === 'en' ? detail.indicatorEn : detail.indicator,
      docTitle: documentTitle(detail.docId, detail.docTitle, locale),
      unit: unitLabel(detail.unit, locale),
      measure: contractLabel('report.measure', detail.measure, locale),
      basis: contractLabel('basis', detail.basis, locale),
      comparator: comparatorPrefix(detail.comparator) || null,
      isEstimate: formatBoolean(detail.isEstimate, locale),
      review,
    });
    line.font = FONT;
    // A figure's other cells line up with the first line of its wrapped ones.
    line.eachCell((cell) => (cell.alignment = { ...cell.alignment, vertical: 'top' }));
    for (const key of ['valueLow', 'valueHigh'] as const) {
      const cell = line.getCell(key);
      if (typeof cell.value === 'number') cell.numFmt = excelNumberFormat(cell.value, { locale });
    }
  }
  details.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 16 } };
  // Its header wraps ("Ngày ban hành"), and so do its names, titles and sentences.
  fitWrappedRows(details, 1);
  setPrintLayout(details, { rows: '1:1', columns: 'A:A' });

  // Nguồn: the documents, with the hash that proves which text the figures came from.
  const sources = workbook.addWorksheet(t('report.sourcesSheet'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  // Fixed widths with wrapped text, so the sheet prints one page wide at a readable scale.
  const wrapped: Partial<ExcelJS.Style> = { alignment: { wrapText: true, vertical: 'top' } };
  sources.columns = [
    { header: 'doc_id', key: 'docId', width: 22, style: wrapped },
    { header: t('report.document'), key: 'title', width: 42, style: wrapped },
    { header: t('report.docType'), key: 'docType', width: 18, style: wrapped },
    { header: t('report.issuer'), key: 'issuer', width: 24, style: wrapped },
    { header: t('report.date'), key: 'issuedOn', width: 11, style: wrapped },
    {
      header: t('report.characters'),
      key: 'charCount',
      width: 10,
      style: { ...wrapped, numFmt: excelNumberFormat(0, { locale }) },
    },
    { header: 'SHA-256', key: 'sha256', width: 34, style: wrapped },
    // The corrections' last column (their time) below the documents.
    { key: 'correctedAt', width: 20, style: wrapped },
  ];
  header(sources.getRow(1));
  for (const document of data.documents)
    sources.addRow({ ...document, docType: documentTypeLabel(document.docType, locale) }).font = FONT;
  // Below the documents: every correction laid over their figures (applied or orphaned).
  if (data.corrections.length > 0) {
    sources.addRow([]);
    const title = sources.addRow([t('report.correctionsTitle')]);
    title.font = { ...FONT, bold: true };
    // One line running across the columns, not wrapped inside the first.
    title.getCell(1).alignment = { wrapText: false };
    const columns = [
      'doc_id',
      t('report.correctionKind'),
      t('report.correctionStatus'),
      t('report.numberText'),
      t('report.before'),
      t('report.after'),
      t('report.note'),
      t('report.correctedAt'),
    ];
    header(sources.addRow(columns));
    for (const item of data.corrections) {
      const line = sources.addRow([
        item.docId,
        contractLabel('correction.kind', item.kind, locale),
        contractLabel('correction.status', item.status, locale),
        item.numberText,
        item.before,
        item.after,
        item.note,
        item.createdAt,
      ]);
      line.font = FONT;
    }
  }

  fitWrappedRows(sources, 1);
  setPrintLayout(sources, { rows: '1:1' });

  // Biểu đồ: one picture a chart, one under the other. The picture carries its own title, so the
  // sheet writes none above it.
  const chartSheet = workbook.addWorksheet(t('report.chartsSheet'), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  let top = 0;
  for (const chart of charts) {
    const image = workbook.addImage({ buffer: chart.png as unknown as ExcelJS.Buffer, extension: 'png' });
    chartSheet.addImage(image, {
      tl: { col: 0, row: top },
      ext: { width: chart.width, height: chart.height },
    });
    top += Math.ceil(chart.height / 20) + 3;
    // One chart a printed page.
    chartSheet.getRow(top - 1).addPageBreak();
  }

  // ExcelJS deflates every part alike; written stored, then the XML alone is deflated.
  const stored = await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  return packOfficeFile(new Uint8Array(stored));
}
