import type { ChartText } from '../../lib/report/report-chart.ts';
import type { ChartStyle } from './chart-specs.ts';

/** A user's edits of one chart; a field left out keeps what the chart is given. */
export interface ChartEdit {
  title?: string;
  subtitle?: string;
  type?: 'bar' | 'line';
  dataLabels?: boolean;
}

/** Which chart an edit belongs to: a chart kind and what it shows (`target:grdp_growth`). */
export type ChartKey = string;

/** The key of an indicator's "target and result by period" chart, the one reports draw per row. */
export function targetChartKey(indicatorId: string): ChartKey {
  return `target:${indicatorId}`;
}

/** The words and style a chart is drawn with once the user's edit is laid over what it is given. */
export function editedChart(
  text: ChartText,
  style: ChartStyle,
  edit: ChartEdit | undefined,
): { text: ChartText; style: ChartStyle } {
  if (!edit) return { text, style };
  return {
    text: { ...text, title: edit.title ?? text.title, subtitle: edit.subtitle ?? text.subtitle },
    // Stacked parts of a whole stay bars: a line through them would read as a series.
    style: {
      ...style,
      type: style.stacked ? 'bar' : (edit.type ?? style.type),
      dataLabels: edit.dataLabels ?? style.dataLabels,
    },
  };
}
