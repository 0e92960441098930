import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
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
      [...comparators].every((sign) => sign === null || ['≥', '>', '≤', '<', '≈'].includes(String(sign))),
    ).toBe(true);
    const english = (await reopen(await buildXlsxReport(data, 'en', '2026-12-01'))).getWorksheet('Chi tiết')!;
    expect(english.getRow(2).getCell(11).value).toMatch(/^(yes|no)$/);
  });

  it("names indicators and documents in the report's language on the Chi tiết sheet", async () => {
    const catalogue = (
      JSON.parse(readFileSync('data/indicators.json', 'utf8')) as {
        indicators: { id: string; name_vi: string; name_en: string }[];
      }
    ).indicators;
    const glosses = JSON.parse(readFileSync('data/document-glosses.json', 'utf8')) as {
      titles_en: Record<string, string>;
    };
    const byId = new Map(catalogue.map((entry) => [entry.id, entry]));
    const titleOf = new Map(data.details.map((detail) => [detail.obsId, detail]));
    for (const locale of ['vi', 'en'] as const) {
      const sheet = (await reopen(await buildXlsxReport(data, locale, '2026-12-01'))).getWorksheet(
        'Chi tiết',
      )!;
      const headers = (sheet.getRow(1).values as unknown[]).map(String);
      const obsColumn = headers.indexOf('obs_id');
      const docColumn = headers.indexOf(locale === 'en' ? 'Document' : 'Tài liệu');
      expect(docColumn, headers.join('|')).toBeGreaterThan(0);
      let rows = 0;
      let glossed = 0;
      sheet.eachRow((row, number) => {
        if (number === 1) return;
        rows += 1;
        const detail = titleOf.get(String(row.getCell(obsColumn).value))!;
        const entry = byId.get(detail.indicatorId)!;
        expect(row.getCell(1).value).toBe(locale === 'en' ? entry.name_en : entry.name_vi);
        const gloss = glosses.titles_en[detail.docId];
        const title = locale === 'en' && gloss ? gloss : detail.docTitle;
        expect(row.getCell(docColumn).value).toBe(title);
        if (locale === 'en' && gloss) glossed += 1;
      });
      expect(rows).toBe(data.details.length);
      if (locale === 'en') expect(glossed).toBeGreaterThan(0);
    }
    // The English names differ from the Vietnamese ones, so the check above can fail.
    expect(byId.get('grdp_growth')!.name_en).not.toBe(byId.get('grdp_growth')!.name_vi);
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

  it('labels basis, measure and correction kinds in words, never their ids', async () => {
    const withCorrections: ReportData = {
      ...data,
      corrections: [
        {
          kind: 'not_a_figure',
          status: 'orphaned',
          docId: 'doc',
          numberText: '7',
          before: '',
          after: '',
          note: '',
          createdAt: '2026-12-01T10:00:00Z',
        },
        {
          kind: 'correct',
          status: 'applied',
          docId: 'doc',
          numberText: '6,79',
          before: '',
          after: '',
          note: '',
          createdAt: '2026-12-01T10:01:00Z',
        },
      ],
    };
    const columnValues = (sheet: ExcelJS.Worksheet, column: number): Set<unknown> => {
      const values = new Set<unknown>();
      sheet.eachRow((row, number) => number > 1 && values.add(row.getCell(column).value));
      return values;
    };
    const vi = await reopen(await buildXlsxReport(withCorrections, 'vi', '2026-12-01'));
    const details = vi.getWorksheet('Chi tiết')!;
    expect(details.getRow(1).getCell(7).value).toBe('Cơ sở');
    const bases = columnValues(details, 7);
    expect(bases).toContain('bình quân hằng năm');
    expect(bases).not.toContain('annual_avg');
    const known = [
      'mức (một thời điểm hoặc một năm)',
      'bình quân hằng năm',
      'mỗi năm trong kỳ',
      'tổng cả kỳ',
    ];
    expect([...bases].every((basis) => known.includes(String(basis)))).toBe(true);
    // Whole in its column, not cut to "mức (một thời" by the comparator beside it.
    const width = details.getColumn(7).width ?? 0;
    expect([...bases].every((basis) => String(basis).length <= width)).toBe(true);
    expect(
      [...columnValues(details, 6)].every((m) => ['chỉ tiêu', 'kết quả', 'thay đổi'].includes(String(m))),
    ).toBe(true);
    const sourceRows: unknown[][] = [];
    vi.getWorksheet('Nguồn')!.eachRow((row) => sourceRows.push([row.getCell(2).value, row.getCell(3).value]));
    expect(sourceRows).toContainEqual(['không phải số liệu', 'không còn tìm thấy số liệu']);
    expect(sourceRows).toContainEqual(['hiệu đính', 'đã áp dụng']);
    expect(sourceRows.flat()).not.toContain('not_a_figure');

    const en = await reopen(await buildXlsxReport(withCorrections, 'en', '2026-12-01'));
    expect(columnValues(en.getWorksheet('Chi tiết')!, 7)).toContain('annual average');
    expect(columnValues(en.getWorksheet('Chi tiết')!, 3)).toContain('billion VND');
    const englishRows: unknown[][] = [];
    en.getWorksheet('Nguồn')!.eachRow((row) =>
      englishRows.push([row.getCell(2).value, row.getCell(3).value]),
    );
    expect(englishRows).toContainEqual(['not a figure', 'figure no longer found']);
  });
});
