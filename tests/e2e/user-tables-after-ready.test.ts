import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForDatabase } from './support/browser.ts';
import { gridRows, runSql } from './support/sql.ts';
import { useWorkbenchPage } from './support/workbench-page.ts';

const watched = useWorkbenchPage();

const area = (page: Page, id: string) => page.locator(`nav [data-area="${id}"]`).click();

/**
 * From the next load on, the import worker (which reads a stored user table again) gets no message
 * until the test calls `window.releaseImportWorker()`: the restore is held for as long as the test
 * needs, however fast the machine is.
 */
async function holdImportWorker(page: Page): Promise<void> {
  await page.context().addInitScript(() => {
    const Original = window.Worker;
    const held: (() => void)[] = [];
    let released = false;
    Object.assign(window, {
      releaseImportWorker: () => {
        released = true;
        for (const send of held.splice(0)) send();
      },
    });
    window.Worker = class extends Original {
      readonly #held: boolean;
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.#held = /import\.worker-[^/]*\.js$/u.test(String(url));
      }
      override postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void {
        const send = () => super.postMessage(message, transfer as Transferable[]);
        if (this.#held && !released) held.push(send);
        else send();
      }
    };
  });
}

describe('user tables restored after "sẵn sàng"', () => {
  it('is ready with the warehouse first, then lists and queries the stored user table once it is back', async () => {
    const { page } = watched;
    await area(page, 'import');
    const csv = 'chi_tieu;nam;gia_tri\nTỷ lệ che phủ rừng;2023;63,5\nTỷ lệ hộ nghèo;2024;4,1\n';
    await page
      .locator('[data-testid="import-table-file"]')
      .setInputFiles({ name: 'Bảng lưu.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('[data-testid="user-table"][data-table="bang_luu"]').waitFor();

    await holdImportWorker(page);
    await page.reload();
    await waitForDatabase(page);
    // Ready while the user's table is still being read: the status says so, the warehouse answers.
    await page.locator('[data-testid="user-tables-loading"]').waitFor();
    expect(await page.locator('[data-testid="db-status"]').textContent()).toContain('đang tải bảng của bạn…');
    await area(page, 'sql');
    await runSql(page, 'SELECT count(*) > 0 FROM observations');
    expect(await gridRows(page)).toEqual([['true']]);
    expect(await page.locator('[data-testid="table-list"] li[data-table="bang_luu"]').count()).toBe(0);

    await page.evaluate(() =>
      (window as unknown as { releaseImportWorker: () => void }).releaseImportWorker(),
    );
    await page.locator('[data-testid="table-list"] li[data-table="bang_luu"]').waitFor();
    await page.locator('[data-testid="user-tables-loading"]').waitFor({ state: 'detached' });
    await runSql(page, 'SELECT chi_tieu, gia_tri FROM workspace.bang_luu ORDER BY nam');
    expect(await gridRows(page)).toEqual([
      ['Tỷ lệ che phủ rừng', '63,5'],
      ['Tỷ lệ hộ nghèo', '4,1'],
    ]);
  });
});
