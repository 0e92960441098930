import { mkdir } from 'node:fs/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import { waitForDatabase } from './support/browser.ts';
import { useWorkbenchPage } from './support/workbench-page.ts';
import { gridRows, openSqlArea, runSql, typeSql } from './support/sql.ts';

describe('the SQL workbench', () => {
  const watched = useWorkbenchPage({ permissions: ['clipboard-read', 'clipboard-write'] });

  it('offers a column while typing', async () => {
    const { page } = watched;
    await typeSql(page, 'SELECT sentence_s');
    await page.keyboard.press('Control+Space');
    const option = page.locator('.cm-tooltip-autocomplete li', { hasText: 'sentence_start' });
    await option.first().waitFor();
    await page.keyboard.press('Escape');
  });

  it('runs the statement under the cursor with Ctrl+Enter, and every statement with Ctrl+Shift+Enter', async () => {
    const { page } = watched;
    await typeSql(page, 'SELECT 1 AS mot;\nSELECT 2 AS hai;');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await gridRows(page))[0]).toEqual(['1']);
    await page.keyboard.press('Control+Shift+Enter');
    await expect.poll(async () => (await gridRows(page))[0]).toEqual(['2']);
  });

  it('stops a deliberately slow query with Cancel, then answers the next one', async () => {
    const { page } = watched;
    await typeSql(page, 'SELECT sum(a.range * b.range) FROM range(200000) a, range(200000) b');
    await page.keyboard.press('Control+Enter');
    await page.locator('[data-testid="sql-cancel"]').click();
    const error = page.locator('[data-testid="sql-error"]');
    await error.waitFor();
    expect(await error.innerText()).toContain('Truy vấn đã bị dừng');
    await runSql(page, 'SELECT 42 AS sau_khi_dung');
    await expect.poll(async () => (await gridRows(page))[0]).toEqual(['42']);
  });

  it('copies a selection as tab-separated values, decimal commas by default in Vietnamese, points by choice', async () => {
    const { page } = watched;
    await runSql(
      page,
      "SELECT 1234.5 AS so, 'tăng trưởng' AS chu, NULL AS rong UNION ALL SELECT 6.79, 'b', 1",
    );
    const cells = page.locator('[data-testid="result-grid"] tbody tr[data-row] td:not(.source)');
    expect(await cells.first().innerText()).toBe('1.234,5');
    await cells.nth(0).click();
    await cells.nth(5).click({ modifiers: ['Shift'] });
    await page.locator('[data-testid="result-grid"]').press('Control+c');
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe('1234,5\ttăng trưởng\t\n6,79\tb\t1');
    await page.locator('[data-testid="tsv-decimals"]').selectOption('raw');
    await page.locator('[data-testid="result-grid"]').press('Control+c');
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe('1234.5\ttăng trưởng\t\n6.79\tb\t1');
  });

  it('keeps the warehouse whole: DROP TABLE observations loses nothing', async () => {
    const { page } = watched;
    await runSql(page, 'SELECT count(*) AS n FROM observations');
    const before = (await gridRows(page))[0]?.[0];
    await runSql(page, 'DROP TABLE observations');
    await page.locator('[data-testid="restored-notice"]').waitFor();
    await runSql(page, 'SELECT count(*) AS n FROM observations');
    await expect.poll(async () => (await gridRows(page))[0]?.[0]).toBe(before);
    await runSql(page, 'CREATE TABLE ghi_chu AS SELECT 1 AS x');
    await page.locator('[data-testid="reset-workspace"]').click();
    await runSql(page, "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'ghi_chu'");
    await expect.poll(async () => (await gridRows(page))[0]?.[0]).toBe('0');
  });

  it('lists the GRDP growth 2021–2025 disagreement in v_conflicts', async () => {
    const { page } = watched;
    await runSql(
      page,
      "SELECT value_low, doc_id FROM v_conflicts WHERE indicator_id = 'grdp_growth' AND measure = 'actual' AND period_start = 2021 AND period_end = 2025 ORDER BY value_low",
    );
    const values = (await gridRows(page)).map((row) => row[0]);
    expect(values).toEqual(expect.arrayContaining(['6,79%', '7,1%'].map((value) => value.replace('%', ''))));
  });

  it('opens the document at the sentence of a figure, and back into SQL from a highlight', async () => {
    const { page } = watched;
    await runSql(
      page,
      "SELECT obs_id, value_low FROM observations WHERE indicator_id = 'grdp_growth' AND value_low = 6.79 AND period_start = 2021",
    );
    await page.locator('[data-testid="open-source"]').first().click();
    const focused = page.locator('[data-testid="document-reader"] [data-focus="true"]');
    await focused.waitFor();
    expect(await focused.innerText()).toBe('6,79%');
    const sentence = await page.locator('[data-testid="focused-sentence"]').allInnerTexts();
    expect(sentence.join(' ')).toContain('tốc độ tăng tổng sản phẩm trên địa bàn (GRDP)');
    expect(await page.locator('[data-testid="document-meta"]').innerText()).toContain(
      'Ủy ban nhân dân tỉnh Lạng Sơn',
    );
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/provenance.png' });
    // A highlight opens the figure panel; its "Xem SQL" opens the figure in SQL.
    await focused.click();
    await page.locator('[data-testid="figure-panel"] [data-testid="figure-sql"]').click();
    await page.locator('.cm-content').waitFor();
    // The key columns first: indicator, value, unit.
    await expect
      .poll(async () => (await gridRows(page))[0]?.slice(0, 4))
      .toEqual(['Tốc độ tăng trưởng kinh tế (GRDP)', '6,79%', '6,79%', '%']);
    const figureTabs = page.locator('[role="tab"]', { hasText: /^Số liệu$/ });
    expect(await figureTabs.count()).toBe(1);
    const tabs = await page.locator('[role="tab"]').count();
    // A second figure replaces the first in the same "Số liệu" tab.
    await page.locator('nav [data-area="documents"]').click();
    const other = page.locator('[data-testid="document-reader"] .figure:not([data-focus="true"])').first();
    const otherObs = await other.getAttribute('data-obs');
    await other.click();
    await page
      .locator(`[data-testid="figure-panel"] [data-testid="figure-detail"][data-obs-id="${otherObs}"]`)
      .waitFor();
    await page.locator('[data-testid="figure-panel"] [data-testid="figure-sql"]').click();
    await expect.poll(async () => (await gridRows(page))[0]?.at(-1)).toBeDefined();
    await expect.poll(async () => (await gridRows(page))[0]?.some((cell) => cell === otherObs)).toBe(true);
    expect(await page.locator('[role="tab"]').count()).toBe(tabs);
    expect(await figureTabs.count()).toBe(1);
  });

  it('reads a document in paragraphs, footnotes apart and their references raised', async () => {
    const { page } = watched;
    onTestFinished(() => page.locator('nav [data-area="sql"]').click());
    await page.locator('nav [data-area="documents"]').click();
    await page.locator('[data-doc="2025_bao-cao-ktxh-2021-2025_phuong-huong-2026-2030"]').click();
    const reader = page.locator('[data-testid="document-reader"]');
    await reader.locator('[data-testid="footnote"]').first().waitFor();
    const paragraph = reader.locator('p.paragraph', { hasText: 'bố trí cơ cấu hợp lý' });
    expect(await paragraph.locator('[data-testid="footnote-reference"]', { hasText: '30' }).count()).toBe(1);
    // The reference is its own raised element, not digits glued to the word.
    expect(
      await paragraph.locator('[data-testid="footnote-reference"]', { hasText: '30' }).evaluate((element) => {
        const before = document.createRange();
        before.setStart(element.parentElement!, 0);
        before.setEndBefore(element);
        return [element.tagName, before.toString().endsWith('chất lượng')];
      }),
    ).toEqual(['SUP', true]);
    expect(await reader.locator('[data-testid="footnote"][data-footnote="30"]').count()).toBe(1);
    await mkdir('test-results', { recursive: true });
    await paragraph.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/document-reader.png' });
  });

  it('keeps the history and a saved query across a reload', async () => {
    const { page } = watched;
    await runSql(page, "SELECT 'lịch sử' AS kiem_tra");
    await page.locator('[data-testid="library-tab"]').click();
    await page.locator('[data-testid="save-name"]').fill('Truy vấn kiểm tra lưu');
    await page.locator('[data-testid="save-query"]').click();
    // "Đã lưu" appears only once the query is durable: reloading then loses nothing.
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    await page.reload();
    await waitForDatabase(page);
    await openSqlArea(page);
    await page.locator('[data-testid="library-tab"]').click();
    await page.locator('[data-testid="saved-query"]', { hasText: 'Truy vấn kiểm tra lưu' }).waitFor();
    await page.locator('[data-testid="history-tab"]').click();
    expect(await page.locator('[data-testid="history-list"]').innerText()).toContain(
      "SELECT 'lịch sử' AS kiem_tra",
    );
  });

  it('scrolls 100,000 rows drawing only those in view, and exports them all as CSV', async () => {
    const { page } = watched;
    await runSql(page, 'SELECT range AS so_thu_tu, range * 1.5 AS gia_tri FROM range(100000)');
    await expect
      .poll(async () => page.locator('[data-testid="sql-stats"]').innerText())
      .toMatch(/^100\.000 dòng/);
    const drawn = await page.locator('[data-testid="result-grid"] tbody tr[data-row]').count();
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(200);
    await page
      .locator('[data-testid="result-grid"]')
      .evaluate((grid) => (grid.scrollTop = grid.scrollHeight));
    await expect.poll(async () => (await gridRows(page)).at(-1)?.[0]).toBe('99.999');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="export-result"]').click(),
    ]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const csv = await readFile(path, 'utf8');
    expect(csv.startsWith('\ufeffso_thu_tu,gia_tri\n0,0\n1,1.5\n')).toBe(true);
    expect(csv.trimEnd().split('\n')).toHaveLength(100_001);
  });

  it('sent no request off the machine and logged no console error', () => {
    expect(watched.problems).toEqual([]);
  });
});
