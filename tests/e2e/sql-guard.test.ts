import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openWatchedPage, type WatchedPage, waitForDatabase } from './support/browser.ts';
import { gridRows, runSql, typeSql } from './support/sql.ts';

// Runs every statement of the editor, as "Chạy tất cả" (Ctrl+Shift+Enter) does.
async function runAll(page: Page, sql: string): Promise<void> {
  await typeSql(page, sql);
  await page.keyboard.press('Control+Shift+Enter');
  await page.locator('[data-testid="sql-run"]:not([disabled])').waitFor();
}

async function observationCount(page: Page): Promise<string | undefined> {
  await runSql(page, 'SELECT count(*) AS n FROM observations');
  return (await gridRows(page))[0]?.[0];
}

describe('no statement typed in the SQL area can change the warehouse (Chromium)', () => {
  let browser: Browser;
  let watched: WatchedPage;
  let before: string | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
    watched = await openWatchedPage(browser, inject('baseUrl'));
    await waitForDatabase(watched.page);
    before = await observationCount(watched.page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('puts back observations after a DELETE hidden behind a $$ string, and says so', async () => {
    const { page } = watched;
    await runAll(page, "SELECT $$it's$$; DELETE FROM observations; SELECT 'x'");
    await page.locator('[data-testid="restored-notice"]').waitFor();
    expect(await observationCount(page)).toBe(before);
  });

  it('puts back observations after WITH … DELETE and EXPLAIN ANALYZE DELETE', async () => {
    const { page } = watched;
    await runSql(page, 'WITH k AS (SELECT 1) DELETE FROM observations');
    await page.locator('[data-testid="restored-notice"]').waitFor();
    expect(await observationCount(page)).toBe(before);
    await runSql(page, 'EXPLAIN ANALYZE DELETE FROM observations');
    await page.locator('[data-testid="restored-notice"]').waitFor();
    expect(await observationCount(page)).toBe(before);
  });

  it('refuses SET memory_limit in Vietnamese, and the next query still runs', async () => {
    const { page } = watched;
    await runSql(page, "SET memory_limit = '8MB'");
    expect(await page.locator('[data-testid="sql-advice"]').innerText()).toContain('không thể thay đổi');
    await runSql(page, 'SELECT count(*) AS n FROM range(1000000)');
    await expect.poll(async () => (await gridRows(page))[0]?.[0]).toBe('1.000.000');
  });

  it('says files are saved through the export buttons when COPY … TO is tried', async () => {
    const { page } = watched;
    await runSql(page, "COPY observations TO 'observations.csv'");
    expect(await page.locator('[data-testid="sql-advice"]').innerText()).toContain('nút Xuất');
  });

  it('explains that Parquet is not available offline, without advising INSTALL', async () => {
    const { page } = watched;
    await runSql(page, "SELECT * FROM read_parquet('x.parquet')");
    expect(await page.locator('[data-testid="sql-advice"]').innerText()).toContain('ngoại tuyến');
    expect(await page.locator('[data-testid="sql-error"] pre').innerText()).not.toContain('INSTALL parquet');
  });

  it('keeps the pivot right after a user macro achievement(), a user v_term_pivot and USE of another catalogue', async () => {
    const { page } = watched;
    await runAll(
      page,
      [
        "CREATE MACRO achievement(a, b, c, d, e) AS 'đạt'",
        'CREATE VIEW v_term_pivot AS SELECT * FROM memory.main.v_term_pivot WHERE false',
        "ATTACH ':memory:' AS khac",
        'USE khac',
      ].join(';\n'),
    );
    await page.locator('nav [data-area="pivot"]').click();
    await page.locator('[data-testid="pivot-search"]').fill('tang truong kinh te');
    const cell = page.locator(
      '[data-testid="pivot"] tr[data-indicator="grdp_growth"] td[data-period="2021-2025"]',
    );
    await expect.poll(() => cell.locator('[data-testid="status"]').innerText()).toBe('không đạt');
    expect(await cell.locator('[data-testid="actual-value"]').innerText()).toBe('6,79%');
    await page.locator('nav [data-area="sql"]').click();
    await page.locator('[data-testid="reset-workspace"]').click();
    // The reset starts a fresh database: what the user sees when it is done is the notice.
    await page.getByText('Đã khôi phục dữ liệu gốc').waitFor();
    expect(await observationCount(page)).toBe(before);
  });
});
