import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPlanPeriods } from '../../../renderer/src/lib/meaning/plan-periods.ts';
import { DEFAULT_PIVOT_CONFIG, type PivotConfig } from '../../../renderer/src/lib/pivot/pivot-config.ts';
import { buildPivotQuery } from '../../../renderer/src/lib/pivot/pivot-query.ts';
import { columnsWithFigures, readPivot } from '../../../renderer/src/lib/pivot/pivot-rows.ts';
import { describePivot, type PivotView } from '../../../renderer/src/lib/report/pivot-view.ts';
import { buildPptxReport } from '../../../renderer/src/lib/report/pptx-report.ts';
import { readReportData, type ReportData } from '../../../renderer/src/lib/report/report-data.ts';
import { buildXlsxReport } from '../../../renderer/src/lib/report/xlsx-report.ts';
import { useWarehouseDatabase } from '../../support/warehouse-database.ts';

/** The text runs of a piece of slide or chart XML, joined. */
const textOf = (xml: string): string => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(' ');

async function partsOf(bytes: Uint8Array, pattern: RegExp): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((name) => pattern.test(name))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]));
  return Promise.all(names.map((name) => zip.file(name)!.async('string')));
}

describe('a report of the pivot as displayed', () => {
  const warehouse = useWarehouseDatabase();
  // The pivot model's own steps: the layout's query, its rows, the columns with figures.
  const displayed = async (config: PivotConfig): Promise<PivotView> => {
    const periods = await readPlanPeriods(warehouse.db);
    if (!periods.ok) throw new Error(periods.error.message);
    const query = buildPivotQuery(config, periods.value);
    const result = await warehouse.db.query(query.sql, query.params);
    if (!result.ok) throw new Error(result.error.message);
    const rows = readPivot(result.value, query.columns);
    return describePivot(config, columnsWithFigures(rows, query.columns), rows);
  };
  let view: PivotView;
  let data: ReportData;

  beforeAll(async () => {
    view = await displayed({ ...DEFAULT_PIVOT_CONFIG, search: 'tang truong', domain: 'kinh_te' });
    // Rows in another order than the query's, as a sorted table would show them.
    view = { ...view, rows: [...view.rows].reverse() };
    const read = await readReportData(warehouse.db, { indicators: [], periods: 'terms', view });
    if (!read.ok) throw new Error(read.error.message);
    data = read.value;
  });

  it('keeps the rows in the order shown, the filtered ones only, and the periods shown', () => {
    expect(view.rows.length).toBeGreaterThan(1);
    expect(data.rows.map((row) => `${row.indicatorId}|${row.unit}`)).toEqual(view.rows);
    expect(data.columns.map((column) => column.key)).toEqual(view.columns);
    expect(view.columns).toContain('2024');
    expect(data.rows.every((row) => row.domain === 'kinh_te')).toBe(true);
  });

  it('writes the calculated measures as number cells in the pivot’s formats', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildXlsxReport(data, 'vi', '2026-12-01')).buffer as ArrayBuffer);
    const summary = workbook.getWorksheet('Tổng hợp')!;
    const names: string[] = [];
    summary.eachRow((line, number) => number > 5 && names.push(String(line.getCell(1).value)));
    expect(names).toEqual(data.rows.map((row) => row.name));
    const header = (group: string, name: string): number => {
      let found = -1;
      summary.getRow(5).eachCell((cell, column) => {
        if (cell.value === name && summary.getCell(4, column).value === group) found = column;
      });
      return found;
    };
    const percent = header('2021–2025: chỉ số tính toán', '% so với chỉ tiêu');
    const gap = header('2021–2025: chỉ số tính toán', 'Chênh lệch');
    expect(percent).toBeGreaterThan(2 + data.columns.length * 4);
    const line = summary.getRow(6 + data.rows.findIndex((row) => row.indicatorId === 'grdp_growth'));
    const cell = data.rows.find((row) => row.indicatorId === 'grdp_growth')!.cells['2021-2025']!;
    expect(line.getCell(percent).value).toBe(cell.percentOfTarget);
    expect(line.getCell(percent).numFmt).toMatch(/^\[\$-42A\]#,##0(\.0)?"%"$/);
    expect(line.getCell(gap).value).toBe(cell.targetGap);
    expect(line.getCell(gap).numFmt).toMatch(/^\[\$-42A\]\+#,##0\.0+" điểm %";-/);
    // A year shows its change on the year before where the pivot does.
    const yoy = header('2024: chỉ số tính toán', 'So với năm trước');
    const withYoy = data.rows.findIndex((row) => row.cells['2024']?.yoyChange != null);
    expect(yoy > 0).toBe(withYoy >= 0);
    if (withYoy >= 0)
      expect(summary.getRow(6 + withYoy).getCell(yoy).value).toBe(
        data.rows[withYoy]!.cells['2024']!.yoyChange,
      );
  });

  it('writes an empty view as nothing, not as every indicator', async () => {
    const empty = await displayed({ ...DEFAULT_PIVOT_CONFIG, search: 'khong co chi tieu nao nhu the' });
    expect(empty.rows).toEqual([]);
    const read = await readReportData(warehouse.db, { indicators: 'all', periods: 'terms', view: empty });
    expect(read.ok && read.value.rows).toEqual([]);
  });
});

describe('corrected figures in the deck', () => {
  const warehouse = useWarehouseDatabase();
  let data: ReportData;
  let corrected: string;

  beforeAll(async () => {
    const read = await readReportData(warehouse.db, {
      indicators: ['grdp_growth', 'budget_revenue_total'],
      periods: 'terms',
    });
    if (!read.ok) throw new Error(read.error.message);
    // A user correction of the 2021–2025 GRDP result, as the overlay marks it in v_observations.
    corrected = read.value.rows.find((row) => row.indicatorId === 'grdp_growth')!.cells['2021-2025']!
      .actualSources[0]!.obs_id;
    data = {
      ...read.value,
      details: read.value.details.map((detail) =>
        detail.obsId === corrected ? { ...detail, reviewed: true, correctionNote: 'theo báo cáo' } : detail,
      ),
    };
  });

  it('marks it ✎ in the slide table, the summary and the chart label, with the "đã hiệu đính" note', async () => {
    const bytes = await buildPptxReport(data, 'vi', '2026-12-01');
    const slides = (await partsOf(bytes, /^ppt\/slides\/slide\d+\.xml$/)).map(textOf);
    const grdp = slides.find((text) => text.startsWith('Tốc độ tăng trưởng kinh tế (GRDP)'))!;
    expect(grdp).toContain('6,79% ✎ (ước tính)');
    expect(grdp).toContain('✎ đã hiệu đính');
    expect(slides.at(-1)).toContain('Kết quả: 6,79% ✎ (ước tính)');
    const revenue = slides.find((text) => text.startsWith('Tổng thu ngân sách'))!;
    expect(revenue).not.toContain('✎');
    const charts = (await partsOf(bytes, /^ppt\/charts\/chart\d+\.xml$/)).map(textOf);
    expect(charts.some((text) => text.includes('6,79%* ✎'))).toBe(true);
    // Every slide keeps its source note.
    for (const text of slides) expect(text).toMatch(/Nguồn: \S/);
  });

  it('labels the chart points as the tables write them, vi-VN and en-US', async () => {
    const vi = (await partsOf(await buildPptxReport(data, 'vi', '2026-12-01'), /chart\d+\.xml$/)).join('');
    expect(vi).toContain('<a:t>54.449,1*</a:t>');
    expect(vi).toContain('<a:t>7–7,5%</a:t>');
    expect(vi).toContain('formatCode="[$-42A]#,##0.0;-[$-42A]#,##0.0;"');
    const en = (await partsOf(await buildPptxReport(data, 'en', '2026-12-01'), /chart\d+\.xml$/)).join('');
    expect(en).toContain('<a:t>54,449.1*</a:t>');
    expect(en).toContain('<c:v>Target</c:v>');
    expect(en).not.toContain('54.449,1');
  });
});
