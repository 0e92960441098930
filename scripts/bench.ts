import type { Page } from 'playwright-core';
import { launchChromium } from './lib/chromium.ts';
import { runCli } from './lib/cli-args.ts';
import { startWebServer } from './lib/web-server.ts';

/** Runs SQL through the UI and returns the milliseconds until its result is on screen. */
async function timeQuery(page: Page, sql: string): Promise<number> {
  await page.locator('[data-testid="sql-input"]').fill(sql);
  const started = performance.now();
  await page.locator('[data-testid="sql-run"]').click();
  await page.locator('[data-testid="sql-run"]:not([disabled])').waitFor();
  await page.locator('[data-testid="sql-stats"]').waitFor();
  return Math.round(performance.now() - started);
}

// Prints figures, asserts nothing: timings belong in a benchmark, never in a test.
runCli('bench', async () => {
  const { server, url } = await startWebServer('dist/renderer', 0);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const started = performance.now();
    await page.goto(url);
    await page.locator('[data-testid="db-status"][data-status="ready"]').waitFor({ timeout: 120_000 });
    const figures = {
      duckdb_ready_ms: Math.round(performance.now() - started),
      first_query_ms: await timeQuery(page, 'SELECT count(*) AS n FROM observations'),
      group_by_1m_rows_ms: await timeQuery(
        page,
        'SELECT i % 100 AS k, count(*) AS n FROM range(1000000) t(i) GROUP BY k',
      ),
    };
    process.stdout.write(JSON.stringify(figures) + '\n');
  } finally {
    await browser.close();
    server.close();
  }
});
