import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openWatchedPage, type WatchedPage, waitForDatabase } from './support/browser.ts';
import { gridRows, runSql } from './support/sql.ts';

describe('the result grid', () => {
  let browser: Browser;
  let watched: WatchedPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    watched = await openWatchedPage(browser, inject('baseUrl'));
    await waitForDatabase(watched.page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws the first rows of a re-run query even when the grid was scrolled down (was blank)', async () => {
    const { page } = watched;
    const grid = page.locator('[data-testid="result-grid"]');
    await runSql(page, 'SELECT range AS so_thu_tu FROM range(5000)');
    await grid.evaluate((element) => (element.scrollTop = element.scrollHeight));
    await expect.poll(async () => (await gridRows(page)).at(-1)?.[0]).toBe('4.999');
    await page.keyboard.press('Control+Enter');
    await page.locator('[data-testid="sql-run"]:not([disabled])').waitFor();
    await expect.poll(async () => (await gridRows(page))[0]?.[0]).toBe('0');
    expect(await grid.evaluate((element) => element.scrollTop)).toBe(0);
  });
});
