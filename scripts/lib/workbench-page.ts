import type { Page } from 'playwright-core';

/** Waits until DuckDB has started and loaded the warehouse (the status badge says ready). */
export async function waitForDatabase(page: Page, timeout = 60_000): Promise<void> {
  await page.locator('[data-testid="db-status"][data-status="ready"]').waitFor({ timeout });
}

/** Replaces the SQL of the active tab (CodeMirror) with `sql`. */
export async function typeSql(page: Page, sql: string): Promise<void> {
  const editor = page.locator('.cm-content');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await editor.fill(sql);
}
