import type { Page } from 'playwright-core';

/** The page's own clock (performance.now() in the page), for timings read the way the page lives them. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** Waits until DuckDB has started and loaded the warehouse (the status badge says ready). */
export async function waitForDatabase(page: Page, timeout = 60_000): Promise<void> {
  await page.locator('[data-testid="db-status"][data-status="ready"]').waitFor({ timeout });
}

/** Shows the SQL area (the workbench opens on the indicators) and waits for its editor. */
export async function openSqlArea(page: Page): Promise<void> {
  const item = page.locator('nav [data-area="sql"]');
  if ((await item.getAttribute('aria-current')) !== 'page') {
    // Leaving the home: its first pivot query (seconds on a loaded machine) holds the one query
    // queue, and SQL typed now would be timed behind it. Let it answer first (once the database is
    // ready: before that the pivot has not asked, and tests may type while it starts).
    const home = page.locator('nav [data-area="pivot"][aria-current="page"]');
    const ready = page.locator('[data-testid="db-status"][data-status="ready"]');
    if ((await home.count()) > 0 && (await ready.count()) > 0) {
      await page.locator('[data-testid="pivot"][data-loading="false"] tr[data-indicator]').first().waitFor();
    }
    await item.click();
  }
  await page.locator('.cm-content').waitFor();
}

/** Replaces the SQL of the active tab (CodeMirror) with `sql`, in the SQL area. */
export async function typeSql(page: Page, sql: string): Promise<void> {
  await openSqlArea(page);
  const editor = page.locator('.cm-content');
  // An open completion list covers the lines below the cursor: close it, then click the first line.
  await page.keyboard.press('Escape');
  await editor.click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await editor.fill(sql);
}
