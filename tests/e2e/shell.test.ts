import { describe, expect, it } from 'vitest';
import { waitForDatabase } from './support/browser.ts';
import { useWorkbenchPage } from './support/workbench-page.ts';
import { gridRows, openSqlArea, runSql, typeSql } from './support/sql.ts';
import { mkdir } from 'node:fs/promises';

describe('the workbench in web mode', () => {
  const watched = useWorkbenchPage({ waitForDatabase: false });

  it('starts DuckDB and lists the warehouse tables with row counts', async () => {
    const { page } = watched;
    await waitForDatabase(page);
    // The workbench opens on the indicators (the pivot), the SQL area one click away.
    expect(await page.locator('nav [data-area="pivot"]').getAttribute('aria-current')).toBe('page');
    await page.locator('[data-testid="pivot"] tr[data-indicator]').first().waitFor();
    await openSqlArea(page);
    const rows = page.locator('[data-testid="table-list"] > li[data-kind="table"]');
    // documents, indicators, observations and units (the unit table, for convert_unit), and the
    // app-owned corrections the review lays over them.
    await expect.poll(() => rows.count()).toBe(5);
    expect(
      Number(await page.locator('li[data-table="units"] .count').getAttribute('data-rows')),
    ).toBeGreaterThan(100);
    // The meaning layer (effective_observations, v_observations, preferred_observations,
    // plan_periods) and the three views built on it.
    expect(await page.locator('[data-testid="table-list"] > li[data-kind="view"]').count()).toBe(7);
    const documents = page.locator('li[data-table="documents"] .count');
    expect(await documents.getAttribute('data-rows')).toBe('5');
    expect(await documents.innerText()).toBe('5 dòng');
    const observations = Number(
      await page.locator('li[data-table="observations"] .count').getAttribute('data-rows'),
    );
    expect(observations).toBeGreaterThan(800);
  });

  it('shows the shell in Vietnamese, in the bundled font', async () => {
    const { page } = watched;
    const labels = await page.locator('nav .rail-item span').allInnerTexts();
    expect(labels).toEqual([
      'SQL',
      'Chỉ tiêu',
      'Biểu đồ',
      'Tài liệu',
      'Xuất báo cáo',
      'Rà soát',
      'Nhập dữ liệu',
    ]);
    const fontLoaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('16px "Be Vietnam Pro"', 'Chỉ tiêu Xuất báo cáo');
    });
    expect(fontLoaded).toBe(true);
    const fontFiles = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => name.includes('be-vietnam-pro-vietnamese')),
    );
    expect(fontFiles.length).toBeGreaterThan(0);
  });

  it('runs a query and shows its rows with Vietnamese number format', async () => {
    const { page } = watched;
    await typeSql(page, 'SELECT doc_id, 1234.5 AS so FROM documents ORDER BY doc_id');
    await page.locator('[data-testid="sql-run"]').click();
    await expect.poll(async () => (await gridRows(page)).length).toBe(5);
    expect((await gridRows(page))[0]?.[1]).toBe('1.234,5');
    expect(await page.locator('[data-testid="sql-stats"]').innerText()).toMatch(/^5 dòng · [\d.]+ ms$/);
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/shell.png' });
  });

  it('shows an invalid query as a readable error at its place, and keeps working', async () => {
    const { page } = watched;
    await runSql(page, 'SELECT 1;\nSELEC * FROM documents');
    const error = page.locator('[data-testid="sql-error"]');
    await error.waitFor();
    expect(await error.innerText()).toContain('Lỗi truy vấn: Câu lệnh SQL không hợp lệ');
    expect(await error.innerText()).toContain('tại dòng 2, cột 1');
    expect(await error.innerText()).toContain('syntax error at or near "SELEC"');
    expect(await page.locator('.cm-lintRange-error').count()).toBeGreaterThan(0);
    await runSql(page, 'SELECT count(*) AS n FROM documents');
    await expect.poll(async () => (await gridRows(page))[0]?.[0]).toBe('5');
    expect(await error.count()).toBe(0);
  });

  it('switches to English and back', async () => {
    const { page } = watched;
    await page.locator('[data-testid="locale-toggle"]').click();
    await expect
      .poll(() => page.locator('nav .rail-item span').allInnerTexts())
      .toEqual(['SQL', 'Indicators', 'Charts', 'Documents', 'Export', 'Review', 'Import']);
    await page.locator('[data-testid="locale-toggle"]').click();
    await expect.poll(() => page.locator('nav .rail-item').nth(1).innerText()).toBe('Chỉ tiêu');
  });

  it('sent no request off the machine and logged no console error', () => {
    expect(watched.problems).toEqual([]);
  });
});
