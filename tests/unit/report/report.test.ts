import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parquetReadObjects } from 'hyparquet';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { buildPptxReport } from '../../../renderer/src/lib/report/pptx-report.ts';
import { indicatorChartSvg } from '../../../renderer/src/lib/report/report-chart-svg.ts';
import { readReportData, type ReportData } from '../../../renderer/src/lib/report/report-data.ts';
import { exportResult } from '../../../renderer/src/lib/report/result-export.ts';
import { buildSummaryCsv } from '../../../renderer/src/lib/report/summary-csv.ts';
import { buildXlsxReport } from '../../../renderer/src/lib/report/xlsx-report.ts';
import { openWarehouseDatabase } from '../../../scripts/lib/node-duckdb.ts';

const INDICATORS = ['grdp_growth', 'poverty_rate', 'forest_cover_rate'];

describe('reports built from the real warehouse', () => {
  let db: WorkbenchDatabase;
  let data: ReportData;

  beforeAll(async () => {
    ({ db } = await openWarehouseDatabase());
    const read = await readReportData(db, { indicators: INDICATORS, periods: 'terms' });
    if (!read.ok) throw new Error(read.error.message);
    data = read.value;
  });
  afterAll(() => db.close());

  it('writes an Excel workbook whose numbers stay numbers, with frozen headers, colours, print setup and charts', async () => {
    const row = data.rows.find((candidate) => candidate.indicatorId === 'grdp_growth')!;
    const png = new Resvg(indicatorChartSvg(row, data.columns, 'vi'), {
      font: { loadSystemFonts: true },
    })
      .render()
      .asPng();
    const bytes = await buildXlsxReport(data, 'vi', '2026-11-23', [
      { png: new Uint8Array(png), width: 900, height: 460 },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Tổng hợp',
      'Chi tiết',
      'Nguồn',
      'Biểu đồ',
    ]);
    expect(workbook.creator).toBe('Chỉ Tiêu Workbench');
    expect(workbook.title).toBe('Báo cáo chỉ tiêu kinh tế – xã hội – Tỉnh Lạng Sơn');
    const summary = workbook.getWorksheet('Tổng hợp')!;
    expect(summary.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 5 });
    expect(summary.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      printTitlesRow: '4:5',
    });
    expect(summary.getCell('C4').value).toBe('2016–2020');
    let grdp: ExcelJS.Row | undefined;
    summary.eachRow((line) => {
      if (line.getCell(1).value === 'Tốc độ tăng trưởng kinh tế (GRDP)') grdp = line;
    });
    // 2021–2025 is the second period: columns G (target), H (to), I (result), J (status).
    expect(grdp?.getCell('G').value).toBe(7);
    expect(grdp?.getCell('G').numFmt).toBe('[$-42A]#,##0');
    expect(grdp?.getCell('H').value).toBe(7.5);
    expect(grdp?.getCell('I').value).toBe(6.79);
    expect(grdp?.getCell('J').value).toBe('không đạt');
    expect((grdp?.getCell('J').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFDE8E6');
    const details = workbook.getWorksheet('Chi tiết')!;
    expect(details.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(details.rowCount).toBe(data.details.length + 1);
    expect(typeof details.getRow(2).getCell(9).value).toBe('number');
    expect(workbook.getWorksheet('Nguồn')!.rowCount).toBe(6);
    const charts = workbook.getWorksheet('Biểu đồ')!;
    expect(charts.getImages()).toHaveLength(1);
    expect(charts.getImages()[0]!.range.tl.nativeRow).toBe(0);
    // The picture carries its title: the sheet repeats no text above it.
    const written: unknown[] = [];
    charts.eachRow((line) => line.eachCell((cell) => written.push(cell.value)));
    expect(written).toEqual([]);
    expect(workbook.model.media).toHaveLength(1);
  });

  it('writes a 16:9 deck: a title slide, a slide per indicator with a native chart, and a summary', async () => {
    const bytes = await buildPptxReport(data, 'vi', '2026-11-23');
    const zip = await JSZip.loadAsync(bytes);
    const slides = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    expect(slides).toHaveLength(1 + data.rows.length + 1);
    const presentation = await zip.file('ppt/presentation.xml')!.async('string');
    expect(presentation).toContain('cx="12192000" cy="6858000"');
    const title = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(title).toContain('Báo cáo chỉ tiêu kinh tế – xã hội');
    expect(title).toContain('TỈNH LẠNG SƠN');
    const all = (await Promise.all(slides.map((name) => zip.file(name)!.async('string')))).join('\n');
    expect(all).toContain('Tốc độ tăng trưởng kinh tế (GRDP)');
    expect(all).toContain('không đạt');
    expect(all).toContain('Nguồn: ');
    expect(all).toContain('typeface="Arial"');
    const charts = Object.keys(zip.files).filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name));
    expect(charts).toHaveLength(data.rows.length);
    expect(await zip.file(charts[0]!)!.async('string')).toContain('Kết quả');
  });

  it('writes the summary as CSV with a byte-order mark', () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(buildSummaryCsv(data, 'vi'));
    expect(text.startsWith('\ufeffChỉ tiêu,indicator_id,Đơn vị,2016-2020 Chỉ tiêu')).toBe(true);
    expect(text).toContain('Tốc độ tăng trưởng kinh tế (GRDP),grdp_growth,%,');
  });

  it('exports 100,000 rows to xlsx, csv, parquet and json that read back whole', async () => {
    const result = await db.query(
      "SELECT range AS so, range * 1.5 AS gia_tri, 'tăng trưởng' AS chu FROM range(100000)",
    );
    if (!result.ok) throw new Error(result.error.message);
    const xlsx = await exportResult(result.value, 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(100_001);
    expect(sheet.getRow(100_001).values).toEqual([undefined, 99_999, 149_998.5, 'tăng trưởng']);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await exportResult(result.value, 'csv'));
    expect(csv.startsWith('\ufeffso,gia_tri,chu\n0,0,tăng trưởng\n')).toBe(true);
    expect(csv.trimEnd().split('\n')).toHaveLength(100_001);
    const parquet = await exportResult(result.value, 'parquet');
    expect(await parquetReadObjects({ file: parquet.buffer as ArrayBuffer })).toHaveLength(100_000);
    const json = JSON.parse(new TextDecoder().decode(await exportResult(result.value, 'json'))) as unknown[];
    expect(json).toHaveLength(100_000);
    expect(json[1]).toEqual({ so: 1, gia_tri: 1.5, chu: 'tăng trưởng' });
  });
});
