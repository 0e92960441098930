import { beforeAll, describe, expect, it } from 'vitest';
import { chartSpec } from '../../../renderer/src/features/charts/chart-specs.ts';
import { targetVsResult } from '../../../renderer/src/features/charts/chart-queries.ts';
import {
  barChartOf,
  indicatorChartPoints,
  indicatorChartText,
  labelInsideBar,
  orderedCategories,
  reportChartFromFigure,
} from '../../../renderer/src/lib/report/report-chart.ts';
import { readReportData, type ReportData } from '../../../renderer/src/lib/report/report-data.ts';
import JSZip from 'jszip';
import { buildPptxReport } from '../../../renderer/src/lib/report/pptx-report.ts';
import { deckValueAxis, reportChartSvg } from '../../../renderer/src/lib/report/report-chart-svg.ts';
import { hasFigures } from '../../../renderer/src/lib/report/report-sources.ts';
import { unitLabel } from '../../../renderer/src/lib/units/unit-table.ts';
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

  it('says each unit once: no title brackets the unit its subtitle gives, for every indicator', () => {
    const rows = data.rows.filter(hasFigures);
    let checked = 0;
    for (const locale of ['vi', 'en'] as const)
      for (const row of rows) {
        const points = indicatorChartPoints(row, data.columns, locale, new Set());
        const text = indicatorChartText(row, points, locale);
        const unit = unitLabel(row.unit, locale).toLowerCase();
        if (!unit) continue;
        checked += 1;
        const words = new Set([unit, row.unit.toLowerCase(), ...unit.split(/\s+/)]);
        const brackets = [...text.title.matchAll(/\(([^()]+)\)/g)].map((match) =>
          match[1]!.trim().toLowerCase(),
        );
        expect(
          brackets.filter((inner) => words.has(inner)),
          `${row.indicatorId} ${locale}: ${text.title} / ${text.subtitle}`,
        ).toEqual([]);
        expect((text.subtitle ?? '').toLowerCase()).toContain(unit);
      }
    expect(checked).toBeGreaterThan(40);
    const perCapita = data.rows.find(
      (row) => row.indicatorId === 'grdp_per_capita' && row.unit === 'triệu đồng',
    )!;
    const english = indicatorChartText(perCapita, [], 'en');
    expect(english.title).toBe('GRDP per capita: targets and results by period');
    expect(english.subtitle).toBe('Unit: million VND');
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

  it('draws targets first in the first colour on every chart, also where the first period has a result only', async () => {
    const rows = data.rows.filter(hasFigures);
    const perCapita = rows.find((row) => row.indicatorId === 'grdp_per_capita' && row.unit === 'triệu đồng')!;
    // 2016–2020 has its result only; the target comes with 2026–2030.
    expect(perCapita.cells['2016-2020']?.targetLow ?? null).toBeNull();
    let both = 0;
    for (const row of rows) {
      const points = indicatorChartPoints(row, data.columns, 'vi');
      const chart = barChartOf(points, indicatorChartText(row, points, 'vi'), 'vi');
      if (chart.series.length < 2) continue;
      both += 1;
      expect(
        chart.series.map((series) => [series.name, series.color]),
        row.indicatorId,
      ).toEqual([
        ['Chỉ tiêu', '#1f5fbf'],
        ['Kết quả', '#e0a800'],
      ]);
    }
    expect(both).toBeGreaterThan(10);
    // The charts area's own query puts them in the same order.
    const screen = await targetVsResult(warehouse.db, 'grdp_per_capita');
    if (!screen.ok) throw new Error(screen.error.message);
    expect(screen.value[0]?.series).toBe('Chỉ tiêu');
  });

  it("writes a target's sign on its chart label as the pivot does (<3%, ≈130), on screen and in the report", async () => {
    const poverty = data.rows.find((row) => row.indicatorId === 'poverty_rate' && row.unit === '%')!;
    expect(poverty.cells['2021-2025']?.targetComparator).toBe('<');
    const points = indicatorChartPoints(poverty, data.columns, 'vi');
    const text = indicatorChartText(poverty, points, 'vi');
    const report = barChartOf(points, text, 'vi');
    const target = report.series.find((series) => series.name === 'Chỉ tiêu')!;
    expect(target.texts[report.categories.indexOf('2021–2025')]).toBe('<3%');
    expect(
      reportChartFromFigure(chartSpec(points, text, { type: 'bar', dataLabels: true, locale: 'vi' })),
    ).toEqual(report);
    // The charts area's own query carries the sign of targets, not of results.
    const screen = await targetVsResult(warehouse.db, 'poverty_rate');
    if (!screen.ok) throw new Error(screen.error.message);
    const shown = screen.value.filter((point) => point.label === '2021–2025');
    expect(shown.find((point) => point.series === 'Chỉ tiêu')?.comparator).toBe('<');
    expect(shown.find((point) => point.series === 'Kết quả')?.comparator ?? null).toBeNull();
  });

  it('draws estimates as the screen does in the report SVG: a half-opaque bar, a hollow point', () => {
    const revenue = data.rows.find((row) => row.indicatorId === 'budget_revenue_total')!;
    const points = indicatorChartPoints(revenue, data.columns, 'vi');
    const text = indicatorChartText(revenue, points, 'vi');
    const bars = barChartOf(points, text, 'vi');
    // 2016–2020 stated, 2021–2025 estimated.
    expect(bars.series[0]!.estimates).toEqual([false, true]);
    expect(reportChartSvg(bars, 'vi').match(/fill-opacity="0.5"/g)).toHaveLength(1);
    const lines = reportChartFromFigure(
      chartSpec(points, text, { type: 'line', dataLabels: true, locale: 'vi' }),
    );
    expect(lines.series[0]!.estimates).toEqual([false, true]);
    expect(reportChartSvg(lines, 'vi').match(/<circle [^>]*fill="#ffffff"/g)).toHaveLength(1);
  });

  it('draws an error bar on a range only: a single value gets none, not a cap on top of its bar', () => {
    const grdp = data.rows.find((row) => row.indicatorId === 'grdp_growth' && row.unit === '%')!;
    const points = indicatorChartPoints(grdp, data.columns, 'vi');
    const spec = chartSpec(points, indicatorChartText(grdp, points, 'vi'), {
      type: 'bar',
      dataLabels: true,
      locale: 'vi',
    });
    const arrays = spec.data.map((trace) => (trace as { error_y: { array: number[] } }).error_y.array);
    // Targets 8–9, 7–7,5 and 10–11%: half ranges; results 5,2 and 6,79%: none (Plotly skips NaN).
    expect(arrays[0]).toEqual([0.5, 0.25, 0.5]);
    expect(arrays[1]!.slice(0, 2).every((half) => Number.isNaN(half))).toBe(true);
    expect(reportChartFromFigure(spec).series[1]!.halfRanges.slice(0, 2)).toEqual([0, 0]);
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

  it('keeps a period’s target and result labels apart: the result inside its bar’s top, on screen and in the SVG', () => {
    const grdp = data.rows.find((row) => row.indicatorId === 'grdp_growth')!;
    const points = indicatorChartPoints(grdp, data.columns, 'vi');
    const text = indicatorChartText(grdp, points, 'vi');
    const spec = chartSpec(points, text, { type: 'bar', dataLabels: true, locale: 'vi' });
    const [target, result] = spec.data as { textposition: string[]; text: string[] }[];
    const at = (spec.data[0] as { x: string[] }).x.indexOf('2021–2025');
    // The target is a range: its label is written above its error bar, not at the bar's top.
    expect(target!.textposition[at]).toBe('none');
    expect(spec.layout.annotations?.map((note) => note.text)).toContain(target!.text[at]);
    expect(result!.textposition[at]).toBe('inside');
    const chart = reportChartFromFigure(spec);
    expect(
      labelInsideBar(
        chart.series.map((series) => series.texts),
        1,
        at,
      ),
    ).toBe(true);
    const svg = reportChartSvg(chart, 'vi');
    const labelY = (label: string): number =>
      Number(new RegExp(`y="([\\d.]+)"[^>]*>${label.replace('*', '\\*')}</text>`).exec(svg)?.[1]);
    const [targetY, resultY] = [labelY(target!.text[at]!), labelY(result!.text[at]!)];
    expect(Number.isFinite(targetY) && Number.isFinite(resultY)).toBe(true);
    // 11-px labels: more than a line apart.
    expect(Math.abs(targetY - resultY)).toBeGreaterThan(12);
  });

  it('gives the deck’s value axis the screen’s round ticks, written with no more decimals than they have', async () => {
    const only = { ...data, rows: data.rows.filter((row) => row.indicatorId === 'grdp_growth') };
    const zip = await JSZip.loadAsync(await buildPptxReport(only, 'vi', '2026-12-01'));
    const chart = await zip.file(/^ppt\/charts\/chart\d+\.xml$/)[0]!.async('string');
    const valueAxis = /<c:valAx>[\s\S]*?<\/c:valAx>/.exec(chart)![0];
    // 0 to 12,5 in steps of 2,5 as on screen: one decimal, not the two of 6,79 ("12,00").
    expect(valueAxis).toContain('<c:max val="12.5"/>');
    expect(valueAxis).toContain('<c:majorUnit val="2.5"/>');
    expect(/<c:numFmt formatCode="([^"]*)"/.exec(valueAxis)![1]).toMatch(/#,##0\.0$/);
    // Whole ticks (0 to 140 for 131,4): none at all, not "140,0".
    const whole = barChartOf(
      [
        {
          series: 'Kết quả',
          label: '2024',
          low: 131.4,
          high: 131.4,
          unit: 'tỷ đồng',
          estimate: false,
          docTitle: '',
        },
      ],
      { title: '', xTitle: '', yTitle: '', sourceNote: '' },
      'vi',
    );
    const axis = deckValueAxis(whole, 'vi');
    expect(axis.valAxisMaxVal! % axis.valAxisMajorUnit!).toBe(0);
    expect(Number.isInteger(axis.valAxisMajorUnit)).toBe(true);
    expect(axis.valAxisLabelFormatCode).toMatch(/#,##0$/);
  });
});
