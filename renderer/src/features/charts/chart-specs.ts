import type { Annotations, Config, Data, Layout } from 'plotly.js';
import { formatFigure } from '../../lib/format/format-number.ts';
import type { Locale } from '../../lib/format/locale.ts';
import { alignedTicks, type AxisExtent, type AxisTicks } from '../../lib/report/axis-ticks.ts';
import { labelInsideBar, lineLabelAbove, orderedCategories } from '../../lib/report/report-chart.ts';
import { unitLabel } from '../../lib/units/unit-table.ts';
import type { ChartPoint } from './chart-queries.ts';
import { chartFrameHeight, chartLayout, type ChartText } from './chart-layout.ts';

export type { ChartText } from './chart-layout.ts';

export interface ChartSpec {
  data: Data[];
  layout: Partial<Layout>;
  config: Partial<Config>;
}

/** How a chart is drawn: bars or lines, with or without its values written on it. */
export interface ChartStyle {
  type: 'bar' | 'line';
  dataLabels: boolean;
  locale: Locale;
  /** Bars stacked into a whole (the economic structure) instead of side by side. */
  stacked?: boolean;
  height?: number;
}

const COLORS = ['#1f5fbf', '#e0a800', '#1e8e5a', '#b42318', '#7a4fbf', '#0b8a8a', '#8a5a00'];

/** The mark after an estimated value's label, explained in the note under the chart. */
export const ESTIMATE_MARK = '*';

/** The names of the documents behind some points, one per line, for the note under the chart. */
export function sourceNote(points: readonly ChartPoint[], prefix: string, estimateNote = ''): string {
  const titles = [...new Set(points.map((point) => point.docTitle).filter(Boolean))].map((title) =>
    title.length > 120 ? `${title.slice(0, 117)}…` : title,
  );
  const estimates = estimateNote && points.some((point) => point.estimate) ? [estimateNote] : [];
  return [`${prefix}: ${titles.join(';<br>')}`, ...estimates].join('<br>');
}

// A range target ("10 – 11%") is drawn at its middle with an error bar spanning it.
const middle = (point: ChartPoint): number => (point.low + point.high) / 2;
const halfRange = (point: ChartPoint): number => (point.high - point.low) / 2;

// Written after a point's label when a user corrected the figure ("đã hiệu đính").
const REVIEWED_MARK = ' ✎';

interface Series {
  name: string;
  unit: string;
  points: ChartPoint[];
}

/**
 * The traces of a chart: one per series and unit, so a series whose figures come in two units that
 * cannot be converted is drawn as two traces, each on its unit's axis, named with its unit.
 */
function seriesOf(points: readonly ChartPoint[], locale: Locale, dual: boolean): Series[] {
  const groups = new Map<string, Series>();
  for (const point of points) {
    const key = `${point.series}\u0000${point.unit}`;
    const group = groups.get(key) ?? { name: point.series, unit: point.unit, points: [] };
    group.points.push(point);
    groups.set(key, group);
  }
  const all = [...groups.values()];
  const units = new Map<string, Set<string>>();
  for (const group of all) units.set(group.name, (units.get(group.name) ?? new Set()).add(group.unit));
  // Series on two axes say their unit, so the legend tells which axis each is read on.
  return all.map((group) =>
    (units.get(group.name)?.size ?? 0) > 1 || dual
      ? { ...group, name: `${group.name} (${unitLabel(group.unit, locale) || '–'})` }
      : group,
  );
}

/** The units of some points, in order of first appearance: the first is the left axis, the second the right. */
export function axisUnits(points: readonly ChartPoint[]): string[] {
  return [...new Set(points.map((point) => point.unit))];
}

/**
 * How the values of some points share axes: one axis for one unit, a second (right) axis for a
 * second unit, and from three units on one panel per unit, stacked over a shared x-axis, so no
 * axis ever carries two units. Stacked bars (parts of a whole) stay on one axis.
 */
export function axisPlan(points: readonly ChartPoint[], stacked = false): 'single' | 'dual' | 'panels' {
  const count = stacked ? 1 : axisUnits(points).length;
  return count <= 1 ? 'single' : count === 2 ? 'dual' : 'panels';
}

/** Plotly's name of the n-th y-axis as a trace refers to it: `y`, `y2`, `y3`… */
const axisRef = (index: number): string => (index === 0 ? 'y' : `y${index + 1}`);

// The height of one small-multiple panel, so each keeps a readable scale however many there are.
const PANEL_HEIGHT = 150;

/** The lowest and highest value of the points in one unit, a range's ends included. */
function extentOf(points: readonly ChartPoint[], unit: string | undefined): AxisExtent {
  const shown = points.filter((point) => point.unit === unit);
  return {
    min: Math.min(0, ...shown.map((point) => point.low)),
    max: Math.max(0, ...shown.map((point) => point.high)),
  };
}

/** Plotly's fixed ticks for a scale: round steps from zero, as the report's SVG draws them. */
function tickLayout(ticks: AxisTicks | undefined): Record<string, unknown> {
  if (!ticks) return {};
  return {
    range: [ticks.bottom, ticks.top],
    autorange: false,
    tickmode: 'linear',
    tick0: 0,
    dtick: ticks.step,
  };
}

/** A point's label as the tables write it (`7–7,5%`, `54.449,1`), marked when it is an estimate. */
function pointLabel(point: ChartPoint, locale: Locale): string {
  const figure = formatFigure(
    { low: point.low, high: point.high, comparator: point.comparator, unit: point.unit === '%' ? '%' : null },
    locale,
  );
  return `${figure}${point.estimate ? ESTIMATE_MARK : ''}${point.reviewed ? REVIEWED_MARK : ''}`;
}

// The share of a category's width its bars fill side by side, as Plotly's default gap leaves.
const GROUP_WIDTH = 0.8;

/**
 * Side-by-side bars with their labels placed so none is crossed or overlapped: a later series writes
 * its label inside its bar's top where an earlier one writes at that period, and a range's label
 * sits above the top of its error bar (an annotation, since Plotly writes it at the bar's top, where
 * the error bar runs through it). Each bar's slot is explicit so the annotation knows where it is.
 */
function groupedBars(
  data: readonly Data[],
  labels: readonly string[],
  panels: boolean,
): { data: Data[]; annotations: Partial<Annotations>[] } {
  const traces = data as (Data & {
    text: string[];
    y: (number | null)[];
    yaxis: string;
    error_y: { array: number[] };
  })[];
  // Bars of one subplot share its categories' width; small multiples are one subplot each.
  const groupOf = (trace: (typeof traces)[number]): string => (panels ? trace.yaxis : 'y');
  const annotations: Partial<Annotations>[] = [];
  const placed = traces.map((trace) => {
    const group = traces.filter((other) => groupOf(other) === groupOf(trace));
    const slot = group.indexOf(trace);
    const width = GROUP_WIDTH / group.length;
    const offset = -GROUP_WIDTH / 2 + slot * width;
    const texts = group.map((other) => other.text);
    const textposition = labels.map((_, at) => {
      if (labelInsideBar(texts, slot, at)) return 'inside';
      const half = trace.error_y.array[at] ?? NaN;
      const middle = trace.y[at];
      if (!(half > 0) || middle === null || middle === undefined || !trace.text[at]) return 'outside';
      annotations.push({
        text: trace.text[at],
        x: at + offset + width / 2,
        xref: 'x',
        y: middle + half,
        yref: trace.yaxis as Annotations['yref'],
        yanchor: 'bottom',
        yshift: 2,
        showarrow: false,
        font: { size: 11 },
      });
      return 'none';
    });
    // Plotly's types do not know a bar's offset; the figure is what Plotly documents.
    const bar = { ...trace, width, offset, textposition, insidetextanchor: 'end', constraintext: 'none' };
    return bar as unknown as Data;
  });
  return { data: placed, annotations };
}

/**
 * A chart of points by label: one trace a series, bars or lines, on a second axis for a second
 * unit. Labels are written by the product's formatter; estimates are drawn lighter (bars) or
 * hollow (lines) and their label carries `*`, so no extra word piles up over the plot.
 */
export function chartSpec(points: readonly ChartPoint[], text: ChartText, style: ChartStyle): ChartSpec {
  const { type, dataLabels, locale, stacked = false } = style;
  const labels = orderedCategories(points.map((point) => point.label));
  const units = axisUnits(points);
  const plan = axisPlan(points, type === 'bar' && stacked);
  const panelUnits = plan === 'panels' ? units : [];
  const height = Math.max(style.height ?? 480, chartFrameHeight(text) + panelUnits.length * PANEL_HEIGHT);
  const data: Data[] = seriesOf(points, locale, plan === 'dual').map(
    ({ name: series, unit, points: items }, index) => {
      const color = COLORS[index % COLORS.length] ?? '#1f5fbf';
      const byLabel = new Map(items.map((item) => [item.label, item]));
      const values = labels.map((label) => byLabel.get(label));
      const axis =
        plan === 'panels' ? axisRef(units.indexOf(unit)) : plan === 'dual' && unit === units[1] ? 'y2' : 'y';
      const shownUnit = unitLabel(unit, locale);
      const shown = values.map((value) =>
        value
          ? dataLabels
            ? pointLabel(value, locale)
            : `${value.estimate ? ESTIMATE_MARK : ''}${value.reviewed ? REVIEWED_MARK : ''}`.trim()
          : '',
      );
      const hover = values.map((value) =>
        value ? `${pointLabel(value, locale)}${shownUnit && unit !== '%' ? ` ${shownUnit}` : ''}` : '',
      );
      const common = {
        name: series,
        x: labels,
        y: values.map((value) => (value ? middle(value) : null)),
        yaxis: axis,
        text: shown,
        // [what the hover says, the figure a click opens in the drill-down panel]
        customdata: values.map((value, at) => [hover[at] ?? '', value?.obsId ?? '']),
        hovertemplate: `%{x}: %{customdata[0]}<extra>${series}</extra>`,
        cliponaxis: false,
      };
      if (type === 'line') {
        return {
          ...common,
          type: 'scatter',
          mode: 'text+lines+markers',
          textposition: lineLabelAbove(index) ? 'top center' : 'bottom center',
          connectgaps: true,
          line: { color, width: 2.5 },
          marker: {
            size: 9,
            color,
            symbol: values.map((value) => (value?.estimate ? 'circle-open' : 'circle')),
            line: { color, width: 2 },
          },
        } as Data;
      }
      return {
        ...common,
        type: 'bar',
        textposition: stacked ? 'inside' : 'outside',
        insidetextanchor: 'middle',
        textfont: { size: 11 },
        error_y: stacked
          ? undefined
          : {
              type: 'data',
              // Only a range gets a bar: Plotly draws a zero-length one as a cap on top of the bar,
              // and skips a point whose error is not a number.
              array: values.map((value) => (value && halfRange(value) > 0 ? halfRange(value) : NaN)),
              visible: true,
              color: '#5d6b7e',
            },
        marker: {
          color,
          opacity: values.map((value) => (value?.estimate ? 0.5 : 1)),
          line: { color, width: 1.5 },
        },
      } as Data;
    },
  );
  const layout = chartLayout(
    {
      ...text,
      y2Title: plan === 'dual' ? (text.y2Title ?? unitLabel(units[1], locale)) : undefined,
      panelTitles: panelUnits.map((unit) => unitLabel(unit, locale) || '–'),
    },
    locale,
    height,
  );
  // Round steps from zero, as the report's SVG draws them; with two units the second axis's
  // gridlines fall on the first's (alignedTicks). Stacked parts and small multiples keep Plotly's.
  const ruled = plan === 'dual' ? units.slice(0, 2) : plan === 'single' && !stacked ? units.slice(0, 1) : [];
  const [left, right] = alignedTicks(ruled.map((unit) => extentOf(points, unit)));
  const axes = {
    ...(left ? { yaxis: { ...layout.yaxis, ...tickLayout(left) } } : {}),
    ...(right ? { yaxis2: { ...layout.yaxis2, ...tickLayout(right) } } : {}),
  };
  const placed =
    type === 'bar' && !stacked ? groupedBars(data, labels, plan === 'panels') : { data, annotations: [] };
  return {
    data: placed.data,
    layout: {
      ...layout,
      ...axes,
      barmode: stacked ? 'stack' : 'group',
      // After the source note: a report reads the first annotation as the chart's note.
      annotations: [...(layout.annotations ?? []), ...placed.annotations],
    } as Partial<Layout>,
    config: { displaylogo: false, responsive: true, displayModeBar: false, locale },
  };
}
