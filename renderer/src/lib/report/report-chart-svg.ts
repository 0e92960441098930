import type { Locale } from '../i18n/dictionary.ts';
import { formatNumber } from '../format/format-number.ts';
import type { PeriodColumn } from '../meaning/plan-periods.ts';
import type { PivotRow } from '../pivot/pivot-rows.ts';
import { excelColumnFormat } from '../format/format-export.ts';
import { alignedTicks, tickDecimals, type AxisExtent, type AxisTicks } from './axis-ticks.ts';
import {
  barChartOf,
  indicatorChartPoints,
  indicatorChartText,
  labelInsideBar,
  lineLabelAbove,
  type ReportChart,
  type ReportChartSeries,
} from './report-chart.ts';

// The charts area's size (ChartsArea.svelte), so a report's picture has the screen's proportions.
export const REPORT_CHART_WIDTH = 960;
export const REPORT_CHART_HEIGHT = 480;
const FONT = "'Be Vietnam Pro', Arial, 'DejaVu Sans', sans-serif";
const INK = '#1b2430';
const MUTED = '#5d6b7e';

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type Scale = AxisTicks;

// The values of some series with their ranges' ends, for the axis they are read on.
function extentOf(series: readonly ReportChartSeries[]): AxisExtent {
  const ends = series.flatMap((item) =>
    item.values.flatMap((value, at) => {
      const half = item.halfRanges[at] ?? 0;
      return value === null ? [] : [value - half, value + half];
    }),
  );
  return { min: Math.min(0, ...ends), max: Math.max(0, ...ends) };
}

/**
 * The scale of each axis in use, by the charts area's rule (alignedTicks): round steps from zero,
 * the second axis's gridlines on the first's.
 */
function scalesOf(series: readonly ReportChartSeries[]): Record<'y' | 'y2', Scale> {
  const onRight = series.filter((item) => item.axis === 'y2');
  const onLeft = series.filter((item) => item.axis === 'y');
  if (onRight.length === 0) {
    const [y] = alignedTicks([extentOf(onLeft)]);
    return { y: y!, y2: y! };
  }
  const [y, y2] = alignedTicks([extentOf(onLeft), extentOf(onRight)]);
  return { y: y!, y2: y2! };
}

/**
 * The value axis of a deck's native chart on the screen's scale (round steps from zero), its tick
 * labels without decimals when every tick is whole (`12`, not `12,00`); the scale is left to the
 * chart program when the series have two units (the deck draws one value axis).
 */
export function deckValueAxis(
  chart: ReportChart,
  locale: Locale,
): {
  valAxisMinVal?: number;
  valAxisMaxVal?: number;
  valAxisMajorUnit?: number;
  valAxisLabelFormatCode: string;
} {
  const values = chart.series.flatMap((series) => series.values);
  if (chart.stacked || chart.series.some((series) => series.axis === 'y2'))
    return { valAxisLabelFormatCode: excelColumnFormat(values, { locale }) };
  const { bottom, top, step } = scalesOf(chart.series).y;
  const ticks = Array.from({ length: Math.round((top - bottom) / step) + 1 }, (_, at) => bottom + at * step);
  return {
    valAxisMinVal: bottom,
    valAxisMaxVal: top,
    valAxisMajorUnit: step,
    valAxisLabelFormatCode: excelColumnFormat(ticks, {
      locale,
      maximumFractionDigits: tickDecimals(scalesOf(chart.series).y),
    }),
  };
}

/**
 * A report chart as SVG, laid out as the charts area lays out its Plotly chart: title and subtitle
 * at the top left, the legend in its own row above the plot, bars (or lines) with the screen's
 * labels, a second axis on the right for a second unit, the axis titles and the source note under
 * the plot. Rasterised by the browser in the app and by resvg in the CLI.
 */
export function reportChartSvg(
  chart: ReportChart,
  locale: Locale,
  width = REPORT_CHART_WIDTH,
  height = REPORT_CHART_HEIGHT,
): string {
  const top = chart.subtitle ? 112 : 92;
  const bottom = 58 + 8 + chart.sourceLines.length * 14 + 12;
  const plot = { left: 76, right: width - (chart.y2Title ? 76 : 30), top, bottom: height - bottom };
  const scales = scalesOf(chart.series);
  const y = (value: number, scale: Scale): number =>
    plot.bottom - ((value - scale.bottom) / (scale.top - scale.bottom)) * (plot.bottom - plot.top);
  const band = (plot.right - plot.left) / Math.max(1, chart.categories.length);
  const bars = chart.series.length;
  const barWidth = (band * 0.8) / Math.max(1, bars);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${plot.left}" y="38" font-size="17" font-weight="600" fill="${INK}">${escapeXml(chart.title)}</text>`,
  ];
  if (chart.subtitle)
    parts.push(
      `<text x="${plot.left}" y="60" font-size="13" fill="${MUTED}">${escapeXml(chart.subtitle)}</text>`,
    );
  // Ticks of each axis in use, in the report's numbers.
  for (const axis of ['y', 'y2'] as const) {
    if (!chart.series.some((item) => item.axis === axis)) continue;
    const scale = scales[axis];
    // Counted in steps, not summed: adding 0,1 five times is not 0,5 in floating point.
    const ticks = Math.round((scale.top - scale.bottom) / scale.step);
    for (let index = 0; index <= ticks; index++) {
      const tick = scale.bottom + index * scale.step;
      const at = y(tick, scale);
      if (axis === 'y')
        parts.push(`<line x1="${plot.left}" x2="${plot.right}" y1="${at}" y2="${at}" stroke="#edf0f5"/>`);
      parts.push(
        axis === 'y'
          ? `<text x="${plot.left - 6}" y="${at + 4}" text-anchor="end" font-size="12" fill="${INK}">${formatNumber(tick, locale, 2)}</text>`
          : `<text x="${plot.right + 6}" y="${at + 4}" font-size="12" fill="${INK}">${formatNumber(tick, locale, 2)}</text>`,
      );
    }
  }
  chart.series.forEach((item, index) => {
    const scale = scales[item.axis];
    const centre = (at: number): number =>
      chart.type === 'line' || chart.stacked
        ? plot.left + band * (at + 0.5)
        : plot.left + band * (at + 0.5) - (barWidth * bars) / 2 + barWidth * (index + 0.5);
    if (chart.type === 'line') {
      const path = item.values
        .map((value, at) => (value === null ? null : `${centre(at)},${y(value, scale)}`))
        .filter(Boolean)
        .join(' ');
      parts.push(`<polyline points="${path}" fill="none" stroke="${item.color}" stroke-width="2.5"/>`);
    }
    item.values.forEach((value, at) => {
      if (value === null) return;
      const x = centre(at);
      const yTop = y(Math.max(0, value), scale);
      const yZero = y(Math.min(0, value), scale);
      // An estimate as the screen draws it: a hollow point, a half-opaque bar.
      const estimate = item.estimates[at] ?? false;
      if (chart.type === 'line')
        parts.push(
          `<circle cx="${x}" cy="${y(value, scale)}" r="4.5" ${estimate ? `fill="#ffffff" stroke="${item.color}" stroke-width="2"` : `fill="${item.color}"`}/>`,
        );
      else
        parts.push(
          `<rect x="${x - barWidth / 2}" y="${yTop}" width="${barWidth}" height="${Math.max(1, yZero - yTop)}" fill="${item.color}"${estimate ? ' fill-opacity="0.5"' : ''}/>`,
        );
      const half = item.halfRanges[at] ?? 0;
      if (half > 0 && chart.type === 'bar') {
        const [high, low] = [y(value + half, scale), y(value - half, scale)];
        parts.push(
          `<path d="M${x - 5},${high}H${x + 5}M${x},${high}V${low}M${x - 5},${low}H${x + 5}" stroke="${MUTED}" stroke-width="1.5" fill="none"/>`,
        );
      }
      const label = item.texts[at] ?? '';
      if (!label) return;
      const above = Math.min(yTop, half > 0 ? y(value + half, scale) : yTop) - 6;
      const texts = chart.series.map((series) => series.texts);
      const inside = !chart.stacked && labelInsideBar(texts, index, at);
      const labelY =
        chart.type === 'line'
          ? y(value, scale) + (lineLabelAbove(index) ? -10 : 20)
          : inside
            ? yTop + 14
            : above;
      parts.push(
        `<text x="${x}" y="${labelY}" text-anchor="middle" font-size="11" fill="${INK}">${escapeXml(label)}</text>`,
      );
    });
  });
  chart.categories.forEach((label, at) =>
    parts.push(
      `<text x="${plot.left + band * (at + 0.5)}" y="${plot.bottom + 20}" text-anchor="middle" font-size="12" fill="${INK}">${escapeXml(label)}</text>`,
    ),
  );
  parts.push(
    `<line x1="${plot.left}" x2="${plot.right}" y1="${y(0, scales.y)}" y2="${y(0, scales.y)}" stroke="#dde3ec"/>`,
    `<text x="${(plot.left + plot.right) / 2}" y="${plot.bottom + 46}" text-anchor="middle" font-size="12" fill="${INK}">${escapeXml(chart.xTitle)}</text>`,
    `<text transform="translate(22 ${(plot.top + plot.bottom) / 2}) rotate(-90)" text-anchor="middle" font-size="12" fill="${INK}">${escapeXml(chart.yTitle)}</text>`,
  );
  if (chart.y2Title)
    parts.push(
      `<text transform="translate(${width - 18} ${(plot.top + plot.bottom) / 2}) rotate(90)" text-anchor="middle" font-size="12" fill="${INK}">${escapeXml(chart.y2Title)}</text>`,
    );
  // The legend: its own row just above the plot.
  let legendX = plot.left;
  for (const item of chart.series) {
    parts.push(
      `<rect x="${legendX}" y="${plot.top - 24}" width="14" height="14" fill="${item.color}"/>`,
      `<text x="${legendX + 20}" y="${plot.top - 12}" font-size="12" fill="${INK}">${escapeXml(item.name)}</text>`,
    );
    legendX += 40 + item.name.length * 7;
  }
  chart.sourceLines.forEach((line, index) =>
    parts.push(
      `<text x="${plot.left}" y="${plot.bottom + 66 + 10 + index * 14}" font-size="10" fill="${MUTED}">${escapeXml(line)}</text>`,
    ),
  );
  parts.push('</svg>');
  return parts.join('');
}

/** An indicator's "target and result by period" chart as SVG, built as the charts area builds it. */
export function indicatorChartSvg(
  row: PivotRow,
  columns: readonly PeriodColumn[],
  locale: Locale,
  reviewed: ReadonlySet<string> = new Set(),
): string {
  const points = indicatorChartPoints(row, columns, locale, reviewed);
  return reportChartSvg(barChartOf(points, indicatorChartText(row, points, locale), locale), locale);
}
