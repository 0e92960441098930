// The bench's user table: a CSV of `rows` figures (chỉ tiêu; năm; giá trị; đơn vị) imported through
// "Thêm bảng" of the built workbench in Chromium, then mapped to figures ("Dùng làm số liệu"), the
// way a statistician brings their own table. Prints nothing, asserts nothing.
import type { Browser } from 'playwright-core';
import { sampleRendererPeak } from '../lib/bench-user-rows.ts';
import { pageNow, waitForDatabase } from '../lib/workbench-page.ts';

const TIMEOUT = 900_000;
const SAMPLE_MS = 200;

/** What one import of the table took, in the page's own clock. */
export interface ImportTableBench {
  csv_mb: number;
  /** From the file chosen to the notice that the table is made (parse, load, save). */
  table_ms: number;
  /** From "Dùng làm số liệu" to the notice that its figures are in the workspace. */
  map_ms: number;
  /** The largest renderer memory from the file chosen to that notice (the pivot's idle table after it is not included). */
  renderer_peak_mb: number;
}

/**
 * Imports and maps a generated CSV of `rows` rows into a fresh context of the workbench at `appUrl`.
 * The file is made in the page and given to the file input there, as a chosen file is: the bench's
 * own transfer of a file into the page (seconds for 45 MB) is not the user's.
 */
export async function benchImportTable(
  browser: Browser,
  appUrl: string,
  rows: number,
): Promise<ImportTableBench> {
  const context = await browser.newContext();
  const peak = sampleRendererPeak(SAMPLE_MS);
  try {
    const page = await context.newPage();
    await page.goto(appUrl);
    await waitForDatabase(page, TIMEOUT);
    await page.locator('nav [data-area="import"]').click();
    await page.locator('[data-testid="import-area"][data-restored="true"]').waitFor({ timeout: TIMEOUT });
    const { chosen, bytes } = await page.evaluate((count) => {
      const lines = ['Chỉ tiêu;Năm;Giá trị;Đơn vị'];
      for (let i = 0; i < count; i++)
        lines.push(`Chỉ tiêu của người dùng ${i % 50_000};${2000 + (i % 26)};${(i % 997) / 10};%`);
      const file = new File([`${lines.join('\n')}\n`], 'bang-nguoi-dung.csv', { type: 'text/csv' });
      const input = document.querySelector<HTMLInputElement>('[data-testid="import-table-file"]')!;
      const files = new DataTransfer();
      files.items.add(file);
      input.files = files.files;
      const at = performance.now();
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return { chosen: at, bytes: file.size };
    }, rows);
    await page.locator('[data-testid="import-notice"][data-kind="done"]').waitFor({ timeout: TIMEOUT });
    const tableMs = (await pageNow(page)) - chosen;
    const table = page.locator('[data-testid="user-table"][data-table="bang_nguoi_dung"]');
    await table.locator('[data-testid="open-mapping"]').click();
    await table.locator('[data-testid="mapping-form"]').waitFor({ timeout: TIMEOUT });
    const mapping = await pageNow(page);
    await table.locator('[data-testid="map-table"]').click();
    await page
      .locator('[data-testid="import-notice"][data-key="importArea.tableMapped"]')
      .waitFor({ timeout: TIMEOUT });
    const mapMs = (await pageNow(page)) - mapping;
    peak.sample();
    return {
      csv_mb: Math.round(bytes / 1e4) / 100,
      table_ms: Math.round(tableMs),
      map_ms: Math.round(mapMs),
      renderer_peak_mb: peak.mb,
    };
  } finally {
    peak.stop();
    await context.close();
  }
}
