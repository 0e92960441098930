import { access, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { Locale } from '../renderer/src/lib/i18n/dictionary.ts';
import { buildPptxReport } from '../renderer/src/lib/report/pptx-report.ts';
import {
  indicatorChartSvg,
  REPORT_CHART_HEIGHT,
  REPORT_CHART_WIDTH,
} from '../renderer/src/lib/report/report-chart-svg.ts';
import {
  readReportData,
  reportableIndicators,
  type ReportPeriods,
} from '../renderer/src/lib/report/report-data.ts';
import { hasFigures, rowSources } from '../renderer/src/lib/report/report-sources.ts';
import { buildSummaryCsv } from '../renderer/src/lib/report/summary-csv.ts';
import { buildXlsxReport, type ReportChartImage } from '../renderer/src/lib/report/xlsx-report.ts';
import { parseArgs, runCli } from './lib/cli-args.ts';
import { openWarehouseDatabase } from './lib/node-duckdb.ts';

const FORMATS = ['xlsx', 'pptx', 'csv'] as const;
type Format = (typeof FORMATS)[number];

function choice<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback?: T,
): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (value === undefined) throw new Error(`--${name} is required (${allowed.join('|')})`);
  if (!(allowed as readonly string[]).includes(value))
    throw new Error(`--${name} must be one of ${allowed.join('|')}, not "${value}"`);
  return value as T;
}

// The same report the Xuất báo cáo area makes, from the command line: the app's own code on the
// embedded warehouse, with charts drawn by resvg instead of a browser canvas.
runCli('report', async () => {
  const args = parseArgs(process.argv.slice(2), ['format', 'indicators', 'out', 'periods', 'lang', 'date']);
  const format = choice<Format>('format', args.get('format'), FORMATS);
  const periods = choice<ReportPeriods>('periods', args.get('periods'), ['terms', 'years'], 'terms');
  const locale = choice<Locale>('lang', args.get('lang'), ['vi', 'en'], 'vi');
  const out = args.get('out');
  if (!out) throw new Error('--out is required (the file to write)');
  await access(dirname(resolve(out))).catch(() => {
    throw new Error(`the folder of ${out} does not exist`);
  });
  const generatedOn = args.get('date') ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(generatedOn))
    throw new Error(`--date must be YYYY-MM-DD, not "${generatedOn}"`);
  const requested = args.get('indicators') ?? 'all';

  const { db } = await openWarehouseDatabase();
  try {
    let indicators: readonly string[] | 'all' = 'all';
    if (requested !== 'all') {
      const known = await reportableIndicators(db);
      if (!known.ok) throw new Error(known.error.message);
      const ids = requested
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean);
      const unknown = ids.filter((id) => !known.value.some((indicator) => indicator.id === id));
      if (ids.length === 0) throw new Error('--indicators lists no indicator');
      if (unknown.length > 0) throw new Error(`unknown indicator(s): ${unknown.join(', ')}`);
      indicators = ids;
    }
    const data = await readReportData(db, { indicators, periods });
    if (!data.ok) throw new Error(data.error.message);
    let bytes: Uint8Array;
    if (format === 'csv') bytes = buildSummaryCsv(data.value, locale);
    else if (format === 'pptx') bytes = await buildPptxReport(data.value, locale, generatedOn);
    else {
      const charts: ReportChartImage[] = data.value.rows.filter(hasFigures).map((row) => {
        const svg = indicatorChartSvg(row, data.value.columns, locale, rowSources(row));
        const png = new Resvg(svg, {
          fitTo: { mode: 'zoom', value: 2 },
          font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
        })
          .render()
          .asPng();
        return {
          title: row.name,
          png: new Uint8Array(png),
          width: REPORT_CHART_WIDTH,
          height: REPORT_CHART_HEIGHT,
        };
      });
      bytes = await buildXlsxReport(data.value, locale, generatedOn, charts);
    }
    await writeFile(out, bytes);
    process.stdout.write(
      `${out}: ${format}, ${data.value.rows.filter(hasFigures).length} indicators, ${bytes.length} bytes\n`,
    );
  } finally {
    await db.close();
  }
});
