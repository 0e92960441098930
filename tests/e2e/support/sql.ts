import type { Page } from 'playwright-core';
import { openSqlArea, typeSql } from '../../../scripts/lib/workbench-page.ts';

export { openSqlArea, typeSql };

/** Runs the statement under the cursor with Ctrl+Enter and waits until the run has finished. */
export async function runSql(page: Page, sql: string): Promise<void> {
  await typeSql(page, sql);
  await page.keyboard.press('Control+Enter');
  await page.locator('[data-testid="sql-run"]:not([disabled])').waitFor();
}

/** The text of the result grid's cells, row by row (only the rows drawn). */
export async function gridRows(page: Page): Promise<string[][]> {
  return page
    .locator('[data-testid="result-grid"] tbody tr[data-row]')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('td')]
          .filter((cell) => !cell.classList.contains('source'))
          .map((cell) => cell.textContent?.trim() ?? ''),
      ),
    );
}
