import type { Config, Data, Layout } from 'plotly.js';
import { CHART_FONT } from './chart-font.ts';
import type { ChartPoint } from './chart-queries.ts';

export interface ChartSpec {
  data: Data[];
  layout: Partial<Layout>;
  config: Partial<Config>;
}

export interface ChartText {
  title: string;
  xTitle: string;
  yTitle: string;
  /** "Nguồn: …" under the chart. */
  sourceNote: string;
}

const COLORS = ['#1f5fbf', '#e0a800', '#1e8e5a', '#b42318', '#7a4fbf', '#0b8a8a', '#8a5a00'];

/** Vietnamese number format in Plotly: "," for decimals, "." for thousands. */
export const VIETNAMESE_SEPARATORS = ',.';

/** The names of the documents behind some points, one per line, for the note under the chart. */
export function sourceNote(points: readonly ChartPoint[], prefix: string): string {
  const titles = [...new Set(points.map((point) => point.docTitle).filter(Boolean))].map((title) =>
    title.length > 120 ? `${title.slice(0, 117)}…` : title,
  );
  return `${prefix}: ${titles.join(';<br>')}`;
}

function baseLayout(text: ChartText, height: number): Partial<Layout> {
  return {
    title: { text: text.title, font: { family: CHART_FONT, size: 17 } },
    font: { family: CHART_FONT, size: 12, color: '#1b2430' },
    separators: VIETNAMESE_SEPARATORS,
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
    height,
    margin: { l: 70, r: 30, t: 70, b: 150 },
    legend: { orientation: 'h', y: -0.16 },
    xaxis: { title: { text: text.xTitle }, type: 'category' },
    yaxis: { title: { text: text.yTitle }, gridcolor: '#edf0f5', zerolinecolor: '#dde3ec' },
    annotations: [
      {
        text: text.sourceNote,
        xref: 'paper',
        yref: 'paper',
        x: 0,
        y: -0.3,
        xanchor: 'left',
        yanchor: 'top',
        showarrow: false,
        align: 'left',
        font: { family: CHART_FONT, size: 10, color: '#5d6b7e' },
      },
    ],
  };
}

const CONFIG: Partial<Config> = { displaylogo: false, responsive: true, displayModeBar: false, locale: 'vi' };

// A range target ("10 – 11%") is drawn at its middle with an error bar spanning it.
const middle = (point: ChartPoint): number => (point.low + point.high) / 2;
const halfRange = (point: ChartPoint): number => (point.high - point.low) / 2;

function groupBySeries(points: readonly ChartPoint[]): Map<string, ChartPoint[]> {
  const groups = new Map<string, ChartPoint[]>();
  for (const point of points) groups.set(point.series, [...(groups.get(point.series) ?? []), point]);
  return groups;
}

/** Grouped bars: target beside result for each period. */
export function barSpec(
  points: readonly ChartPoint[],
  text: ChartText,
  stacked = false,
  height = 460,
): ChartSpec {
  const labels = [...new Set(points.map((point) => point.label))].sort();
  const data: Data[] = [...groupBySeries(points)].map(([series, items], index) => {
    const byLabel = new Map(items.map((item) => [item.label, item]));
    const values = labels.map((label) => byLabel.get(label));
    return {
      type: 'bar',
      name: series,
      x: labels,
      y: values.map((value) => (value ? middle(value) : null)),
      error_y: stacked
        ? undefined
        : {
            type: 'data',
            array: values.map((value) => (value ? halfRange(value) : 0)),
            visible: true,
            color: '#5d6b7e',
          },
      text: values.map((value) => (value?.estimate ? 'ước' : '')),
      marker: { color: COLORS[index % COLORS.length] },
      hovertemplate: `%{x}: %{y:,.2f}${items[0]?.unit === '%' ? '%' : ` ${items[0]?.unit ?? ''}`}<extra>${series}</extra>`,
    } as Data;
  });
  return {
    data,
    layout: { ...baseLayout(text, height), barmode: stacked ? 'stack' : 'group' },
    config: CONFIG,
  };
}

/** Lines: one series per indicator, one point per year. */
export function lineSpec(points: readonly ChartPoint[], text: ChartText, height = 460): ChartSpec {
  const secondAxis = secondAxisDimension(points);
  const data: Data[] = [...groupBySeries(points)].map(([series, items], index) => ({
    ...(secondAxis && items[0]?.dimension === secondAxis ? { yaxis: 'y2' } : {}),
    type: 'scatter',
    mode: 'text+lines+markers',
    name: series,
    x: items.map((item) => item.label),
    y: items.map(middle),
    text: items.map((item) => (item.estimate ? 'ước' : '')),
    textposition: 'top center',
    line: { color: COLORS[index % COLORS.length], width: 2.5 },
    marker: { size: 8 },
  }));
  const layout = baseLayout(text, height);
  if (secondAxis) {
    const unit = points.find((point) => point.dimension === secondAxis)?.unit ?? '';
    layout.yaxis2 = { title: { text: unit }, overlaying: 'y', side: 'right', showgrid: false };
    layout.margin = { ...layout.margin, r: 70 };
  }
  return { data, layout, config: CONFIG };
}

/**
 * Units of two dimensions never share an axis (tỷ USD beside %): the second dimension's series go
 * on a right-hand axis. Null when the points have one dimension (or no known one).
 */
export function secondAxisDimension(points: readonly ChartPoint[]): string | null {
  const dimensions = [...new Set(points.map((point) => point.dimension).filter(Boolean))];
  return dimensions.length >= 2 ? (dimensions[1] ?? null) : null;
}
