import PptxGenJS from 'pptxgenjs';
import { periodLabel, type PeriodColumn } from '../meaning/plan-periods.ts';
import type { Locale, MessageKey } from '../i18n/dictionary.ts';
import { translate } from '../i18n/translate.ts';
import { excelColumnFormat } from '../format/format-export.ts';
import type { PivotRow } from '../pivot/pivot-rows.ts';
import { unitLabel } from '../units/unit-table.ts';
import { labelDeckCharts } from './pptx-chart-labels.ts';
import { nameWithUnit } from './report-labels.ts';
import { pivotRowKey } from './pivot-view.ts';
import { deckValueAxis } from './report-chart-svg.ts';
import { barChartOf, indicatorChartPoints, indicatorChartText, type ReportChart } from './report-chart.ts';
import type { ReportData } from './report-data.ts';
import {
  hasFigures,
  indicatorCount,
  reviewedFigures,
  rowCorrected,
  rowSources,
  rowsSources,
} from './report-sources.ts';
import { actualText, statusText, summaryLines, targetText } from './report-text.ts';

// A font every machine has with Vietnamese glyphs (LibreOffice substitutes a metric twin).
const FONT = 'Arial';
const INK = '1B2430';
const MUTED = '5D6B7E';
const ACCENT = '1F5FBF';
const SUMMARY_ROWS_PER_SLIDE = 6;
const HEADER_CELL = { bold: true, color: 'FFFFFF', fill: { color: ACCENT } };
const LABEL_SIZE = 10;

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** What a deck is made for: a chosen set of indicators, or a "Báo cáo nhanh" of one domain. */
export interface DeckOptions {
  /** A subtitle on the title slide (the domain of a quick report); none for a chosen set. */
  subtitle?: string;
  /**
   * Each row's chart as the screen draws it (read from its Plotly figure), by `indicator_id|unit`;
   * a row without one gets the chart the same rules build here (the CLI).
   */
  charts?: Readonly<Record<string, ReportChart>>;
  /** A quick report's choice: how many key indicators out of the domain's, said on the summary slide. */
  briefing?: { chosen: number; total: number };
}

/** What every slide builder needs: the words, the numbers' language and the corrected figures. */
interface DeckContext {
  t: Translate;
  locale: Locale;
  reviewed: ReadonlySet<string>;
}

/** A row's name and unit as the pivot shows them in the report's language. */
function rowLabel(row: PivotRow, locale: Locale): string {
  const name = locale === 'en' ? row.nameEn : row.name;
  return row.unit && row.unit !== '%' ? nameWithUnit(name, unitLabel(row.unit, locale), row.unit) : name;
}

/** The "Nguồn: …" line at the foot of every slide, and the ✎ note when the slide shows a corrected figure. */
function addSourceNote(slide: PptxGenJS.Slide, t: Translate, sources: string, corrected = false): void {
  const note = t('report.sourceNote', { sources: sources || t('report.noSources') });
  slide.addText(corrected ? `${note}\n${t('report.reviewedNote')}` : note, {
    x: 0.5,
    y: 6.55,
    w: 12.3,
    h: 0.75,
    fontFace: FONT,
    fontSize: 9,
    color: MUTED,
    valign: 'top',
    fit: 'shrink',
  });
}

function addHeading(slide: PptxGenJS.Slide, text: string): void {
  slide.addText(text, {
    x: 0.5,
    y: 0.3,
    w: 12.3,
    h: 0.8,
    fontFace: FONT,
    fontSize: 24,
    bold: true,
    color: INK,
    fit: 'shrink',
  });
}

function addTitleSlide(
  pptx: PptxGenJS,
  { t, locale }: DeckContext,
  data: ReportData,
  rows: PivotRow[],
  options: DeckOptions,
  generatedOn: string,
): void {
  const slide = pptx.addSlide();
  slide.background = { color: 'FFFFFF' };
  slide.addShape(pptx.ShapeType.rect, { x: 0, y: 0, w: 13.33, h: 0.35, fill: { color: ACCENT } });
  const text = (
    value: string,
    y: number,
    h: number,
    fontSize: number,
    extra: PptxGenJS.TextPropsOptions = {},
  ): void => {
    slide.addText(value, { x: 0.8, y, w: 11.7, h, fontFace: FONT, fontSize, color: MUTED, ...extra });
  };
  text(t('report.province').toUpperCase(), 1.4, 0.6, 20, { color: ACCENT, bold: true });
  text(t('report.title'), 2.1, 1.2, 36, { color: INK, bold: true });
  if (options.subtitle) text(options.subtitle, 3.3, 0.6, 22, { color: INK });
  const periods = data.columns.map((column) => periodLabel(column)).join(', ');
  text(t('report.selection', { count: indicatorCount(rows), periods }), 4.0, 0.6, 18);
  text(t('report.generated', { date: generatedOn }), 5.6, 0.5, 14);
  addSourceNote(slide, t, rowsSources(rows, locale));
}

/** Periods of a row that have a figure: the chart and the table show those only. */
function periodsWithFigures(row: PivotRow, columns: readonly PeriodColumn[]): PeriodColumn[] {
  return columns.filter(
    (column) => row.cells[column.key]?.targetLow != null || row.cells[column.key]?.actualLow != null,
  );
}

function addIndicatorSlide(
  pptx: PptxGenJS,
  { t, locale, reviewed }: DeckContext,
  data: ReportData,
  row: PivotRow,
  chart: ReportChart,
): void {
  const slide = pptx.addSlide();
  addHeading(slide, rowLabel(row, locale));
  // The chart's own words, as on screen: title, subtitle, then the chart with its axis titles.
  slide.addText(chart.title, {
    x: 0.5,
    y: 1.15,
    w: 7.4,
    h: 0.35,
    fontFace: FONT,
    fontSize: 13,
    bold: true,
    color: INK,
    fit: 'shrink',
  });
  if (chart.subtitle)
    slide.addText(chart.subtitle, {
      x: 0.5,
      y: 1.5,
      w: 7.4,
      h: 0.3,
      fontFace: FONT,
      fontSize: 11,
      color: MUTED,
    });
  const values = chart.series.flatMap((series) => series.values);
  // The tables' separators and decimals (54.449,1 in Vietnamese), pinned to the locale so LibreOffice
  // in English writes them the same; the empty third section hides the 0 standing for a missing bar.
  const number = excelColumnFormat(values, { locale });
  const showValue = chart.series.some((series) => series.texts.some(Boolean));
  slide.addChart(
    chart.type === 'line' ? pptx.ChartType.line : pptx.ChartType.bar,
    chart.series.map((series) => ({
      name: series.name,
      labels: chart.categories,
      values: series.values.map((value) => value ?? 0),
    })),
    {
      x: 0.5,
      y: 1.8,
      w: 7.4,
      h: 4.3,
      barDir: 'col',
      barGrouping: chart.stacked ? 'stacked' : 'clustered',
      chartColors: chart.series.map((series) => series.color.replace('#', '')),
      showLegend: true,
      legendPos: 't',
      legendFontFace: FONT,
      legendFontSize: 12,
      showValue,
      dataLabelFontFace: FONT,
      dataLabelFontSize: LABEL_SIZE,
      dataLabelFormatCode: `${number};-${number};`,
      catAxisLabelFontFace: FONT,
      catAxisLabelFontSize: 12,
      showCatAxisTitle: chart.xTitle !== '',
      catAxisTitle: chart.xTitle,
      catAxisTitleFontSize: 11,
      valAxisLabelFontFace: FONT,
      valAxisLabelFontSize: 10,
      ...deckValueAxis(chart, locale),
      showValAxisTitle: chart.yTitle !== '',
      valAxisTitle: chart.yTitle,
      valAxisTitleFontSize: 11,
    },
  );
  // Under the chart: the estimate mark's explanation from its note (the sources are the slide's foot).
  const estimates = chart.sourceLines.filter((line) => line === t('charts.estimateNote'));
  if (estimates.length > 0)
    slide.addText(estimates[0]!, {
      x: 0.5,
      y: 6.1,
      w: 7.4,
      h: 0.4,
      fontFace: FONT,
      fontSize: 9,
      color: MUTED,
    });
  const shown = periodsWithFigures(row, data.columns);
  const table: PptxGenJS.TableRow[] = [
    [t('report.period'), t('report.target'), t('report.actual'), t('report.status')].map((text) => ({
      text,
      options: HEADER_CELL,
    })),
    ...shown.map((column) => {
      const cell = row.cells[column.key];
      return [
        periodLabel(column),
        targetText(cell, row.unit, locale, reviewed),
        actualText(cell, row.unit, locale, reviewed),
        statusText(cell, locale),
      ].map((text) => ({ text }));
    }),
  ];
  slide.addText(t('report.keyFigures'), {
    x: 8.2,
    y: 1.2,
    w: 4.6,
    h: 0.4,
    fontFace: FONT,
    fontSize: 14,
    bold: true,
    color: INK,
  });
  slide.addTable(table, {
    x: 8.2,
    y: 1.65,
    w: 4.6,
    colW: [1.1, 1.3, 1.3, 0.9],
    fontFace: FONT,
    fontSize: 10.5,
    color: INK,
    border: { type: 'solid', pt: 0.5, color: 'DDE3EC' },
    autoPage: false,
  });
  addSourceNote(slide, t, rowSources(row, locale), rowCorrected(row, reviewed));
}

function addSummarySlide(
  pptx: PptxGenJS,
  { t, locale, reviewed }: DeckContext,
  data: ReportData,
  rows: PivotRow[],
  briefing?: DeckOptions['briefing'],
): void {
  const slide = pptx.addSlide();
  addHeading(slide, t('report.summaryTitle'));
  if (briefing)
    slide.addText(t('report.briefingNote', briefing), {
      x: 0.5,
      y: 6.1,
      w: 12.3,
      h: 0.4,
      fontFace: FONT,
      fontSize: 10,
      italic: true,
      color: INK,
      fit: 'shrink',
    });
  const terms = data.columns.filter((column) => column.kind === 'term');
  const table: PptxGenJS.TableRow[] = [
    [t('report.indicator'), ...terms.map((column) => periodLabel(column))].map((text) => ({
      text,
      options: HEADER_CELL,
    })),
    ...rows.map((row) => [
      { text: rowLabel(row, locale) },
      ...terms.map((column) => ({
        text: summaryLines(row.cells[column.key], row.unit, locale, reviewed).join('\n'),
      })),
    ]),
  ];
  slide.addTable(table, {
    x: 0.5,
    y: 1.1,
    w: 12.3,
    colW: [4.5, ...terms.map(() => 7.8 / terms.length)],
    fontFace: FONT,
    fontSize: 10,
    color: INK,
    valign: 'top',
    border: { type: 'solid', pt: 0.5, color: 'DDE3EC' },
    autoPage: false,
  });
  addSourceNote(
    slide,
    t,
    rowsSources(rows, locale),
    rows.some((row) => rowCorrected(row, reviewed)),
  );
}

/**
 * The briefing deck, 16:9: a title slide, a slide per indicator, summary tables of every plan
 * period's target, result and status; every slide ends with its sources. All text stays editable.
 */
export async function buildPptxReport(
  data: ReportData,
  locale: Locale,
  generatedOn: string,
  options: DeckOptions = {},
): Promise<Uint8Array> {
  const t: Translate = (key, values = {}) => translate(locale, key, values);
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.author = 'Chỉ Tiêu Workbench';
  pptx.company = t('report.province');
  pptx.title = `${t('report.title')} – ${t('report.province')}`;
  const context: DeckContext = { t, locale, reviewed: reviewedFigures(data) };
  const rows = data.rows.filter(hasFigures);
  addTitleSlide(pptx, context, data, rows, options, generatedOn);
  const charts = rows.map((row) => {
    const given = options.charts?.[pivotRowKey(row)];
    if (given) return given;
    const points = indicatorChartPoints(row, data.columns, locale, context.reviewed);
    return barChartOf(points, indicatorChartText(row, points, locale), locale);
  });
  rows.forEach((row, index) => addIndicatorSlide(pptx, context, data, row, charts[index]!));
  for (let start = 0; start < rows.length; start += SUMMARY_ROWS_PER_SLIDE)
    addSummarySlide(pptx, context, data, rows.slice(start, start + SUMMARY_ROWS_PER_SLIDE), options.briefing);
  const deck = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  // The screen's labels on each chart (ranges, * and ✎), which pptxgenjs cannot write itself.
  return labelDeckCharts(
    deck,
    charts.map((chart) => ({
      texts: chart.series.map((series) => series.texts),
      kind: chart.type === 'line' ? 'line' : chart.stacked ? 'stacked' : 'bar',
      estimates: chart.series.map((series) => ({ color: series.color, points: series.estimates })),
    })),
    FONT,
    LABEL_SIZE,
  );
}
