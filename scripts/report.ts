import {
  indicatorChartSvg,
  REPORT_CHART_HEIGHT,
  REPORT_CHART_WIDTH,
} from '../renderer/src/lib/report/report-chart-svg.ts';
import {
  readReportData,
  reportableIndicators,
  type ReportData,
} from '../renderer/src/lib/report/report-data.ts';
import { hasFigures, reviewedFigures } from '../renderer/src/lib/report/report-sources.ts';
import type { ReportChartImage } from '../renderer/src/lib/report/xlsx-report.ts';
import type { WorkbenchDatabase } from '../renderer/src/lib/db/database.ts';
import { CliError, runCli, shown } from './lib/cli-args.ts';
import { renderChartPngs } from './lib/chart-png.ts';
import { fallbackNotice, openReportDatabase } from './lib/report-database.ts';
import { reportOptions, writeFileAtomically, type ReportOptions } from './lib/report-options.ts';

// The same report the Xuất báo cáo area makes, from the command line: the app's own code on the
// embedded warehouse (in native DuckDB when it starts, the same SQL as in the app's DuckDB-WASM),
// with charts drawn by resvg instead of a browser canvas.
runCli('report', async () => {
  const options = await reportOptions(process.argv.slice(2));
  const writer = reportWriter(options.format);
  // Awaited after the warehouse is read; a failed load is reported then, not as an unhandled rejection.
  writer.catch(() => undefined);
  const { db, fallback } = await openReportDatabase(options.engine);
  if (fallback !== undefined) process.stderr.write(fallbackNotice(fallback));
  try {
    const indicators = await knownIndicators(db, options.indicators);
    const data = await readReportData(db, { indicators, periods: options.periods });
    if (!data.ok) throw new Error(data.error.message);
    const bytes = await buildReport(await writer, data.value, options);
    await writeFileAtomically(options.out, bytes);
    process.stdout.write(
      `${options.out}: ${options.format}, ${data.value.rows.filter(hasFigures).length} indicators, ${bytes.length} bytes\n`,
    );
  } finally {
    await db.close();
  }
});

/** The asked-for ids, each checked against the warehouse before any report is built. */
async function knownIndicators(
  db: WorkbenchDatabase,
  requested: ReportOptions['indicators'],
): Promise<readonly string[] | 'all'> {
  if (requested === 'all') return 'all';
  const known = await reportableIndicators(db);
  if (!known.ok) throw new Error(known.error.message);
  const ids = new Set(known.value.map((indicator) => indicator.id));
  const unknown = requested.filter((id) => !ids.has(id));
  if (unknown.length > 0) {
    const list = unknown.map((id) => shown(id)).join(', ');
    throw new CliError(`không có chỉ tiêu: ${list}`, `unknown indicator(s): ${list}`);
  }
  return requested;
}

type ReportWriter =
  | { format: 'csv'; module: typeof import('../renderer/src/lib/report/summary-csv.ts') }
  | { format: 'pptx'; module: typeof import('../renderer/src/lib/report/pptx-report.ts') }
  | { format: 'xlsx'; module: typeof import('../renderer/src/lib/report/xlsx-report.ts') };

// Each format loads only its own writer: ExcelJS and pptxgenjs take most of a second to load, so
// the load starts with the run, while the warehouse is read.
async function reportWriter(format: ReportOptions['format']): Promise<ReportWriter> {
  if (format === 'csv') return { format, module: await import('../renderer/src/lib/report/summary-csv.ts') };
  if (format === 'pptx') return { format, module: await import('../renderer/src/lib/report/pptx-report.ts') };
  return { format, module: await import('../renderer/src/lib/report/xlsx-report.ts') };
}

async function buildReport(
  writer: ReportWriter,
  data: ReportData,
  options: ReportOptions,
): Promise<Uint8Array> {
  const { locale, generatedOn } = options;
  if (writer.format === 'csv') return writer.module.buildSummaryCsv(data, locale);
  if (writer.format === 'pptx') return writer.module.buildPptxReport(data, locale, generatedOn);
  const reviewed = reviewedFigures(data);
  const rows = data.rows.filter(hasFigures);
  const pngs = await renderChartPngs(
    rows.map((row) => indicatorChartSvg(row, data.columns, locale, reviewed)),
  );
  const charts: ReportChartImage[] = rows.map((_, index) => ({
    png: pngs[index]!,
    width: REPORT_CHART_WIDTH,
    height: REPORT_CHART_HEIGHT,
  }));
  return writer.module.buildXlsxReport(data, locale, generatedOn, charts);
}
