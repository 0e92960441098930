import PptxGenJS from 'pptxgenjs';
import { periodLabel, type PeriodColumn } from '../meaning/plan-periods.ts';
import type { Locale, MessageKey } from '../i18n/dictionary.ts';
import { translate } from '../i18n/translate.ts';
import { excelColumnFormat } from '../format/format-export.ts';
import type { PivotRow } from '../pivot/pivot-rows.ts';
import { middleOf, type ReportData } from './report-data.ts';
import { hasFigures, indicatorCount, rowSources, rowsSources } from './report-sources.ts';
import { actualText, statusText, summaryLines, targetText } from './report-text.ts';

// A font every machine has with Vietnamese glyphs (LibreOffice substitutes a metric twin).
const FONT = 'Arial';
const INK = '1B2430';
const MUTED = '5D6B7E';
const ACCENT = '1F5FBF';
const SUMMARY_ROWS_PER_SLIDE = 6;
const HEADER_CELL = { bold: true, color: 'FFFFFF', fill: { color: ACCENT } };

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** What a deck is made for: a chosen set of indicators, or a "Báo cáo nhanh" of one domain. */
export interface DeckOptions {
  /** A subtitle on the title slide (the domain of a quick report); none for a chosen set. */
  subtitle?: string;
}

/** The "Nguồn: …" line at the foot of every slide. */
function addSourceNote(slide: PptxGenJS.Slide, t: Translate, sources: string): void {
  slide.addText(t('report.sourceNote', { sources: sources || t('report.noSources') }), {
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
  t: Translate,
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
  addSourceNote(slide, t, rowsSources(rows));
}

/** Periods of a row that have a figure: the chart and the table show those only. */
function periodsWithFigures(row: PivotRow, columns: readonly PeriodColumn[]): PeriodColumn[] {
  return columns.filter(
    (column) => row.cells[column.key]?.targetLow != null || row.cells[column.key]?.actualLow != null,
  );
}

function addIndicatorSlide(
  pptx: PptxGenJS,
  t: Translate,
  locale: Locale,
  data: ReportData,
  row: PivotRow,
): void {
  const slide = pptx.addSlide();
  addHeading(slide, row.unit && row.unit !== '%' ? `${row.name} (${row.unit})` : row.name);
  const shown = periodsWithFigures(row, data.columns);
  const labels = shown.map((column) => periodLabel(column));
  const value = (column: PeriodColumn, measure: 'target' | 'actual'): number | null => {
    const cell = row.cells[column.key];
    return measure === 'target'
      ? middleOf(cell?.targetLow ?? null, cell?.targetHigh ?? null)
      : middleOf(cell?.actualLow ?? null, cell?.actualHigh ?? null);
  };
  const values = shown.flatMap((column) => [value(column, 'target'), value(column, 'actual')]);
  // The tables' separators and decimals (54.449,1 in Vietnamese), pinned to the locale so LibreOffice
  // in English writes them the same; the empty third section hides the 0 standing for a missing bar.
  const number = excelColumnFormat(values, { locale });
  const series = (['target', 'actual'] as const).map((measure) => ({
    name: t(`report.${measure}`),
    labels,
    values: shown.map((column) => value(column, measure) ?? 0),
  }));
  slide.addChart(pptx.ChartType.bar, series, {
    x: 0.5,
    y: 1.2,
    w: 7.4,
    h: 5.2,
    barDir: 'col',
    barGrouping: 'clustered',
    chartColors: [ACCENT, 'E0A800'],
    showLegend: true,
    legendPos: 'b',
    legendFontFace: FONT,
    legendFontSize: 12,
    showValue: true,
    dataLabelFontFace: FONT,
    dataLabelFontSize: 10,
    dataLabelFormatCode: `${number};-${number};`,
    catAxisLabelFontFace: FONT,
    catAxisLabelFontSize: 12,
    valAxisLabelFontFace: FONT,
    valAxisLabelFontSize: 10,
    valAxisLabelFormatCode: number,
  });
  const table: PptxGenJS.TableRow[] = [
    [t('report.period'), t('report.target'), t('report.actual'), t('report.status')].map((text) => ({
      text,
      options: HEADER_CELL,
    })),
    ...shown.map((column) => {
      const cell = row.cells[column.key];
      return [
        periodLabel(column),
        targetText(cell, row.unit, locale),
        actualText(cell, row.unit, locale),
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
  addSourceNote(slide, t, rowSources(row));
}

function addSummarySlide(
  pptx: PptxGenJS,
  t: Translate,
  locale: Locale,
  data: ReportData,
  rows: PivotRow[],
): void {
  const slide = pptx.addSlide();
  addHeading(slide, t('report.summaryTitle'));
  const terms = data.columns.filter((column) => column.kind === 'term');
  const table: PptxGenJS.TableRow[] = [
    [t('report.indicator'), ...terms.map((column) => periodLabel(column))].map((text) => ({
      text,
      options: HEADER_CELL,
    })),
    ...rows.map((row) => [
      { text: row.unit && row.unit !== '%' ? `${row.name} (${row.unit})` : row.name },
      ...terms.map((column) => ({
        text: summaryLines(row.cells[column.key], row.unit, locale).join('\n'),
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
  addSourceNote(slide, t, rowsSources(rows));
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
  const rows = data.rows.filter(hasFigures);
  addTitleSlide(pptx, t, data, rows, options, generatedOn);
  for (const row of rows) addIndicatorSlide(pptx, t, locale, data, row);
  for (let start = 0; start < rows.length; start += SUMMARY_ROWS_PER_SLIDE)
    addSummarySlide(pptx, t, locale, data, rows.slice(start, start + SUMMARY_ROWS_PER_SLIDE));
  return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
}
