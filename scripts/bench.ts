import type { Page } from 'playwright-core';
import { launchChromium } from './lib/chromium.ts';
import { runCli } from './lib/cli-args.ts';
import { benchExtraction } from './lib/extraction-bench.ts';
import { startWebServer } from './lib/web-server.ts';
import { typeSql, waitForDatabase } from './lib/workbench-page.ts';

/** Runs SQL through the UI and returns the milliseconds until its `rows` rows are counted on screen. */
async function timeQuery(page: Page, sql: string, rows: number): Promise<number> {
  await typeSql(page, sql);
  const started = performance.now();
  await page.locator('[data-testid="sql-run"]').click();
  await page.locator('[data-testid="sql-stats"]', { hasText: new RegExp(`^\\s*${rows}\\s`) }).waitFor();
  return Math.round(performance.now() - started);
}

// How much text the extraction run reads; a smaller BENCH_EXTRACT_MB only checks that it runs.
const EXTRACT_MB = Number(process.env.BENCH_EXTRACT_MB ?? 10);

// Prints figures, asserts nothing: timings belong in a benchmark, never in a test.
runCli('bench', async () => {
  // First, while this process is small, so its peak memory is the extraction's.
  const extraction = await benchExtraction(EXTRACT_MB);
  const { server, url } = await startWebServer('dist/renderer', 0);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const started = performance.now();
    await page.goto(url);
    await waitForDatabase(page, 120_000);
    const figures = {
      ...extraction,
      duckdb_ready_ms: Math.round(performance.now() - started),
      first_query_ms: await timeQuery(page, 'SELECT count(*) AS n FROM observations', 1),
      group_by_1m_rows_ms: await timeQuery(
        page,
        'SELECT i % 100 AS k, count(*) AS n FROM range(1000000) t(i) GROUP BY k',
        100,
      ),
    };
    process.stdout.write(JSON.stringify(figures) + '\n');
  } finally {
    await browser.close();
    server.close();
  }
});
