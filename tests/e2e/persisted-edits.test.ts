import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForDatabase } from './support/browser.ts';
import { useWorkbenchPage } from './support/workbench-page.ts';

// One pivot computation on a cold engine takes seconds, and more on a machine shared by many runs.
const PIVOT_READY = { timeout: 120_000 };
const TITLE = 'Tăng trưởng GRDP: mục tiêu và thực hiện';
const SUBTITLE = 'Báo cáo giao ban tháng 12';

const header = (page: Page) => page.locator('[data-testid="pivot"] thead th[data-period="2021-2025"]');
const chart = (page: Page) => page.locator('[data-testid="chart"]');

/** The pivot is the home: waits until it has drawn its first rows. */
async function pivotRows(page: Page): Promise<void> {
  await page.locator('[data-testid="pivot"] tbody tr[data-indicator]').first().waitFor(PIVOT_READY);
}

/** Opens the charts area and waits for its first chart (GRDP growth by period) to be drawn. */
async function firstChart(page: Page): Promise<void> {
  await page.locator('nav [data-area="charts"]').click();
  await page.locator('[data-testid="chart"][data-ready="true"] .gtitle').waitFor();
}

describe("a user's chart edits and pivot sort after a reload", () => {
  const watched = useWorkbenchPage();

  it('come back as they were saved, drawn with them from the first paint', async () => {
    const { page } = watched;
    await pivotRows(page);
    await page.locator('[data-testid="pivot"][data-loading="false"]').waitFor(PIVOT_READY);
    const byPercent = header(page).locator('[data-testid="sort-percent"]');
    await byPercent.click();
    await expect.poll(() => header(page).getAttribute('aria-sort')).toBe('ascending');
    await byPercent.click();
    await expect.poll(() => header(page).getAttribute('aria-sort')).toBe('descending');
    // Kept once the store has acknowledged it; reloading before that would race it.
    await page.locator('[data-testid="pivot"][data-config-saved="true"]').waitFor();

    await firstChart(page);
    await page.locator('[data-testid="chart-labels"]').uncheck();
    await page.locator('[data-testid="chart-type"]').selectOption('line');
    await expect.poll(() => chart(page).locator('.scatterlayer .trace').count()).toBe(2);
    // The title is left for the subtitle (written on blur); the subtitle is typed key by key and
    // written once the typing pauses: "saved" only once that write has landed.
    await page.locator('[data-testid="chart-title"]').fill(TITLE);
    await page.locator('[data-testid="chart-subtitle"]').fill('');
    await page.locator('[data-testid="chart-subtitle"]').pressSequentially(SUBTITLE);
    await page.locator('[data-testid="chart-options"][data-edits-saved="true"]').waitFor();

    await page.reload();
    await waitForDatabase(page);
    // The first rows drawn are already in the stored order: one list, highest % of target first.
    await pivotRows(page);
    expect(await header(page).getAttribute('aria-sort')).toBe('descending');
    expect(await page.locator('[data-testid="pivot"] tr.domain').count()).toBe(0);

    // The first chart drawn already carries the edits: no poll, it is never drawn without them.
    await firstChart(page);
    expect(await chart(page).locator('.gtitle').textContent()).toBe(TITLE);
    expect(await chart(page).locator('.gtitle-subtitle').textContent()).toBe(SUBTITLE);
    expect(await chart(page).locator('.scatterlayer .trace').count()).toBe(2);
    // Without data labels a point keeps only its estimate mark: no number is written on the chart.
    const pointTexts = await chart(page).locator('.scatterlayer .textpoint').allTextContents();
    expect(pointTexts.join('')).not.toMatch(/\d/);
    expect(await page.locator('[data-testid="chart-title"]').inputValue()).toBe(TITLE);
    expect(await page.locator('[data-testid="chart-subtitle"]').inputValue()).toBe(SUBTITLE);
    expect(await page.locator('[data-testid="chart-type"]').inputValue()).toBe('line');
    expect(await page.locator('[data-testid="chart-labels"]').isChecked()).toBe(false);
    expect(watched.problems).toEqual([]);
  });
});
