import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, waitForDatabase } from './support/browser.ts';
import { gridRows, openSqlArea, runSql, typeSql } from './support/sql.ts';

// Runs until cancelled or killed.
const RUNAWAY = 'SELECT count(*) AS n FROM range(100000000000) a WHERE a.range % 7 = 3';
const SAVED = 'Truy vấn trước sự cố';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * A page whose DuckDB workers the test can end, as a crash would: a page script records each engine
 * worker the app creates (nothing in the app exposes it).
 */
async function pageWithReachableEngine(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => {
    const Engine = window.Worker;
    const engines: Worker[] = [];
    Object.defineProperty(window, '__e2eEngineWorkers', { value: engines });
    window.Worker = class extends Engine {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (/duckdb-browser-(eh|mvp)\.worker/.test(String(url))) engines.push(this);
      }
    };
  });
  const page = await context.newPage();
  await page.goto(inject('baseUrl'));
  await waitForDatabase(page);
  return page;
}

const killEngine = (page: Page) =>
  page.evaluate(() => {
    const engines = (window as unknown as { __e2eEngineWorkers: Worker[] }).__e2eEngineWorkers;
    engines.at(-1)?.terminate();
    return engines.length;
  });

describe('a dead DuckDB worker', () => {
  // Two whole starts of the app (engine and warehouse), seconds each on a loaded machine.
  it(
    'says so in Vietnamese, restarts on request, and loses none of the user state',
    { timeout: 180_000 },
    async () => {
      const page = await pageWithReachableEngine();
      // User state of several kinds: a pivot filter, a saved query, a tab's text.
      await page.locator('[data-testid="pivot"][data-loading="false"] tr[data-indicator]').first().waitFor();
      const allRows = await page.locator('[data-testid="pivot"] tr[data-indicator]').count();
      await page.locator('[data-testid="pivot-search"]').fill('GRDP');
      await page.waitForFunction((all) => {
        const shown = document.querySelectorAll('[data-testid="pivot"] tr[data-indicator]').length;
        return shown > 0 && shown < all;
      }, allRows);
      const pivotRows = await page.locator('[data-testid="pivot"] tr[data-indicator]').count();
      await typeSql(page, 'SELECT 42 AS answer');
      await page.locator('[data-testid="library-tab"]').click();
      await page.locator('[data-testid="library"][data-loaded="true"]').waitFor();
      await page.locator('[data-testid="save-name"]').fill(SAVED);
      await page.locator('[data-testid="save-query"]:not([disabled])').click();
      await page.locator('[data-testid="save-status"][data-state="saved"]', { hasText: SAVED }).waitFor();

      // The engine dies while a query runs: the query ends with the message instead of hanging.
      await typeSql(page, RUNAWAY);
      await page.keyboard.press('Control+Enter');
      await page.locator('[data-testid="sql-cancel"]').waitFor();
      expect(await killEngine(page)).toBe(1);
      await page.locator('[data-testid="db-status"][data-status="stopped"]').waitFor();
      expect(await page.locator('[data-testid="db-status"]').innerText()).toContain('Cơ sở dữ liệu đã dừng');
      const notice = page.locator('[data-testid="engine-stopped"]');
      expect(await notice.innerText()).toContain('Cơ sở dữ liệu đã dừng');
      await page.locator('[data-testid="sql-error"]', { hasText: 'Cơ sở dữ liệu đã dừng' }).waitFor();
      // The run has ended (no cancel button); running again waits for the restart.
      await page.locator('[data-testid="sql-run"][disabled]').waitFor();

      await page.locator('[data-testid="engine-restart"]').click();
      await waitForDatabase(page);
      expect(await notice.count()).toBe(0);
      expect(
        await page.evaluate(
          () => (window as unknown as { __e2eEngineWorkers: Worker[] }).__e2eEngineWorkers.length,
        ),
      ).toBe(2);

      // Everything is still there, and the new engine answers with the warehouse loaded.
      expect(await page.locator('.cm-content').innerText()).toContain('range(100000000000)');
      await page.locator('[data-testid="library-tab"]').click();
      await page.locator('[data-testid="library"][data-loaded="true"]').waitFor();
      expect(await page.locator('[data-testid="saved-query"] .open').allInnerTexts()).toContain(SAVED);
      await runSql(page, 'SELECT count(*) > 1000 AS loaded FROM observations');
      expect(await gridRows(page)).toEqual([['true']]);
      await page.locator('nav [data-area="pivot"]').click();
      expect(await page.locator('[data-testid="pivot-search"]').inputValue()).toBe('GRDP');
      await page.locator('[data-testid="pivot"][data-loading="false"] tr[data-indicator]').first().waitFor();
      expect(await page.locator('[data-testid="pivot"] tr[data-indicator]').count()).toBe(pivotRows);
      await openSqlArea(page);
      await page.context().close();
    },
  );
});
