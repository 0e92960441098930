import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readReportData, type ReportData } from '../../../renderer/src/lib/report/report-data.ts';
import { buildXlsxReport } from '../../../renderer/src/lib/report/xlsx-report.ts';
import { fitScale, printLayout, wrappedLines } from '../../../renderer/src/lib/report/xlsx-print.ts';
import { useWarehouseDatabase } from '../../support/warehouse-database.ts';

async function reopen(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  return workbook;
}

const widthsOf = (sheet: ExcelJS.Worksheet): number[] =>
  Array.from({ length: sheet.columnCount }, (_, index) => sheet.getColumn(index + 1).width ?? 9);

describe('print scale of a row of columns on landscape A4', () => {
  it('fits 15 columns of 12 characters at about 77% and 20 of them only at about 58%', () => {
    // 297 mm less two half-inch margins is 1026.5 px; a 12-character column is 89 px.
    expect(fitScale(Array.from({ length: 15 }, () => 12))).toBeCloseTo(0.769, 3);
    expect(fitScale(Array.from({ length: 20 }, () => 12))).toBeCloseTo(0.577, 3);
    expect(fitScale([40, 40])).toBe(1);
  });

  it('fits to one page width only above 60%, else repeats titles and label columns', () => {
    const fits = printLayout(
      Array.from({ length: 15 }, () => 12),
      { rows: '1:1', columns: 'A:A' },
    );
    expect(fits).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1 });
    expect(fits.fitToHeight).toBe(0);
    expect(fits.printTitlesColumn).toBeUndefined();
    const wide = printLayout(
      Array.from({ length: 20 }, () => 12),
      { rows: '4:5', columns: 'A:B' },
    );
    expect(wide).toMatchObject({
      fitToPage: false,
      scale: 100,
      printTitlesRow: '4:5',
      printTitlesColumn: 'A:B',
    });
  });
});

describe('the xlsx report prints readably', () => {
  const warehouse = useWarehouseDatabase();
  let terms: ReportData;
  let years: ReportData;

  beforeAll(async () => {
    const indicators = ['budget_revenue_total', 'grdp_growth', 'forest_cover_rate'];
    const readTerms = await readReportData(warehouse.db, { indicators, periods: 'terms' });
    const readYears = await readReportData(warehouse.db, { indicators, periods: 'years' });
    if (!readTerms.ok) throw new Error(readTerms.error.message);
    if (!readYears.ok) throw new Error(readYears.error.message);
    terms = readTerms.value;
    years = readYears.value;
  });

  it('fits the three-term summary and the Nguồn sheet to one page width, landscape A4', async () => {
    const workbook = await reopen(await buildXlsxReport(terms, 'vi', '2026-12-01'));
    const summary = workbook.getWorksheet('Tổng hợp')!;
    expect(summary.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '4:5',
    });
    expect(fitScale(widthsOf(summary))).toBeGreaterThanOrEqual(0.6);
    const sources = workbook.getWorksheet('Nguồn')!;
    expect(sources.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
    expect(sources.pageSetup.printTitlesRow).toBe('1:1');
    expect(fitScale(widthsOf(sources))).toBeGreaterThanOrEqual(0.6);
    // Long titles, issuers and hashes wrap inside their fixed widths instead of widening the page.
    const title = sources.getRow(2).getCell(2);
    expect(String(title.value).length).toBeGreaterThan(sources.getColumn(2).width ?? 0);
    expect(title.alignment?.wrapText).toBe(true);
    expect(sources.getRow(2).getCell(7).alignment?.wrapText).toBe(true);
  });

  it('gives wrapped rows the height of their lines, so a long title never overprints the next document', async () => {
    const workbook = await reopen(await buildXlsxReport(terms, 'vi', '2026-12-01'));
    const sources = workbook.getWorksheet('Nguồn')!;
    let tallest = 0;
    for (let index = 1; index <= sources.rowCount; index++) {
      const row = sources.getRow(index);
      const lines = Math.max(
        ...[1, 2, 3, 4, 7].map((column) =>
          wrappedLines(String(row.getCell(column).value ?? ''), sources.getColumn(column).width ?? 9),
        ),
      );
      tallest = Math.max(tallest, lines);
      if (lines > 1) expect(row.height, `Nguồn row ${index}`).toBeGreaterThanOrEqual(lines * 12);
    }
    // The 64-digit hash in a 34-wide column takes two lines, the longest titles more.
    expect(tallest).toBeGreaterThanOrEqual(3);
    // The headers wrap too ("Ngày ban hành" in 11 characters).
    expect(sources.getRow(1).height).toBeGreaterThanOrEqual(24);
    expect(workbook.getWorksheet('Chi tiết')!.getRow(1).height).toBeGreaterThanOrEqual(24);
    // The summary's headers: a measure's name in its 11-wide column, a period over its four.
    const summary = workbook.getWorksheet('Tổng hợp')!;
    const measureName = [...Array(summary.columnCount).keys()]
      .map((at) => summary.getRow(5).getCell(at + 1))
      .find((cell) => String(cell.value ?? '').length > (summary.getColumn(cell.col).width ?? 9))!;
    expect(measureName).toBeDefined();
    expect(summary.getRow(5).height).toBeGreaterThanOrEqual(24);
    // The summary's 14-point title keeps its marks (ỉ, ế) where it repeats on a later printed page.
    expect(workbook.getWorksheet('Tổng hợp')!.getRow(1).height).toBeGreaterThanOrEqual(20);
  });

  it("wraps the Chi tiết sheet's names, titles and sentences in their columns instead of cutting them", async () => {
    const workbook = await reopen(await buildXlsxReport(terms, 'vi', '2026-12-01'));
    const details = workbook.getWorksheet('Chi tiết')!;
    // Indicator (1), document (12), sentence (14) and correction (16).
    const wrapped = [1, 12, 14, 16];
    let longest = 0;
    for (let index = 2; index <= details.rowCount; index++) {
      const row = details.getRow(index);
      for (const column of wrapped) expect(row.getCell(column).alignment?.wrapText).toBe(true);
      expect(row.getCell(9).alignment?.vertical).toBe('top');
      const lines = Math.max(
        ...wrapped.map((column) =>
          wrappedLines(String(row.getCell(column).value ?? ''), details.getColumn(column).width ?? 9),
        ),
      );
      longest = Math.max(longest, lines);
      if (lines > 1) expect(row.height, `Chi tiết row ${index}`).toBeGreaterThanOrEqual(lines * 12);
    }
    // Some document titles are longer than their 50-wide column and some sentences than their 90.
    expect(longest).toBeGreaterThanOrEqual(2);
  });

  it('prints a summary with every year across pages, repeating its titles and indicator columns', async () => {
    const workbook = await reopen(await buildXlsxReport(years, 'vi', '2026-12-01'));
    const summary = workbook.getWorksheet('Tổng hợp')!;
    expect(fitScale(widthsOf(summary))).toBeLessThan(0.6);
    expect(summary.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: false,
      printTitlesRow: '4:5',
      printTitlesColumn: 'A:B',
    });
    const details = workbook.getWorksheet('Chi tiết')!;
    expect(details.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: false,
      printTitlesRow: '1:1',
      printTitlesColumn: 'A:A',
    });
  });
});
