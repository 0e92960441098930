import type { Locale } from '../i18n/dictionary.ts';
import { translate } from '../i18n/translate.ts';
import { formatFigure } from '../format/format-number.ts';
import { periodLabel, type PeriodColumn } from '../meaning/plan-periods.ts';
import type { PivotCell, PivotRow } from '../pivot/pivot-rows.ts';
import { unitLabel } from '../units/unit-table.ts';
import { nameWithoutUnit } from './report-labels.ts';

/** A chart's point as the charts area's `ChartPoint` has it (the same shape, so chartSpec reads it). */
export interface ReportChartPoint {
  series: string;
  label: string;
  low: number;
  high: number;
  comparator?: string | null;
  unit: string;
  estimate: boolean;
  docTitle: string;
  obsId?: string;
  reviewed?: boolean;
}

/**
 * What a chart says in words, all of it editable or chosen by the user: the one type the charts
 * area draws from (chart-layout.ts) and the report charts are built from.
 */
export interface ChartText {
  title: string;
  /** A second line under the title (the unit, the area, the date); none when empty. */
  subtitle?: string;
  xTitle: string;
  yTitle: string;
  /** The unit of the second value axis when the series have two units; none otherwise. */
  y2Title?: string;
  /** "Nguồn: …" under the chart, one document a line, `<br>` between them (Plotly's line break). */
  sourceNote: string;
  /**
   * Small multiples: the unit of each panel, top to bottom, when the series have three units or
   * more (each panel its own y-axis, all sharing the x-axis); none otherwise.
   */
  panelTitles?: string[];
}

/** One series of a report chart: its values by category and the label written at each. */
export interface ReportChartSeries {
  name: string;
  color: string;
  axis: 'y' | 'y2';
  values: (number | null)[];
  /** What is written at each value: the figure (`7–7,5%`), its `*` and `✎`, or empty. */
  texts: string[];
  /** Half the range of a range figure, drawn as an error bar; 0 for a single value. */
  halfRanges: number[];
  /** Which values are estimates, drawn lighter (bars) or hollow (lines) as the note under the chart says. */
  estimates: boolean[];
}

/**
 * A chart as the screen draws it, reduced to plain data: read from the Plotly figure of the charts
 * area (reportChartFromFigure) or built by the same rules without Plotly (the CLI). Both the SVG
 * renderer and the pptx deck draw this, so a report's chart has the screen's series, words and labels.
 */
export interface ReportChart {
  type: 'bar' | 'line';
  stacked: boolean;
  title: string;
  subtitle: string;
  xTitle: string;
  yTitle: string;
  y2Title: string;
  /** The note under the chart, one line each. */
  sourceLines: string[];
  categories: string[];
  series: ReportChartSeries[];
}

// The charts area's palette and marks (chart-specs.ts); the equivalence test holds them equal.
const COLORS = ['#1f5fbf', '#e0a800', '#1e8e5a', '#b42318', '#7a4fbf', '#0b8a8a', '#8a5a00'];
const ESTIMATE_MARK = '*';
const REVIEWED_MARK = ' ✎';

/**
 * The points of an indicator's "target and result by period" chart from its pivot row: one target
 * and one result a period that has them, in the row's unit, marked when corrected.
 */
export function indicatorChartPoints(
  row: PivotRow,
  columns: readonly PeriodColumn[],
  locale: Locale,
  reviewed: ReadonlySet<string> = new Set(),
): ReportChartPoint[] {
  // Every target before every result: a series' colour and legend place follow its first point, so
  // a row whose first period has a result only would otherwise swap them from slide to slide.
  const measures = [
    {
      series: translate(locale, 'report.target'),
      figure: (cell: PivotCell) => ({
        low: cell.targetLow,
        high: cell.targetHigh,
        comparator: cell.targetComparator,
        estimate: false,
        source: cell.targetSources[0],
      }),
    },
    {
      series: translate(locale, 'report.actual'),
      figure: (cell: PivotCell) => ({
        low: cell.actualLow,
        high: cell.actualHigh,
        comparator: null,
        estimate: cell.actualEstimate,
        source: cell.actualSources[0],
      }),
    },
  ];
  const points: ReportChartPoint[] = [];
  for (const { series, figure } of measures) {
    for (const column of columns) {
      const cell = row.cells[column.key];
      if (!cell) continue;
      const { low, high, comparator, estimate, source } = figure(cell);
      if (low === null) continue;
      points.push({
        series,
        label: periodLabel(column),
        low,
        high: high ?? low,
        comparator,
        unit: row.unit,
        estimate,
        docTitle: source?.doc_title ?? '',
        obsId: source?.obs_id,
        reviewed: source !== undefined && reviewed.has(source.obs_id),
      });
    }
  }
  return points;
}

/** The words of an indicator's chart, as the charts area writes them for its "target" chart. */
export function indicatorChartText(
  row: PivotRow,
  points: readonly ReportChartPoint[],
  locale: Locale,
): ChartText {
  const t = (key: Parameters<typeof translate>[1], values: Record<string, string | number> = {}): string =>
    translate(locale, key, values);
  const unit = unitLabel(row.unit, locale);
  const titles = [...new Set(points.map((item) => item.docTitle).filter(Boolean))].map((title) =>
    title.length > 120 ? `${title.slice(0, 117)}…` : title,
  );
  const estimates = points.some((item) => item.estimate) ? [t('charts.estimateNote')] : [];
  return {
    // The subtitle gives the unit, so a name's own unit bracket would say it twice.
    title: t('charts.targetTitle', {
      indicator: nameWithoutUnit(locale === 'en' ? row.nameEn : row.name, unit, row.unit),
    }),
    subtitle: unit ? t('charts.unitSubtitle', { unit }) : '',
    xTitle: t('charts.period'),
    yTitle: unit,
    sourceNote: [`${t('charts.source')}: ${titles.join(';<br>')}`, ...estimates].join('<br>'),
  };
}

// A category that is a year (`2024`) or a plan period (`2021–2025`, en dash or hyphen).
const PERIOD_LABEL = /^(\d{4})(?:\s*[–-]\s*(\d{4}))?$/;

/**
 * Chart categories in time order, each plan period right after its last year (2016–2020, 2021, …,
 * 2025, 2021–2025, 2026, 2026–2030), so periods and years never interleave; other labels after
 * them, alphabetically. The screen (chartSpec) and the report (barChartOf) order by this alone.
 */
export function orderedCategories(labels: Iterable<string>): string[] {
  const key = (label: string): [number, number, number] | null => {
    const match = PERIOD_LABEL.exec(label);
    if (!match) return null;
    const start = Number(match[1]);
    const end = match[2] === undefined ? start : Number(match[2]);
    return [end, end > start ? 1 : 0, start];
  };
  return [...new Set(labels)].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    if (ka && kb) return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
    if (ka || kb) return ka ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/**
 * Whether a grouped bar's label goes inside the top of its bar rather than above it: when an earlier
 * series already writes a label at that category, so the target's and the result's labels of one
 * period sit at different heights instead of over each other. The screen and the report's SVG agree.
 */
export function labelInsideBar(texts: readonly (readonly string[])[], series: number, at: number): boolean {
  if (!texts[series]?.[at]) return false;
  return texts.slice(0, series).some((earlier) => Boolean(earlier[at]));
}

/**
 * Whether a line's labels sit above its points rather than below: series alternate, so two lines
 * crossing at a period do not write their labels over each other. The screen, the SVG and the deck agree.
 */
export const lineLabelAbove = (series: number): boolean => series % 2 === 0;

function pointLabel(point: ReportChartPoint, locale: Locale): string {
  const figure = formatFigure(
    { low: point.low, high: point.high, comparator: point.comparator, unit: point.unit === '%' ? '%' : null },
    locale,
  );
  return `${figure}${point.estimate ? ESTIMATE_MARK : ''}${point.reviewed ? REVIEWED_MARK : ''}`;
}

/**
 * The chart the charts area's chartSpec draws for these points as a bar chart (its default for
 * periods), built without Plotly for the CLI: same categories, series, colours, labels and axes.
 */
export function barChartOf(
  points: readonly ReportChartPoint[],
  text: ChartText,
  locale: Locale,
  dataLabels = true,
): ReportChart {
  const categories = orderedCategories(points.map((item) => item.label));
  const units = [...new Set(points.map((item) => item.unit))];
  const secondUnit = units[1];
  const groups = new Map<string, ReportChartPoint[]>();
  for (const item of points) groups.set(item.series, [...(groups.get(item.series) ?? []), item]);
  const series = [...groups].map(([name, items], index): ReportChartSeries => {
    const byLabel = new Map(items.map((item) => [item.label, item]));
    const values = categories.map((label) => byLabel.get(label));
    return {
      name,
      color: COLORS[index % COLORS.length] ?? COLORS[0]!,
      axis: secondUnit !== undefined && items[0]?.unit === secondUnit ? 'y2' : 'y',
      values: values.map((value) => (value ? (value.low + value.high) / 2 : null)),
      texts: values.map((value) =>
        value
          ? dataLabels
            ? pointLabel(value, locale)
            : `${value.estimate ? ESTIMATE_MARK : ''}${value.reviewed ? REVIEWED_MARK : ''}`.trim()
          : '',
      ),
      halfRanges: values.map((value) => (value ? (value.high - value.low) / 2 : 0)),
      estimates: values.map((value) => value?.estimate ?? false),
    };
  });
  return {
    type: 'bar',
    stacked: false,
    title: text.title,
    subtitle: text.subtitle ?? '',
    xTitle: text.xTitle,
    yTitle: text.yTitle,
    y2Title: secondUnit !== undefined ? (text.y2Title ?? secondUnit) : '',
    sourceLines: text.sourceNote ? text.sourceNote.split('<br>') : [],
    categories,
    series,
  };
}

/** Plotly's figure, as far as a report reads it (typed loosely: lib/ does not depend on the charts area). */
export interface PlotlyFigureLike {
  data: readonly object[];
  layout: object;
}

type Loose = Record<string, unknown>;
const field = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Loose)[key] : undefined), value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Reads the chart the screen draws (its Plotly figure) into a report chart, nothing added or lost. */
export function reportChartFromFigure(figure: PlotlyFigureLike): ReportChart {
  const { layout } = figure;
  const traces = figure.data as Loose[];
  const first = traces[0];
  const categories = list(first?.x).map(String);
  const note = text(field(list(field(layout, 'annotations'))[0], 'text'));
  return {
    type: first?.type === 'scatter' ? 'line' : 'bar',
    stacked: field(layout, 'barmode') === 'stack',
    title: text(field(layout, 'title', 'text')),
    subtitle: text(field(layout, 'title', 'subtitle', 'text')),
    xTitle: text(field(layout, 'xaxis', 'title', 'text')),
    yTitle: text(field(layout, 'yaxis', 'title', 'text')),
    y2Title: text(field(layout, 'yaxis2', 'title', 'text')),
    sourceLines: note ? note.split('<br>') : [],
    categories,
    series: traces.map((trace) => {
      const byCategory = new Map(list(trace.x).map((label, at) => [String(label), at]));
      const pick = <T>(values: unknown[], fallback: T, read: (value: unknown) => T): T[] =>
        categories.map((label) => {
          const at = byCategory.get(label);
          return at === undefined ? fallback : read(values[at]);
        });
      return {
        name: text(trace.name),
        color: text(field(trace, 'marker', 'color')) || text(field(trace, 'line', 'color')),
        axis: trace.yaxis === 'y2' ? 'y2' : 'y',
        values: pick(list(trace.y), null, (value) => (typeof value === 'number' ? value : null)),
        texts: pick(list(trace.text), '', (value) => text(value)),
        halfRanges: pick(list(field(trace, 'error_y', 'array')), 0, (value) =>
          typeof value === 'number' && Number.isFinite(value) ? value : 0,
        ),
        // The screen draws an estimate as a half-opaque bar or a hollow point.
        estimates:
          trace.type === 'scatter'
            ? pick(list(field(trace, 'marker', 'symbol')), false, (value) => value === 'circle-open')
            : pick(
                list(field(trace, 'marker', 'opacity')),
                false,
                (value) => typeof value === 'number' && value < 1,
              ),
      };
    }),
  };
}
