import type { Page } from 'playwright-core';

/** Waits until DuckDB has started and loaded the warehouse (the status badge says ready). */
export async function waitForDatabase(page: Page, timeout = 60_000): Promise<void> {
  await page.locator('[data-testid="db-status"][data-status="ready"]').waitFor({ timeout });
}

/** Replaces the SQL of the active tab (CodeMirror) with `sql`. */
export async function typeSql(page: Page, sql: string): Promise<void> {
  const editor = page.locator('.cm-content');
  // An open completion list covers the lines below the cursor: close it, then click the first line.
  await page.keyboard.press('Escape');
  await editor.click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await editor.fill(sql);
}
