import type { Locale } from '../i18n/dictionary.ts';
import { formatNumber } from '../format/format-number.ts';
import { translate } from '../i18n/translate.ts';
import type { PivotRow } from '../pivot/pivot-rows.ts';
import { periodLabel, type PeriodColumn } from '../meaning/plan-periods.ts';
import { middleOf } from './report-data.ts';

export const REPORT_CHART_WIDTH = 900;
export const REPORT_CHART_HEIGHT = 460;
const FONT = "'Be Vietnam Pro', Arial, 'DejaVu Sans', sans-serif";

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A report's chart of one indicator as SVG: target and result bars for each period, Vietnamese
 * numbers, title and source note. Rasterised by the browser in the app and by resvg in the CLI,
 * so both give the same picture.
 */
export function indicatorChartSvg(
  row: PivotRow,
  columns: readonly PeriodColumn[],
  locale: Locale,
  sources: string,
): string {
  const width = REPORT_CHART_WIDTH;
  const height = REPORT_CHART_HEIGHT;
  const plot = { left: 70, right: width - 30, top: 70, bottom: height - 110 };
  const series = [
    {
      name: translate(locale, 'report.target'),
      color: '#1f5fbf',
      value: (key: string) => middleOf(row.cells[key]?.targetLow ?? null, row.cells[key]?.targetHigh ?? null),
    },
    {
      name: translate(locale, 'report.actual'),
      color: '#e0a800',
      value: (key: string) => middleOf(row.cells[key]?.actualLow ?? null, row.cells[key]?.actualHigh ?? null),
    },
  ];
  const shown = columns.filter((column) => series.some((item) => item.value(column.key) !== null));
  const values = shown.flatMap((column) => series.map((item) => item.value(column.key) ?? 0));
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const step = niceStep((max - min) / 5 || 1);
  const top = Math.ceil(max / step) * step || step;
  const bottom = Math.floor(min / step) * step;
  const y = (value: number): number =>
    plot.bottom - ((value - bottom) / (top - bottom)) * (plot.bottom - plot.top);
  const band = (plot.right - plot.left) / Math.max(1, shown.length);
  const barWidth = Math.min(70, (band * 0.7) / series.length);
  const unit = row.unit === '%' ? '%' : row.unit;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="36" text-anchor="middle" font-size="18" font-weight="600" fill="#1b2430">${escapeXml(row.name)}${unit ? ` (${escapeXml(unit)})` : ''}</text>`,
  ];
  for (let tick = bottom; tick <= top + step / 2; tick += step) {
    parts.push(
      `<line x1="${plot.left}" x2="${plot.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#edf0f5"/>`,
      `<text x="${plot.left - 8}" y="${y(tick) + 4}" text-anchor="end" font-size="12" fill="#5d6b7e">${formatNumber(tick, locale, 2)}</text>`,
    );
  }
  shown.forEach((column, index) => {
    const center = plot.left + band * (index + 0.5);
    series.forEach((item, seriesIndex) => {
      const value = item.value(column.key);
      if (value === null) return;
      const x = center - (barWidth * series.length) / 2 + seriesIndex * barWidth;
      const yTop = y(Math.max(0, value));
      const yBottom = y(Math.min(0, value));
      parts.push(
        `<rect x="${x + 2}" y="${yTop}" width="${barWidth - 4}" height="${Math.max(1, yBottom - yTop)}" fill="${item.color}"/>`,
        `<text x="${x + barWidth / 2}" y="${yTop - 6}" text-anchor="middle" font-size="11" fill="#1b2430">${formatNumber(value, locale, 2)}</text>`,
      );
    });
    parts.push(
      `<text x="${center}" y="${plot.bottom + 20}" text-anchor="middle" font-size="13" fill="#1b2430">${periodLabel(column)}</text>`,
    );
  });
  parts.push(`<line x1="${plot.left}" x2="${plot.right}" y1="${y(0)}" y2="${y(0)}" stroke="#9aa6b6"/>`);
  series.forEach((item, index) => {
    const x = plot.left + index * 140;
    parts.push(
      `<rect x="${x}" y="${plot.bottom + 40}" width="14" height="14" fill="${item.color}"/>`,
      `<text x="${x + 20}" y="${plot.bottom + 52}" font-size="13" fill="#1b2430">${escapeXml(item.name)}</text>`,
    );
  });
  const note = translate(locale, 'report.sourceNote', { sources });
  parts.push(
    `<text x="${plot.left}" y="${height - 28}" font-size="10.5" fill="#5d6b7e">${escapeXml(note.length > 160 ? `${note.slice(0, 157)}…` : note)}</text>`,
    '</svg>',
  );
  return parts.join('');
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
}
