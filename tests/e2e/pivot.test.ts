import { mkdir } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { waitForDatabase } from './support/browser.ts';
import { useWorkbenchPage } from './support/workbench-page.ts';
import { revealPivotRow, scrollThroughPivot, searchPivot } from './support/pivot.ts';
import { gridRows } from './support/sql.ts';

// One pivot computation on a cold engine takes seconds, and more on a machine shared by many runs.
const PIVOT_READY = { timeout: 120_000 };

/** The pivot is the home: waits until it has drawn its first rows. */
async function openPivot(page: Page): Promise<void> {
  await waitForDatabase(page);
  await page.locator('nav [data-area="pivot"]').click();
  // A row per indicator, or a column per indicator when rows and columns are swapped.
  await page.locator('[data-testid="pivot"] [data-indicator]').first().waitFor(PIVOT_READY);
}

/** Searches the pivot and waits until it shows `indicator`'s row. */
async function search(page: Page, text: string, indicator: string): Promise<void> {
  await searchPivot(page, text);
  await page.locator(`[data-testid="pivot"] tr[data-indicator="${indicator}"]`).first().waitFor(PIVOT_READY);
}

describe('the period pivot', () => {
  const watched = useWorkbenchPage({ waitForDatabase: false });

  beforeAll(async () => {
    await openPivot(watched.page);
  });

  it('shows GRDP growth across 2016–2020, 2021–2025 (with its yearly results), 2026–2030 and the 2026 plan', async () => {
    const { page } = watched;
    // Single years are shown by default.
    expect(await page.locator('[data-testid="expand-years"]').isChecked()).toBe(true);
    await search(page, 'tang truong kinh te', 'grdp_growth');
    const row = page.locator('[data-testid="pivot"] tr[data-indicator="grdp_growth"]');
    const cell = (period: string) => row.locator(`td[data-period="${period}"]`);
    await expect
      .poll(() => cell('2016-2020').locator('[data-testid="actual-value"]').innerText())
      .toBe('5,2%');
    expect(await cell('2016-2020').locator('[data-testid="target-value"]').innerText()).toBe('8–9%');
    expect(await cell('2021-2025').locator('[data-testid="target-value"]').innerText()).toBe('7–7,5%');
    expect(await cell('2021-2025').locator('[data-testid="actual-value"]').innerText()).toBe('6,79%');
    expect(await cell('2021-2025').locator('[data-testid="status"]').innerText()).toBe('không đạt');
    expect(await cell('2021-2025').locator('[data-testid="conflict-badge"]').count()).toBe(1);
    const years = await Promise.all(
      ['2021', '2022', '2023', '2024', '2025'].map((year) =>
        cell(year).locator('[data-testid="actual-value"]').innerText(),
      ),
    );
    expect(years).toEqual(['6,75%', '6,63%', '7,7%', '6,01%', '8,06%']);
    expect(await cell('2026-2030').locator('[data-testid="target-value"]').innerText()).toBe('10–11%');
    expect(await cell('2026').locator('[data-testid="target-value"]').innerText()).toMatch(/^(≥10%|10–11%)$/);
    // The calculated measures: 6,79 against at least 7 is 97% of the target, 0,21 points short.
    expect(await cell('2021-2025').locator('[data-testid="percent-of-target"]').innerText()).toBe('97% KH');
    expect(await cell('2021-2025').locator('[data-testid="target-gap"]').innerText()).toBe(
      'chênh -0,21 điểm %',
    );
    expect(await cell('2022').locator('[data-testid="yoy-change"]').innerText()).toBe(
      '-0,12 điểm % so với năm trước',
    );
    await cell('2021-2025').locator('[data-testid="conflict-badge"]').click();
    const sources = await page.locator('[data-testid="source-list"]').innerText();
    expect(sources).toContain('6,79');
    expect(sources).toContain('7,1');
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/pivot.png' });
  });

  it('lists consistency flags beside the pivot', async () => {
    const { page } = watched;
    const checks = page.locator('[data-testid="consistency-checks"]');
    await expect.poll(() => checks.locator('li[data-kind="series_vs_period"]').count()).toBeGreaterThan(0);
  });

  it('swaps rows and columns, and keeps the layout after a reload', async () => {
    const { page } = watched;
    await page.locator('[data-testid="swap-axes"]').click();
    await page.locator('[data-testid="pivot"][data-swapped="true"]').waitFor();
    expect(await page.locator('[data-testid="pivot"] tbody tr[data-period="2021-2025"]').count()).toBe(1);
    // The layout is kept once the store has acknowledged it; reloading before that would race it.
    await page.locator('[data-testid="pivot"][data-swapped="true"][data-config-saved="true"]').waitFor();
    await page.reload();
    await openPivot(page);
    await page.locator('[data-testid="pivot"][data-swapped="true"]').waitFor();
    expect(await page.locator('[data-testid="pivot-search"]').inputValue()).toBe('tang truong kinh te');
    await page.locator('[data-testid="swap-axes"]').click();
    await page.locator('[data-testid="pivot"][data-swapped="false"]').waitFor();
  });

  it('opens its exact SQL in the SQL tab, which returns the same numbers', async () => {
    const { page } = watched;
    await page.locator('[data-testid="show-sql"]').click();
    await page.locator('.cm-content').waitFor();
    await expect.poll(async () => (await gridRows(page)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    const cells = (await gridRows(page)).flat();
    expect(cells).toContain('6,79');
    expect(cells).toContain('7,5');
    // The pivot's own query, over the meaning layer (not the app connection's table of its figures).
    const sql = await page.locator('.cm-content').innerText();
    expect(sql).toContain('WITH candidates AS (');
    expect(sql).not.toContain('pivot_figures');
    expect(sql).toContain('"memory"."main"."preferred_figures"(NULL)');
  });

  it('shows tourists in one row, in nghìn lượt, with the target, the result and its badge side by side', async () => {
    const { page } = watched;
    await page.locator('nav [data-area="pivot"]').click();
    await search(page, 'luong khach du lich', 'tourist_arrivals');
    const rows = page.locator('[data-testid="pivot"] tbody tr[data-indicator="tourist_arrivals"]');
    expect(await rows.count()).toBe(1);
    expect(await rows.locator('th').innerText()).toBe('Lượng khách du lịch (nghìn lượt)');
    const cell = (period: string) => rows.locator(`td[data-period="${period}"]`);
    // 4.400.000 lượt người (target) and 4,4 triệu lượt (result) are both 4.400 nghìn lượt.
    expect(await cell('2021-2025').locator('[data-testid="target-value"]').innerText()).toBe(
      '4.400 nghìn lượt',
    );
    expect(await cell('2021-2025').locator('[data-testid="actual-value"]').innerText()).toBe(
      '4.400 nghìn lượt',
    );
    expect(await cell('2021-2025').locator('[data-testid="status"]').innerText()).toBe('đạt');
    expect(await cell('2021-2025').locator('[data-testid="cagr"]').innerText()).toBe(
      'bình quân 7,3%/năm (2020–2025)',
    );
    // The coming year's plan is on screen without asking for single years.
    expect(await cell('2026').locator('[data-testid="target-value"]').innerText()).toBe('4.700 nghìn lượt');
  });

  it('folds the checks, which follow the search, name indicators and point at their rows', async () => {
    const { page } = watched;
    const checks = page.locator('[data-testid="consistency-checks"] li');
    await search(page, 'tang truong kinh te', 'grdp_growth');
    expect(await checks.count()).toBeGreaterThan(0);
    const about = await checks.allInnerTexts();
    expect(about.join(' ')).toContain('Tốc độ tăng trưởng kinh tế');
    expect(about.join(' ')).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
    await search(page, 'so buong luu tru', 'tourism_rooms');
    expect(await checks.count()).toBe(0);
    await search(page, 'tang truong kinh te', 'grdp_growth');
    expect(await checks.count()).toBeGreaterThan(0);
    await checks.first().locator('[data-testid="check-focus"]').click();
    await page.locator('[data-testid="pivot"] tr.focused').first().waitFor();
    await page.locator('[data-testid="checks-toggle"]').click();
    await expect.poll(() => checks.count()).toBe(0);
    await page.locator('[data-testid="checks-toggle"]').click();
    await expect.poll(() => checks.count()).toBeGreaterThan(0);
  });

  it('draws only the rows near the screen, yet shows a row at every depth and brings a check’s row on screen', async () => {
    const { page } = watched;
    await searchPivot(page, '');
    const wrap = page.locator('[data-testid="pivot"]');
    await wrap.locator('tbody tr[data-indicator]').first().waitFor(PIVOT_READY);
    const total = Number(await wrap.locator('table').getAttribute('aria-rowcount'));
    expect(total).toBeGreaterThan(300);
    expect(await wrap.locator('tbody tr[data-indicator]').count()).toBeLessThan(total / 4);
    // Points down the screen that fall on no drawn row (a spacer's blank), wherever it is scrolled.
    const blanks = (): Promise<number[]> =>
      wrap.evaluate((element) => {
        const box = element.getBoundingClientRect();
        const found: number[] = [];
        for (let y = box.top + 70; y < box.bottom - 5; y += 30) {
          const row = document.elementFromPoint(box.left + 60, y)?.closest('tr');
          if (!row || row.classList.contains('spacer')) found.push(Math.round(y - box.top));
        }
        return found;
      });
    // Whether a row is drawn within the table's screen.
    const onScreen = async (row: Locator): Promise<boolean> => {
      const [box, screen] = [await row.boundingBox(), await wrap.boundingBox()];
      return (
        box !== null && screen !== null && box.y >= screen.y && box.y + box.height <= screen.y + screen.height
      );
    };
    for (const depth of [0.2, 0.5, 0.8, 1, 0.35, 0]) {
      await wrap.evaluate((element, at) => (element.scrollTop = element.scrollHeight * at), depth);
      await expect.poll(blanks).toEqual([]);
    }
    // Scrolled to the end, a search that leaves a few rows shows them (the table shrank under it).
    await wrap.evaluate((element) => (element.scrollTop = element.scrollHeight));
    await search(page, 'tang truong kinh te', 'grdp_growth');
    await expect.poll(() => onScreen(wrap.locator('tr[data-indicator="grdp_growth"]').first())).toBe(true);
    await searchPivot(page, '');
    const rows = await scrollThroughPivot(page, (drawn) =>
      drawn.map((row) => row.getAttribute('data-indicator')),
    );
    expect(rows.length).toBeGreaterThan(300);
    // A check about a row far down the table scrolls it on screen, drawn.
    await wrap.evaluate((element) => (element.scrollTop = 0));
    const toggle = page.locator('[data-testid="checks-toggle"]');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await page.locator('[data-testid="check-focus"]').last().click();
    const focused = wrap.locator('tr.focused').first();
    await focused.waitFor();
    await expect.poll(() => onScreen(focused)).toBe(true);
    expect(await wrap.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
    await toggle.click();
  });

  it('fits 1280×720 with the 2026–2030 column on screen, in Vietnamese and in English', async () => {
    const { page } = watched;
    await page.setViewportSize({ width: 1280, height: 720 });
    // The area is drawn again at this size: the checks start folded.
    await page.locator('nav [data-area="documents"]').click();
    await page.locator('nav [data-area="pivot"]').click();
    await searchPivot(page, '');
    await revealPivotRow(page, 'tourist_arrivals');
    const header = page.locator('[data-testid="pivot"] thead th', { hasText: '2026–2030' });
    const box = await header.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(1280);
    // Opened, the checks are a drawer under the pivot: they take none of its width, and the last
    // period's header stays on screen, clear of the drawer.
    const tableWidth = async (): Promise<number> =>
      (await page.locator('[data-testid="pivot"]').boundingBox())!.width;
    const foldedWidth = await tableWidth();
    await page.locator('[data-testid="checks-toggle"]').click();
    await page.locator('[data-testid="checks-toggle"][aria-expanded="true"]').waitFor();
    expect(await tableWidth()).toBe(foldedWidth);
    await header.scrollIntoViewIfNeeded();
    const opened = (await header.boundingBox())!;
    const drawer = (await page.locator('[data-testid="consistency-checks"]').boundingBox())!;
    expect(opened.x + opened.width).toBeLessThanOrEqual(1280);
    expect(opened.y + opened.height).toBeLessThanOrEqual(Math.min(720, drawer.y));
    await page.locator('[data-testid="checks-toggle"]').click();
    await page.locator('[data-testid="checks-toggle"][aria-expanded="false"]').waitFor();
    await page.screenshot({ path: 'test-results/pivot-1280-vi.png' });
    await page.locator('[data-testid="locale-toggle"]').click();
    await page.locator('html[lang="en"]').waitFor();
    // In English the rows follow the English names: the row is looked for again.
    await revealPivotRow(page, 'tourist_arrivals');
    const growth = page.locator('[data-testid="pivot"] tr[data-indicator="tourist_arrivals"] th');
    await expect.poll(() => growth.innerText()).toBe('Tourist arrivals (thousand visits)');
    await page.screenshot({ path: 'test-results/pivot-1280-en.png' });
    await page.locator('[data-testid="locale-toggle"]').click();
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('sent no request off the machine and logged no console error', () => {
    expect(watched.problems).toEqual([]);
  });
});
