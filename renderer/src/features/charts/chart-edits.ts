import { z } from 'zod';
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

/**
 * A chart's edits as the user store keeps them, under the chart's key. A field that is no longer
 * valid (an older or damaged record) is dropped, and the chart shows its own for it.
 */
export const storedChartEditSchema = z.object({
  id: z.string().min(1),
  title: z.string().optional().catch(undefined),
  subtitle: z.string().optional().catch(undefined),
  type: z.enum(['bar', 'line']).optional().catch(undefined),
  dataLabels: z.boolean().optional().catch(undefined),
});

/** A stored chart edit. */
export type StoredChartEdit = z.infer<typeof storedChartEditSchema>;

/** The edit a stored record holds, or null when none of its fields is still valid. */
export function chartEditOf(stored: StoredChartEdit): ChartEdit | null {
  const edit: ChartEdit = {};
  if (stored.title !== undefined) edit.title = stored.title;
  if (stored.subtitle !== undefined) edit.subtitle = stored.subtitle;
  if (stored.type !== undefined) edit.type = stored.type;
  if (stored.dataLabels !== undefined) edit.dataLabels = stored.dataLabels;
  return Object.keys(edit).length > 0 ? edit : null;
}

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
