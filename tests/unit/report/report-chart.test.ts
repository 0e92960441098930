import { beforeAll, describe, expect, it } from 'vitest';
import { chartSpec } from '../../../renderer/src/features/charts/chart-specs.ts';
import {
  barChartOf,
  indicatorChartPoints,
  indicatorChartText,
  orderedCategories,
  reportChartFromFigure,
} from '../../../renderer/src/lib/report/report-chart.ts';
import { readReportData, type ReportData } from '../../../renderer/src/lib/report/report-data.ts';
import { hasFigures } from '../../../renderer/src/lib/report/report-sources.ts';
import { useWarehouseDatabase } from '../../support/warehouse-database.ts';

describe("a report's chart is the chart the screen draws", () => {
  const warehouse = useWarehouseDatabase();
  let data: ReportData;

  beforeAll(async () => {
    const read = await readReportData(warehouse.db, { indicators: 'all', periods: 'terms' });
    if (!read.ok) throw new Error(read.error.message);
    data = read.value;
  });

  it('reads the on-screen Plotly figure into the same series, labels, titles and note as the CLI builds', () => {
    const rows = data.rows.filter(hasFigures);
    expect(rows.length).toBeGreaterThan(20);
    for (const locale of ['vi', 'en'] as const)
      for (const dataLabels of [true, false])
        for (const row of rows) {
          const points = indicatorChartPoints(
            row,
            data.columns,
            locale,
            new Set([row.cells['2021-2025']?.actualSources[0]?.obs_id ?? '']),
          );
          const text = indicatorChartText(row, points, locale);
          const screen = reportChartFromFigure(chartSpec(points, text, { type: 'bar', dataLabels, locale }));
          expect(barChartOf(points, text, locale, dataLabels), `${row.indicatorId} ${locale}`).toEqual(
            screen,
          );
        }
  });

  it('keeps the screen words: vi-VN labels, ✎ on a corrected figure, * on an estimate, the source note', () => {
    const grdp = data.rows.find((row) => row.indicatorId === 'grdp_growth')!;
    const corrected = grdp.cells['2021-2025']!.actualSources[0]!.obs_id;
    const points = indicatorChartPoints(grdp, data.columns, 'vi', new Set([corrected]));
    const chart = reportChartFromFigure(
      chartSpec(points, indicatorChartText(grdp, points, 'vi'), {
        type: 'bar',
        dataLabels: true,
        locale: 'vi',
      }),
    );
    expect(chart.title).toBe('Tốc độ tăng trưởng kinh tế (GRDP): chỉ tiêu và kết quả theo giai đoạn');
    expect(chart.subtitle).toBe('Đơn vị: %');
    expect(chart.categories).toEqual(['2016–2020', '2021–2025', '2026–2030']);
    expect(chart.series.map((series) => series.name)).toEqual(['Chỉ tiêu', 'Kết quả']);
    const [target, actual] = chart.series;
    expect(target!.texts).toEqual(
      ['≥9%', '7–7,5%', '10–11%'].map((text) => expect.stringContaining(text.replace('≥', ''))),
    );
    expect(actual!.texts[1]).toBe('6,79%* ✎');
    expect(chart.sourceLines[0]).toMatch(/^Nguồn: /);
    expect(chart.sourceLines.at(-1)).toBe('* Số ước tính (cột nhạt, điểm rỗng)');
    const english = indicatorChartPoints(grdp, data.columns, 'en');
    const inEnglish = barChartOf(english, indicatorChartText(grdp, english, 'en'), 'en');
    expect(inEnglish.series.map((series) => series.name)).toEqual(['Target', 'Result']);
    expect(inEnglish.series[1]!.texts[1]).toBe('6.79%*');
  });

  it('orders years and plan periods in time, each period after its last year, on screen and in the report', async () => {
    expect(
      orderedCategories([
        '2022',
        '2021–2025',
        'khác',
        '2016–2020',
        '2026',
        '2021',
        '2026–2030',
        '2020',
        '2025',
      ]),
    ).toEqual(['2020', '2016–2020', '2021', '2022', '2025', '2021–2025', '2026', '2026–2030', 'khác']);
    const read = await readReportData(warehouse.db, { indicators: ['grdp_growth'], periods: 'years' });
    if (!read.ok) throw new Error(read.error.message);
    const grdp = read.value.rows.find((row) => row.indicatorId === 'grdp_growth')!;
    const points = indicatorChartPoints(grdp, read.value.columns, 'vi');
    const text = indicatorChartText(grdp, points, 'vi');
    const screen = reportChartFromFigure(
      chartSpec(points, text, { type: 'bar', dataLabels: true, locale: 'vi' }),
    );
    expect(screen.categories).toEqual([
      '2016–2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
      '2021–2025',
      '2026',
      '2026–2030',
    ]);
    expect(barChartOf(points, text, 'vi')).toEqual(screen);
  });
});
