import { describe, expect, it } from 'vitest';
import { editedChart, targetChartKey } from '../../../renderer/src/features/charts/chart-edits.ts';
import type { ChartPoint } from '../../../renderer/src/features/charts/chart-queries.ts';
import type { ChartStyle, ChartText } from '../../../renderer/src/features/charts/chart-specs.ts';
import { reportChartFromFigure } from '../../../renderer/src/lib/report/report-chart.ts';
import { chartKey } from '../../../renderer/src/features/charts/charts-model.svelte.ts';
import { chartSpec } from '../../../renderer/src/features/charts/chart-specs.ts';

const TEXT: ChartText = {
  title: 'Tốc độ tăng trưởng kinh tế (GRDP): chỉ tiêu và kết quả theo giai đoạn',
  subtitle: 'Đơn vị: %',
  xTitle: 'Giai đoạn',
  yTitle: '%',
  sourceNote: 'Nguồn: Nghị quyết',
};
const BAR: ChartStyle = { type: 'bar', dataLabels: true, locale: 'vi' };
const POINTS: ChartPoint[] = [
  { series: 'Chỉ tiêu', label: '2021–2025', low: 7, high: 7.5, unit: '%', estimate: false, docTitle: 'NQ' },
  { series: 'Kết quả', label: '2021–2025', low: 6.79, high: 6.79, unit: '%', estimate: true, docTitle: 'NQ' },
];

describe("a user's chart edits", () => {
  it('leave the chart as given when there are none', () => {
    expect(editedChart(TEXT, BAR, undefined)).toEqual({ text: TEXT, style: BAR });
    expect(editedChart(TEXT, BAR, {})).toEqual({ text: TEXT, style: BAR });
  });

  it('replace the title, subtitle, type and labels they name, and keep the rest', () => {
    const { text, style } = editedChart(TEXT, BAR, { title: 'Giao ban', type: 'line', dataLabels: false });
    expect(text).toEqual({ ...TEXT, title: 'Giao ban' });
    expect(style).toEqual({ ...BAR, type: 'line', dataLabels: false });
    // An emptied subtitle is an edit too: the chart then has none.
    expect(editedChart(TEXT, BAR, { subtitle: '' }).text.subtitle).toBe('');
  });

  it('keep stacked parts of a whole as bars', () => {
    const stacked = { ...BAR, stacked: true };
    expect(editedChart(TEXT, stacked, { type: 'line' }).style.type).toBe('bar');
  });

  it('reach the figure a report reads: its title, lines and no values written', () => {
    const { text, style } = editedChart(TEXT, BAR, { title: 'Giao ban', type: 'line', dataLabels: false });
    const chart = reportChartFromFigure(chartSpec(POINTS, text, style));
    expect(chart.title).toBe('Giao ban');
    expect(chart.type).toBe('line');
    // Only the estimate's mark is left where the values were.
    expect(chart.series.flatMap((series) => series.texts)).toEqual(['', '*']);
  });

  it('are kept by chart: the key of an indicator’s target chart is the one the reports look up', () => {
    expect(chartKey({ kind: 'target', indicatorId: 'grdp_growth' })).toBe(targetChartKey('grdp_growth'));
    expect(chartKey({ kind: 'yearly', indicatorIds: ['a', 'b'] })).not.toBe(
      chartKey({ kind: 'yearly', indicatorIds: ['a'] }),
    );
    expect(chartKey({ kind: 'structure' })).not.toBe(chartKey({ kind: 'sql' }));
  });
});
