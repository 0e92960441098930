import { describe, expect, it } from 'vitest';
import { gridRows, runSql } from './support/sql.ts';
import { useWorkbenchPage } from './support/workbench-page.ts';

describe('the result grid', () => {
  const watched = useWorkbenchPage();

  it('draws the first rows of a re-run query even when the grid was scrolled down (was blank)', async () => {
    const { page } = watched;
    await page.locator('nav [data-area="sql"]').click();
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
