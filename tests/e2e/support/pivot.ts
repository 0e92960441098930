import type { Page } from 'playwright-core';

/**
 * Types `text` into the pivot's search and waits until the table shows that search's answer. The
 * search is applied after a pause, so a row the unfiltered table also has, or `data-loading` being
 * false, proves nothing until the table says which search it shows.
 */
export async function searchPivot(page: Page, text: string, timeout = 120_000): Promise<void> {
  await page.locator('[data-testid="pivot-search"]').fill(text);
  await page
    .locator(`[data-testid="pivot"][data-search=${JSON.stringify(text)}][data-loading="false"]`)
    .waitFor({ timeout });
}
