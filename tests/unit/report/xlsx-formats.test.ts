import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readReportData, type ReportData } from '../../../renderer/src/lib/report/report-data.ts';
import { buildXlsxReport } from '../../../renderer/src/lib/report/xlsx-report.ts';
import { useWarehouseDatabase } from '../../support/warehouse-database.ts';

async function reopen(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  return workbook;
}

function rowNamed(sheet: ExcelJS.Worksheet, name: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && String(row.getCell(1).value).startsWith(name)) found = row;
  });
  if (!found) throw new Error(`no row ${name}`);
  return found;
}

describe('the xlsx report writes numbers as the screen does and words, not ids', () => {
  const warehouse = useWarehouseDatabase();
  let data: ReportData;

  beforeAll(async () => {
    const read = await readReportData(warehouse.db, {
      indicators: ['budget_revenue_total', 'grdp_growth', 'forest_cover_rate'],
      periods: 'terms',
    });
    if (!read.ok) throw new Error(read.error.message);
    data = read.value;
  });

  it('keeps figures as number cells with the decimals shown and the locale pinned', async () => {
    const workbook = await reopen(await buildXlsxReport(data, 'vi', '2026-12-01'));
    const summary = workbook.getWorksheet('Tổng hợp')!;
    const revenue = rowNamed(summary, 'Tổng thu ngân sách');
    // 2021–2025 result: column I.
    expect(revenue.getCell('I').value).toBe(54449.1);
    expect(revenue.getCell('I').numFmt).toBe('[$-42A]#,##0.0');
    expect(revenue.getCell('E').value).toBe(32082);
    expect(revenue.getCell('E').numFmt).toBe('[$-42A]#,##0');
    const grdp = rowNamed(summary, 'Tốc độ tăng trưởng kinh tế (GRDP)');
    expect(grdp.getCell('I').numFmt).toBe('[$-42A]#,##0.00');
    const english = (await reopen(await buildXlsxReport(data, 'en', '2026-12-01'))).getWorksheet('Tổng hợp')!;
    const englishGrdp = rowNamed(english, 'GRDP growth rate');
    expect(englishGrdp.getCell('I').numFmt).toBe('[$-409]#,##0.00');
    expect(englishGrdp.getCell('J').value).toBe('not met');
  });

  it('writes ước tính as có/không, years unformatted, comparators as signs', async () => {
    const workbook = await reopen(await buildXlsxReport(data, 'vi', '2026-12-01'));
    const details = workbook.getWorksheet('Chi tiết')!;
    const estimates = new Set<unknown>();
    const comparators = new Set<unknown>();
    details.eachRow((row, number) => {
      if (number === 1) return;
      estimates.add(row.getCell(11).value);
      comparators.add(row.getCell(8).value);
      expect(typeof row.getCell(4).value).toBe('number');
      expect(row.getCell(4).numFmt).toBe('0');
      expect(typeof row.getCell(9).value).toBe('number');
      expect(row.getCell(9).numFmt).toMatch(/^\[\$-42A\]#,##0(\.0+)?$/);
    });
    expect([...estimates].sort()).toEqual(['có', 'không']);
    expect(
      [...comparators].every((sign) => sign === null || ['≥', '>', '≤', '<', '~'].includes(String(sign))),
    ).toBe(true);
    const english = (await reopen(await buildXlsxReport(data, 'en', '2026-12-01'))).getWorksheet('Chi tiết')!;
    expect(english.getRow(2).getCell(11).value).toMatch(/^(yes|no)$/);
  });

  it('names document types instead of writing their ids', async () => {
    const workbook = await reopen(await buildXlsxReport(data, 'vi', '2026-12-01'));
    const sources = workbook.getWorksheet('Nguồn')!;
    const types: unknown[] = [];
    sources.eachRow((row, number) => number > 1 && types.push(row.getCell(3).value));
    expect(types).toContain('Tài liệu học tập nghị quyết');
    expect(types).toContain('Nghị quyết HĐND tỉnh');
    expect(types.some((type) => String(type).includes('_'))).toBe(false);
  });
});
