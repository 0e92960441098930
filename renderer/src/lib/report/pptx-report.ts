import PptxGenJS from 'pptxgenjs';
import { periodLabel } from '../meaning/plan-periods.ts';
import type { Locale, MessageKey } from '../i18n/dictionary.ts';
import { translate } from '../i18n/translate.ts';
import { formatNumber } from '../format/format-number.ts';
import type { PivotCell, PivotRow } from '../pivot/pivot-rows.ts';
import { middleOf, type ReportData } from './report-data.ts';
import { hasFigures, rowSources } from './report-sources.ts';

// A font every machine has with Vietnamese glyphs (LibreOffice substitutes a metric twin).
const FONT = 'Arial';
const INK = '1B2430';
const MUTED = '5D6B7E';
const ACCENT = '1F5FBF';
const SUMMARY_ROWS_PER_SLIDE = 12;
const COMPARATOR_TEXT: Record<string, string> = {
  '>=': '≥ ',
  '>': '> ',
  '<=': '≤ ',
  '<': '< ',
  '~': '≈ ',
  '=': '',
};

function rangeText(low: number | null, high: number | null, unit: string, locale: Locale): string {
  if (low === null) return '–';
  const text = formatNumber(low, locale, 2);
  const full = high !== null && high !== low ? `${text} – ${formatNumber(high, locale, 2)}` : text;
  return unit === '%' ? `${full}%` : unit ? `${full} ${unit}` : full;
}

function targetText(cell: PivotCell | undefined, unit: string, locale: Locale): string {
  if (!cell || cell.targetLow === null) return '–';
  return (
    (COMPARATOR_TEXT[cell.targetComparator ?? '='] ?? '') +
    rangeText(cell.targetLow, cell.targetHigh, unit, locale)
  );
}

function actualText(cell: PivotCell | undefined, unit: string, locale: Locale): string {
  if (!cell || cell.actualLow === null) return '–';
  const estimate = cell.actualEstimate ? ` (${translate(locale, 'report.estimate')})` : '';
  return rangeText(cell.actualLow, cell.actualHigh, unit, locale) + estimate;
}

/** The briefing deck, 16:9: a title slide, a slide per indicator, summary tables. All text stays editable. */
export async function buildPptxReport(
  data: ReportData,
  locale: Locale,
  generatedOn: string,
): Promise<Uint8Array> {
  const t = (key: MessageKey, values: Record<string, string | number> = {}): string =>
    translate(locale, key, values);
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.author = 'Chỉ Tiêu Workbench';
  pptx.company = t('report.province');
  pptx.title = `${t('report.title')} – ${t('report.province')}`;
  const rows = data.rows.filter(hasFigures);
  const periods = data.columns.map((column) => periodLabel(column));

  const title = pptx.addSlide();
  title.background = { color: 'FFFFFF' };
  title.addShape(pptx.ShapeType.rect, { x: 0, y: 0, w: 13.33, h: 0.35, fill: { color: ACCENT } });
  title.addText(t('report.province').toUpperCase(), {
    x: 0.8,
    y: 1.6,
    w: 11.7,
    h: 0.6,
    fontFace: FONT,
    fontSize: 20,
    color: ACCENT,
    bold: true,
  });
  title.addText(t('report.title'), {
    x: 0.8,
    y: 2.3,
    w: 11.7,
    h: 1.2,
    fontFace: FONT,
    fontSize: 36,
    color: INK,
    bold: true,
  });
  title.addText(t('report.selection', { count: rows.length, periods: periods.join(', ') }), {
    x: 0.8,
    y: 3.7,
    w: 11.7,
    h: 0.6,
    fontFace: FONT,
    fontSize: 18,
    color: MUTED,
  });
  title.addText(t('report.generated', { date: generatedOn }), {
    x: 0.8,
    y: 6.4,
    w: 11.7,
    h: 0.5,
    fontFace: FONT,
    fontSize: 14,
    color: MUTED,
  });

  for (const row of rows) {
    const slide = pptx.addSlide();
    slide.addText(row.unit && row.unit !== '%' ? `${row.name} (${row.unit})` : row.name, {
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
    // Periods with a figure only; a missing bar is 0, and the label format hides zeros.
    const shown = data.columns.filter(
      (column) => row.cells[column.key]?.targetLow != null || row.cells[column.key]?.actualLow != null,
    );
    const labels = shown.map((column) => periodLabel(column));
    const series = [
      {
        name: t('report.target'),
        labels,
        values: shown.map(
          (column) =>
            middleOf(row.cells[column.key]?.targetLow ?? null, row.cells[column.key]?.targetHigh ?? null) ??
            0,
        ),
      },
      {
        name: t('report.actual'),
        labels,
        values: shown.map(
          (column) =>
            middleOf(row.cells[column.key]?.actualLow ?? null, row.cells[column.key]?.actualHigh ?? null) ??
            0,
        ),
      },
    ];
    slide.addChart(pptx.ChartType.bar, series, {
      x: 0.5,
      y: 1.2,
      w: 7.4,
      h: 4.9,
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
      dataLabelFormatCode: '#,##0.##;-#,##0.##;',
      catAxisLabelFontFace: FONT,
      catAxisLabelFontSize: 12,
      valAxisLabelFontFace: FONT,
      valAxisLabelFontSize: 10,
      valAxisLabelFormatCode: '#,##0.##',
    });
    const table: PptxGenJS.TableRow[] = [
      [t('report.period'), t('report.target'), t('report.actual'), t('report.status')].map((text) => ({
        text,
        options: { bold: true, color: 'FFFFFF', fill: { color: ACCENT } },
      })),
      ...data.columns
        .filter(
          (column) =>
            row.cells[column.key] &&
            (row.cells[column.key]?.targetLow !== null || row.cells[column.key]?.actualLow !== null),
        )
        .map((column) => {
          const cell = row.cells[column.key];
          const status =
            cell && cell.targetLow !== null && cell.actualLow !== null && cell.status
              ? t(`status.${cell.status}` as MessageKey)
              : '';
          return [
            periodLabel(column),
            targetText(cell, row.unit, locale),
            actualText(cell, row.unit, locale),
            status,
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
    slide.addText(t('report.sourceNote', { sources: rowSources(row) }), {
      x: 0.5,
      y: 6.3,
      w: 12.3,
      h: 0.9,
      fontFace: FONT,
      fontSize: 10,
      color: MUTED,
      valign: 'top',
      fit: 'shrink',
    });
  }

  for (let start = 0; start < rows.length; start += SUMMARY_ROWS_PER_SLIDE) {
    const slide = pptx.addSlide();
    slide.addText(t('report.summaryTitle'), {
      x: 0.5,
      y: 0.3,
      w: 12.3,
      h: 0.7,
      fontFace: FONT,
      fontSize: 24,
      bold: true,
      color: INK,
    });
    const termColumns = data.columns.filter((column) => column.kind === 'term');
    const table: PptxGenJS.TableRow[] = [
      [t('report.indicator'), ...termColumns.map((column) => periodLabel(column))].map((text) => ({
        text,
        options: { bold: true, color: 'FFFFFF', fill: { color: ACCENT } },
      })),
      ...rows.slice(start, start + SUMMARY_ROWS_PER_SLIDE).map((row: PivotRow) => [
        { text: row.name },
        ...termColumns.map((column) => {
          const cell = row.cells[column.key];
          const status =
            cell && cell.targetLow !== null && cell.actualLow !== null && cell.status
              ? ` · ${t(`status.${cell.status}` as MessageKey)}`
              : '';
          return { text: `${actualText(cell, row.unit, locale)}${status}` };
        }),
      ]),
    ];
    slide.addTable(table, {
      x: 0.5,
      y: 1.1,
      w: 12.3,
      colW: [5.1, ...termColumns.map(() => 7.2 / termColumns.length)],
      fontFace: FONT,
      fontSize: 11,
      color: INK,
      border: { type: 'solid', pt: 0.5, color: 'DDE3EC' },
      autoPage: false,
    });
  }
  return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
}
