import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { pivotRowKey } from '../../../renderer/src/lib/report/pivot-view.ts';
import { buildPptxReport } from '../../../renderer/src/lib/report/pptx-report.ts';
import {
  barChartOf,
  indicatorChartPoints,
  indicatorChartText,
} from '../../../renderer/src/lib/report/report-chart.ts';
import { readReportData, type ReportData } from '../../../renderer/src/lib/report/report-data.ts';
import { useWarehouseDatabase } from '../../support/warehouse-database.ts';

// Six indicators of the warehouse.
const SIX = [
  'grdp_growth',
  'grdp_per_capita',
  'budget_revenue_total',
  'poverty_rate',
  'forest_cover_rate',
  'tourist_arrivals',
];

/** The slides of a deck in order, each as its XML. */
async function slidesOf(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]));
  return Promise.all(names.map((name) => zip.file(name)!.async('string')));
}

/** The charts of a deck, each as its XML. */
async function chartsOf(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name));
  return Promise.all(names.map((name) => zip.file(name)!.async('string')));
}

/** Every text run of a piece of slide XML, joined: what a reader sees in it. */
function textOf(xml: string): string {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((match) => match[1]).join(' ');
}

/** The rows of the first table on a slide, each a list of its cells' texts. */
function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<a:tr\b[\s\S]*?<\/a:tr>/g)].map((row) =>
    [...row[0].matchAll(/<a:tc\b[\s\S]*?<\/a:tc>/g)].map((cell) => textOf(cell[0])),
  );
}

describe('the pptx deck, re-opened as XML', () => {
  const warehouse = useWarehouseDatabase();
  let data: ReportData;

  beforeAll(async () => {
    const read = await readReportData(warehouse.db, { indicators: SIX, periods: 'terms' });
    if (!read.ok) throw new Error(read.error.message);
    data = read.value;
  });

  it('shows the 2026–2030 targets on the summary slide, not a dash, beside results and status', async () => {
    const slides = await slidesOf(await buildPptxReport(data, 'vi', '2026-12-01'));
    const summaries = slides.filter((xml) => xml.includes('Tổng hợp đánh giá thực hiện chỉ tiêu'));
    expect(summaries.length).toBeGreaterThan(0);
    const rows = summaries.flatMap((xml) => tableRows(xml));
    const header = rows[0]!;
    expect(header).toEqual(['Chỉ tiêu', '2016–2020', '2021–2025', '2026–2030']);
    const grdp = rows.find((row) => row[0] === 'Tốc độ tăng trưởng kinh tế (GRDP)')!;
    expect(grdp[3]).toBe('Chỉ tiêu: 10–11%');
    expect(grdp[2]).toBe('Chỉ tiêu: 7–7,5% Kết quả: 6,79% (ước tính) không đạt');
    const forest = rows.find((row) => row[0] === 'Tỷ lệ che phủ rừng')!;
    expect(forest[3]).toBe('Chỉ tiêu: 65%');
    const perCapita = rows.find((row) => row[0]?.startsWith('GRDP bình quân đầu người'))!;
    expect(perCapita[3]).toBe('Chỉ tiêu: ≈130 triệu đồng');
    const revenue = rows.find((row) => row[0]?.startsWith('Tổng thu ngân sách'))!;
    expect(revenue[2]).toBe('Kết quả: 54.449,1 tỷ đồng (ước tính)');
    // A period with nothing at all is the one place a dash stands.
    expect(revenue[3]).toBe('–');
  });

  it('counts the indicators chosen, not the rows they take', async () => {
    // A unit the table cannot convert still takes a row of its own: one indicator, two rows.
    const last = data.rows.at(-1)!;
    const split = { ...data, rows: [...data.rows, { ...last, unit: `${last.unit} (khác)` }] };
    const slides = await slidesOf(await buildPptxReport(split, 'vi', '2026-12-01'));
    expect(textOf(slides[0]!)).toContain('6 chỉ tiêu · các giai đoạn 2016–2020, 2021–2025, 2026–2030');
    const english = await slidesOf(await buildPptxReport(split, 'en', '2026-12-01'));
    expect(textOf(english[0]!)).toContain('6 indicators');
  });

  it('ends every slide with its source note', async () => {
    const slides = await slidesOf(await buildPptxReport(data, 'vi', '2026-12-01'));
    expect(slides.length).toBe(1 + data.rows.length + Math.ceil(data.rows.length / 6));
    for (const xml of slides) expect(textOf(xml)).toMatch(/Nguồn: \S/);
    expect(textOf(slides[0]!)).toContain('Báo cáo đánh giá tình hình thực hiện kế hoạch');
  });

  it('formats chart data labels like the tables, pinned to the report’s locale', async () => {
    const charts = await chartsOf(await buildPptxReport(data, 'vi', '2026-12-01'));
    const revenue = charts.find((xml) => xml.includes('<c:v>54449.1</c:v>'))!;
    expect(revenue).toContain('formatCode="[$-42A]#,##0.0;-[$-42A]#,##0.0;"');
    const xml = (await chartsOf(await buildPptxReport(data, 'en', '2026-12-01'))).join('');
    expect(xml).toContain('[$-409]#,##0.0');
    expect(xml).not.toContain('#,##0.##');
  });

  it('places each point label where the screen does: a second label of one period inside its bar', async () => {
    const charts = await chartsOf(await buildPptxReport(data, 'vi', '2026-12-01'));
    let shared = 0;
    for (const xml of charts.filter((chart) => chart.includes('<c:barChart>'))) {
      // Per series, the position of each labelled point by its index.
      const series = xml
        .split('</c:ser>')
        .slice(0, -1)
        .map(
          (part) =>
            new Map(
              [...part.matchAll(/<c:dLbl><c:idx val="(\d+)"\/><c:tx>[\s\S]*?<c:dLblPos val="(\w+)"\/>/g)].map(
                (match) => [Number(match[1]), match[2]],
              ),
            ),
        );
      series.forEach((positions, index) => {
        for (const [at, position] of positions) {
          const earlier = series.slice(0, index).some((other) => other.has(at));
          if (earlier) shared += 1;
          expect(position).toBe(earlier ? 'inEnd' : 'outEnd');
        }
      });
    }
    // The deck has periods with both a target and a result labelled, or this proves nothing.
    expect(shared).toBeGreaterThan(0);
  });

  it('draws an estimate bar lighter, as the note under the chart and the screen say', async () => {
    const charts = await chartsOf(await buildPptxReport(data, 'vi', '2026-12-01'));
    // Tổng thu ngân sách: one series, results only; 2021–2025 (54.449,1) is an estimate, 2016–2020 not.
    const revenue = charts.find((xml) => xml.includes('<c:v>54449.1</c:v>'))!;
    const series = revenue.split('</c:ser>')[0]!;
    const estimate = [...series.matchAll(/<c:v>([\d.]+)<\/c:v>/g)].findIndex(
      (match) => match[1] === '54449.1',
    );
    // The series is #1f5fbf; at half opacity over white it is #8FAFDF.
    expect(series).toContain(`<c:dPt><c:idx val="${estimate}"/>`);
    expect(series).toMatch(/<c:dPt>[\s\S]*?<a:srgbClr val="8FAFDF"\/>[\s\S]*?<\/c:dPt><c:dLbls>/);
    expect([...series.matchAll(/<c:dPt>/g)]).toHaveLength(1);
  });

  it('draws an estimate on a line hollow, its marker where the schema puts it so LibreOffice reads it', async () => {
    const revenue = data.rows.find((row) => row.indicatorId === 'budget_revenue_total')!;
    const points = indicatorChartPoints(revenue, data.columns, 'vi');
    const line = {
      ...barChartOf(points, indicatorChartText(revenue, points, 'vi'), 'vi'),
      type: 'line' as const,
    };
    const deck = await buildPptxReport(data, 'vi', '2026-12-01', {
      charts: { [pivotRowKey(revenue)]: line },
    });
    const xml = (await chartsOf(deck)).find((chart) => chart.includes('<c:lineChart>'))!;
    const series = xml.split('</c:ser>')[0]!;
    // <c:marker>, then <c:dPt>…, then <c:dLbls> (CT_LineSer), and the series' marker once.
    expect(series.indexOf('<c:marker>')).toBeLessThan(series.indexOf('<c:dPt>'));
    expect(series.indexOf('<c:dPt>')).toBeLessThan(series.indexOf('<c:dLbls>'));
    expect(series.slice(series.indexOf('</c:dLbls>'))).not.toContain('<c:marker>');
    // 2021–2025 (the second point) is the estimate: white inside a ring of the series' colour.
    const estimate = /<c:dPt><c:idx val="(\d+)"\/>[\s\S]*?<\/c:dPt>/.exec(series)!;
    expect(estimate[1]).toBe('1');
    expect(estimate[0]).toMatch(
      /<a:solidFill><a:srgbClr val="FFFFFF"\/><\/a:solidFill><a:ln w="19050"><a:solidFill><a:srgbClr val="1F5FBF"\/>/,
    );
    // Where the marker's ring is not drawn (LibreOffice), the point's own colour is the lighter one.
    expect(estimate[0]).toMatch(
      /<\/c:marker><c:bubble3D val="0"\/><c:spPr><a:ln w="25400"><a:solidFill><a:srgbClr val="8FAFDF"\/>/,
    );
    expect([...series.matchAll(/<c:dPt>/g)]).toHaveLength(1);
  });

  it('puts a quick report’s domain on its title slide', async () => {
    const slides = await slidesOf(
      await buildPptxReport(data, 'vi', '2026-12-01', { subtitle: 'Báo cáo nhanh: Kinh tế' }),
    );
    expect(textOf(slides[0]!)).toContain('Báo cáo nhanh: Kinh tế');
  });
});
