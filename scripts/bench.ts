import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './lib/chromium.ts';
import { runCli } from './lib/cli-args.ts';
import { buildEngineFloorPage } from './lib/engine-floor-page.ts';
import { timePivotAfterClick } from './lib/bench-pivot.ts';
import { benchCorpusCore, benchExtraction } from './lib/extraction-bench.ts';
import { benchReport, type ReportRunFigures } from './lib/report-bench.ts';
import { benchImportDocument } from './bench/import-document.ts';
import { benchImportTable } from './bench/import-table.ts';
import type { ScaleFigures } from './lib/scale-bench.ts';
import { runInOwnProcess } from './lib/own-process.ts';
import { benchUserRows, type UserRowsRun } from './lib/bench-user-rows.ts';
import { failedPhase, recordPhase, type PhaseFigures } from './lib/bench-phase.ts';
import { loadProblem } from '../renderer/src/lib/import/load-problem.ts';
import { startWebServer } from './lib/web-server.ts';
import { typeSql, waitForDatabase } from './lib/workbench-page.ts';

// `--quick` (or BENCH_QUICK=1) checks that every figure is produced, quickly: small sizes, one run
// of each kind, the Node parts beside the browser. `npm run bench` measures the full set in one run.
const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
// Cold and warm starts are alternated with the floor this many times; the medians are printed.
const RUNS = QUICK ? 1 : Math.max(1, Number(process.env.BENCH_RUNS) || 3);
const START_TIMEOUT = 120_000;
const IDLE_BEFORE_CLICK_MS = QUICK ? 0 : 1000;

interface StartTimes {
  /** From navigation to the first navigation button on screen. */
  shell: number;
  /** From navigation to the status badge saying "sẵn sàng". */
  ready: number;
}

/** Runs SQL through the UI and returns the milliseconds until its `rows` rows are counted on screen. */
async function timeQuery(page: Page, sql: string, rows: number): Promise<number> {
  await typeSql(page, sql);
  const started = performance.now();
  await page.locator('[data-testid="sql-run"]').click();
  await page.locator('[data-testid="sql-stats"]', { hasText: new RegExp(`^\\s*${rows}\\s`) }).waitFor();
  return Math.round(performance.now() - started);
}

/**
 * Loads the workbench (or reloads it, warm) and reads the page's own clock at each milestone, as
 * the floor page reads its own: an observer in the page stamps the moment the DOM first shows it,
 * so neither waits on the bench's polling of a page whose main thread is busy painting the home.
 */
async function startApp(page: Page, url: string, reload: boolean): Promise<StartTimes> {
  if (reload) await page.reload();
  else {
    await page.addInitScript(stampMilestones);
    await page.goto(url);
  }
  await page.locator('nav [data-area]').first().waitFor({ timeout: START_TIMEOUT });
  await waitForDatabase(page, START_TIMEOUT);
  const stamps = await page.evaluate(() => (window as unknown as Stamped).__benchMilestones);
  if (stamps.shell === undefined || stamps.ready === undefined)
    throw new Error('the milestones were not stamped');
  return { shell: stamps.shell, ready: stamps.ready };
}

type Stamped = { __benchMilestones: Partial<StartTimes> };

// Runs in the page before its own scripts: stamps performance.now() when each milestone's element
// first appears (the observer's callback runs right after the DOM change that made it).
function stampMilestones(): void {
  const stamps: Partial<StartTimes> = {};
  (window as unknown as Stamped).__benchMilestones = stamps;
  const selectors: Record<keyof StartTimes, string> = {
    shell: 'nav [data-area]',
    ready: '[data-testid="db-status"][data-status="ready"]',
  };
  const observer = new MutationObserver(() => {
    for (const [milestone, selector] of Object.entries(selectors) as [keyof StartTimes, string][])
      if (stamps[milestone] === undefined && document.querySelector(selector))
        stamps[milestone] = performance.now();
    if (stamps.shell !== undefined && stamps.ready !== undefined) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

/** Loads the bare-engine page (or reloads it) and returns the page's clock when `SELECT 1` answered. */
async function startFloor(page: Page, url: string, reload: boolean): Promise<number> {
  if (reload) await page.reload();
  else await page.goto(url);
  await page.waitForFunction(() => document.body?.dataset.readyMs ?? document.body?.dataset.error, null, {
    timeout: START_TIMEOUT,
  });
  const { readyMs, error } = await page.evaluate(() => ({ ...document.body.dataset }));
  if (error) throw new Error(`engine floor page: ${error}`);
  return Number(readyMs);
}

/** A cold start in a fresh context (empty cache), then a warm one by reloading it. */
async function coldThenWarm<T>(
  browser: Browser,
  start: (page: Page, reload: boolean) => Promise<T>,
): Promise<{ cold: T; warm: T }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cold = await start(page, false);
    return { cold, warm: await start(page, true) };
  } finally {
    await context.close();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN);
}

// How much text the extraction run reads; a smaller BENCH_EXTRACT_MB only checks that it runs.
const EXTRACT_MB = QUICK ? 0.1 : Number(process.env.BENCH_EXTRACT_MB ?? 10);

// Observations the pivot is timed on in WASM and native DuckDB; a smaller BENCH_SCALE_ROWS only checks that it runs.
const SCALE_ROWS = QUICK ? 2000 : Number(process.env.BENCH_SCALE_ROWS ?? 1_000_000);

// User rows loaded in Chromium through the app's load path (issue 14: 1M in < 5 s under 1.5 GB; 5M
// pivot or fail with the memory advice).
const USER_ROWS = QUICK ? 2000 : 1_000_000;
const LARGE_USER_ROWS = QUICK ? 5000 : 5_000_000;
// The report CLIs write every indicator (368 charts); a quick run only proves they run.
const REPORT_INDICATORS = QUICK ? ['grdp_growth', 'grdp_per_capita'] : 'all';

// How long a phase may take before it is recorded as failed and the bench goes on (issue 14: the
// last full run waited on a hung page and printed nothing).
const MINUTE = 60_000;
const PHASE_LIMIT_MS = QUICK ? 10 * MINUTE : 30 * MINUTE;

/** The Node-side figures: extraction, the report CLIs and the pivot at scale; a failed one is recorded. */
async function nodeFigures(): Promise<PhaseFigures> {
  const extraction = () =>
    recordPhase('extraction', 'extraction', PHASE_LIMIT_MS, async () => ({
      ...(await benchExtraction(EXTRACT_MB)),
    }));
  const corpusCore = () =>
    recordPhase('corpus core', 'extraction_corpus', PHASE_LIMIT_MS, async () => ({
      ...(await benchCorpusCore()),
    }));
  const report = (format: 'xlsx' | 'pptx') => () =>
    recordPhase(`${format} report`, `cli_report_${format}`, PHASE_LIMIT_MS, async () =>
      reportFigures(`cli_report_${format}`, await benchReport(format, REPORT_INDICATORS)),
    );
  const scaled = () =>
    recordPhase('scaled pivot', 'pivot_scaled', PHASE_LIMIT_MS, async () => ({
      ...(await runInOwnProcess<ScaleFigures>('scripts/bench/scaled-pivot.ts', [String(SCALE_ROWS)])),
    }));
  const phases = [extraction, corpusCore, report('xlsx'), report('pptx'), scaled];
  // In a full run one after another, the extraction first while this process is small (its peak
  // memory is the extraction's), and all before the browser shares the machine with them.
  const figures: PhaseFigures[] = [];
  if (QUICK) figures.push(...(await Promise.all(phases.map((phase) => phase()))));
  else for (const phase of phases) figures.push(await phase());
  return Object.assign({}, ...figures) as PhaseFigures;
}

/** One report CLI's figures under `prefix`: the repeat run, and the first with no chart drawn yet. */
function reportFigures(prefix: string, run: ReportRunFigures): Record<string, number> {
  return {
    [`${prefix}_ms`]: run.ms,
    [`${prefix}_cpu_ms`]: run.cpu_ms,
    [`${prefix}_peak_rss_mb`]: run.peak_rss_mb,
    [`${prefix}_first_ms`]: run.cold.ms,
    [`${prefix}_first_cpu_ms`]: run.cold.cpu_ms,
    [`${prefix}_first_peak_rss_mb`]: run.cold.peak_rss_mb,
  };
}

/** The user-rows figures under `prefix`: rows, load time, renderer memory, pivot time and outcome. */
function userRowsFigures(
  prefix: string,
  rows: number,
  run: UserRowsRun,
): Record<string, number | string | null> {
  return {
    [`${prefix}`]: rows,
    [`${prefix}_loaded`]: run.rows,
    [`${prefix}_load_ms`]: run.loadMs,
    [`${prefix}_renderer_peak_mb`]: run.rendererPeakMb,
    [`${prefix}_pivot_ms`]: run.pivotMs,
    [`${prefix}_outcome`]: run.outcome,
    // What the user reads when the rows do not fit: the import's message, in Vietnamese, with the sizes.
    [`${prefix}_message`]:
      run.error?.stage === 'load' ? loadProblem(run.error).message : (run.error?.message ?? null),
  };
}

/** Cold and warm starts of the app, alternated with the bare-engine floor, as medians. */
async function startFigures(browser: Browser, appUrl: string, floorUrl: string): Promise<PhaseFigures> {
  const appRuns: { cold: StartTimes; warm: StartTimes }[] = [];
  const floorRuns: { cold: number; warm: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    floorRuns.push(await coldThenWarm(browser, (page, reload) => startFloor(page, floorUrl, reload)));
    appRuns.push(await coldThenWarm(browser, (page, reload) => startApp(page, appUrl, reload)));
  }
  const coldReady = median(appRuns.map((run) => run.cold.ready));
  const floorCold = median(floorRuns.map((run) => run.cold));
  return {
    shell_painted_cold_ms: median(appRuns.map((run) => run.cold.shell)),
    ready_cold_ms: coldReady,
    ready_warm_ms: median(appRuns.map((run) => run.warm.ready)),
    engine_floor_cold_ms: floorCold,
    engine_floor_warm_ms: median(floorRuns.map((run) => run.warm)),
    ready_over_floor_cold: Math.round((coldReady / floorCold) * 100) / 100,
  };
}

/** The first and later pivots, then the first SQL query and a GROUP BY, through the UI of one page. */
async function interactionFigures(browser: Browser, appUrl: string): Promise<PhaseFigures> {
  const page = await browser.newPage();
  try {
    await page.goto(appUrl);
    await waitForDatabase(page, START_TIMEOUT);
    // A user reads the screen for a moment before the first click: the idle warm-up may run.
    await page.waitForTimeout(IDLE_BEFORE_CLICK_MS);
    const firstPivot = await timePivotAfterClick(page, 'nav [data-area="pivot"]', false);
    const laterPivots: number[] = [];
    for (let run = 0; run < 2 * RUNS; run++) {
      laterPivots.push(await timePivotAfterClick(page, '[data-testid="expand-years"]', true));
    }
    await page.locator('nav [data-area="sql"]').click();
    const firstQuery = await timeQuery(page, 'SELECT count(*) AS n FROM observations', 1);
    const groupBy = await timeQuery(
      page,
      'SELECT i % 100 AS k, count(*) AS n FROM range(1000000) t(i) GROUP BY k',
      100,
    );
    return {
      first_pivot_ms: firstPivot,
      later_pivot_ms: median(laterPivots),
      first_query_ms: firstQuery,
      group_by_1m_rows_ms: groupBy,
    };
  } finally {
    await page.close();
  }
}

/** The browser's figures, each part recorded on its own: a failed one leaves the others theirs. */
async function browserFigures(browser: Browser, appUrl: string, floorUrl: string): Promise<PhaseFigures[]> {
  const assets = 'dist/renderer/assets';
  // Each in a browser of its own: a renderer that ran out of memory leaves nothing to the next phase.
  const inOwnBrowser = async <T>(work: (own: Browser) => Promise<T>): Promise<T> => {
    const own = await launchChromium();
    try {
      return await work(own);
    } finally {
      await own.close();
    }
  };
  const userRows = (name: string, prefix: string, rows: number) =>
    recordPhase(name, prefix, PHASE_LIMIT_MS, () =>
      inOwnBrowser(async (own) => userRowsFigures(prefix, rows, await benchUserRows(own, assets, rows))),
    );
  return [
    await recordPhase('starts', 'ready', PHASE_LIMIT_MS, () => startFigures(browser, appUrl, floorUrl)),
    await recordPhase('pivot and queries', 'pivot', PHASE_LIMIT_MS, () =>
      interactionFigures(browser, appUrl),
    ),
    await userRows('user rows', 'user_rows', USER_ROWS),
    await userRows('large user rows', 'user_rows_large', LARGE_USER_ROWS),
    // The same number of rows the way a user brings them: a CSV imported and mapped through the UI.
    await recordPhase('table import', 'import_table', PHASE_LIMIT_MS, () =>
      inOwnBrowser(async (own) => {
        const imported = await benchImportTable(own, appUrl, USER_ROWS);
        return {
          import_table_rows: USER_ROWS,
          import_table_csv_mb: imported.csv_mb,
          import_table_ms: imported.table_ms,
          import_table_map_ms: imported.map_ms,
          import_table_renderer_peak_mb: imported.renderer_peak_mb,
        };
      }),
    ),
    await recordPhase('document import', 'import_document', PHASE_LIMIT_MS, async () => {
      const imported = await benchImportDocument(browser, appUrl);
      return {
        import_document_ms: imported.ms,
        import_document_extract_ms: imported.extract_ms,
        import_document_figures: imported.figures,
      };
    }),
  ];
}

// Prints figures, asserts nothing: timings belong in a benchmark, never in a test. A phase that
// fails is recorded as `<prefix>_outcome: "failed"` with its `<prefix>_error`, and the rest still runs.
runCli('bench', async () => {
  // A quick run measures the Node parts beside the browser; a full one before it.
  const node = QUICK ? nodeFigures() : Promise.resolve(await nodeFigures());
  node.catch(() => undefined);
  const app = await startWebServer('dist/renderer', 0);
  const floorPage = await buildEngineFloorPage('dist/renderer/assets');
  const floor = await startWebServer(floorPage.root, 0);
  try {
    const browserParts = await launchChromium().then(
      (browser) =>
        browserFigures(browser, app.url, floor.url + floorPage.path).finally(() => browser.close()),
      (cause: unknown) => [failedPhase('browser', cause)],
    );
    const figures = Object.assign({}, await node, ...browserParts) as PhaseFigures;
    process.stdout.write(JSON.stringify(figures) + '\n');
  } finally {
    app.server.close();
    floor.server.close();
  }
});
