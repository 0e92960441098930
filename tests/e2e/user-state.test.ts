import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, waitForDatabase } from './support/browser.ts';
import { holdDatabase, releaseDatabase } from './support/hold-database.ts';
import { gridRows, openSqlArea, runSql, typeSql } from './support/sql.ts';

// 50 of each, as the issue asks; each run loads the whole app, about a second on an idle machine.
const RUNS = Number(process.env.USER_STATE_RUNS ?? 50);
const LANES = 4;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function newContext(held: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  if (held) await holdDatabase(context);
  return context;
}

/** Opens the query library and waits until the saved state has been read. */
async function openLibrary(page: Page): Promise<void> {
  await openSqlArea(page);
  await page.locator('[data-testid="library-tab"]').click();
  await page.locator('[data-testid="library"][data-loaded="true"]').waitFor();
}

/** Saves the active tab's SQL under `name` and waits for the acknowledgement ("Đã lưu"). */
async function saveQuery(page: Page, name: string): Promise<void> {
  await page.locator('[data-testid="save-name"]').fill(name);
  await page.locator('[data-testid="save-query"]:not([disabled])').click();
  await page.locator('[data-testid="save-status"][data-state="saved"]', { hasText: name }).waitFor();
}

async function savedNames(page: Page): Promise<string[]> {
  await openLibrary(page);
  return page.locator('[data-testid="saved-query"] .open').allInnerTexts();
}

const status = (page: Page) => page.locator('[data-testid="db-status"]').getAttribute('data-status');

/** The stored tabs, read from IndexedDB itself. */
function storedTabs(page: Page): Promise<{ id: string; text: string }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('chi-tieu-workbench');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result
            .transaction('items')
            .objectStore('items')
            .getAll(IDBKeyRange.bound(['sql-tabs'], ['sql-tabs', []]));
          request.onsuccess = () => (open.result.close(), resolve(request.result));
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

describe('saved queries are never lost', () => {
  it(`survive a reload straight after "Đã lưu", ${RUNS} times, saved while the database is still starting`, async () => {
    const context = await newContext(true);
    const first = await context.newPage();
    await first.goto(inject('baseUrl'), { waitUntil: 'commit' });
    const starters = await savedNames(first);
    expect(starters.length).toBeGreaterThan(0);
    // Several pages of one profile at once: each save must merge with the others', not replace them.
    const pages = [first, ...(await Promise.all(Array.from({ length: LANES - 1 }, () => context.newPage())))];
    await Promise.all(
      pages.map(async (page, lane) => {
        if (page !== first) await page.goto(inject('baseUrl'), { waitUntil: 'commit' });
        for (let run = lane; run < RUNS; run += LANES) {
          await openLibrary(page);
          await saveQuery(page, `Tải lại ${run}`);
          expect(await status(page)).toBe('starting');
          await page.reload({ waitUntil: 'commit' });
        }
      }),
    );
    // Read back on a fresh load: a page shows only what was stored when it loaded. Its last reload
    // has only committed; a second one sent at once may reach Chromium while it still swaps the
    // page's document: the likely cause of one CI run's "Not attached to an active page" here.
    await first.waitForLoadState('domcontentloaded');
    await first.reload({ waitUntil: 'commit' });
    const names = await savedNames(first);
    const lost = Array.from({ length: RUNS }, (_, run) => `Tải lại ${run}`).filter(
      (name) => !names.includes(name),
    );
    expect(lost).toEqual([]);
    // Saving before the database was ready erased nothing saved earlier, the starter set included.
    expect(names).toEqual(expect.arrayContaining(starters));
    await context.close();
  }, 300_000);

  // What lost 'Tải lại 12' and 'Tải lại 21' in CI: ids were the millisecond plus a counter that starts
  // at 0 in every page, so two pages saving in the same millisecond wrote the same id. A fixed clock
  // makes that coincidence certain instead of rare.
  it('keeps both queries when two pages of one profile save in the same millisecond', async () => {
    const context = await newContext(true);
    await context.clock.setFixedTime(new Date('2026-12-01T08:00:00Z'));
    const pages = await Promise.all([context.newPage(), context.newPage()]);
    for (const [lane, page] of pages.entries()) {
      await page.goto(inject('baseUrl'), { waitUntil: 'commit' });
      await openLibrary(page);
      await saveQuery(page, `Cùng lúc ${lane}`);
    }
    const reader = await context.newPage();
    await reader.goto(inject('baseUrl'), { waitUntil: 'commit' });
    expect(await savedNames(reader)).toEqual(expect.arrayContaining(['Cùng lúc 0', 'Cùng lúc 1']));
    await context.close();
  });

  it(`survive closing the page straight after "Đã lưu", ${RUNS} times`, async () => {
    const context = await newContext(true);
    await Promise.all(
      Array.from({ length: LANES }, async (_, lane) => {
        for (let run = lane; run < RUNS; run += LANES) {
          const page = await context.newPage();
          await page.goto(inject('baseUrl'), { waitUntil: 'commit' });
          await openLibrary(page);
          await saveQuery(page, `Đóng ${run}`);
          await page.close();
        }
      }),
    );
    const page = await context.newPage();
    await page.goto(inject('baseUrl'), { waitUntil: 'commit' });
    const names = await savedNames(page);
    const lost = Array.from({ length: RUNS }, (_, run) => `Đóng ${run}`).filter(
      (name) => !names.includes(name),
    );
    expect(lost).toEqual([]);
    await context.close();
  }, 300_000);

  it('keeps earlier saved queries and open tabs when the user types and saves before the database is ready', async () => {
    const context = await newContext(true);
    const page = await context.newPage();
    await page.goto(inject('baseUrl'));
    await openLibrary(page);
    await saveQuery(page, 'Trước đó');
    await page.locator('[data-testid="new-tab"]').click();
    await page.locator('[data-testid="new-tab"]').click();
    await typeSql(page, 'SELECT 3 AS tab_ba');
    await expect
      .poll(async () => (await storedTabs(page)).map((tab) => tab.text))
      .toContain('SELECT 3 AS tab_ba');
    expect(await storedTabs(page)).toHaveLength(3);

    await page.reload();
    await openSqlArea(page);
    expect(await status(page)).toBe('starting');
    await typeSql(page, "SELECT 'gõ trước khi sẵn sàng'");
    await openLibrary(page);
    await saveQuery(page, 'Lưu khi đang khởi động');
    expect(await status(page)).toBe('starting');
    expect(await page.locator('.tabs .tab').count()).toBe(3);
    await expect
      .poll(async () => (await storedTabs(page)).map((tab) => tab.text))
      .toContain("SELECT 'gõ trước khi sẵn sàng'");

    // Now let the database start, and read everything back.
    await releaseDatabase(page);
    await page.reload();
    await waitForDatabase(page);
    await openSqlArea(page);
    expect(await page.locator('.tabs .tab').count()).toBe(3);
    expect(await page.locator('.cm-content').innerText()).toBe("SELECT 'gõ trước khi sẵn sàng'");
    expect(await savedNames(page)).toEqual(expect.arrayContaining(['Trước đó', 'Lưu khi đang khởi động']));
    await context.close();
  });

  it('skips and reports a stored item that fails validation, keeping every good one', async () => {
    const context = await newContext(true);
    const page = await context.newPage();
    await page.goto(inject('baseUrl'), { waitUntil: 'commit' });
    await openLibrary(page);
    await saveQuery(page, 'Vẫn còn');
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('chi-tieu-workbench');
          open.onsuccess = () => {
            const transaction = open.result.transaction('items', 'readwrite');
            transaction.objectStore('items').put({ id: 'hong', name: 42 }, ['saved-queries', 'hong']);
            transaction.oncomplete = () => (open.result.close(), resolve());
            transaction.onerror = () => reject(transaction.error);
          };
        }),
    );
    await page.reload({ waitUntil: 'commit' });
    const notice = page.locator('[data-testid="store-invalid"]');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('1 mục đã lưu không đọc được (saved-queries)');
    expect(await savedNames(page)).toContain('Vẫn còn');
    await context.close();
  });

  it('reads what version 0.1 saved (whole lists in one IndexedDB store) when it upgrades', async () => {
    const context = await newContext(true);
    const page = await context.newPage();
    // Any page of the origin will do to create the old database before the app first opens it.
    await page.goto(new URL('missing-page', inject('baseUrl')).href);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('chi-tieu-workbench', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('documents');
          open.onsuccess = () => {
            const transaction = open.result.transaction('documents', 'readwrite');
            const documents = transaction.objectStore('documents');
            documents.put(
              [{ id: 'q-old', name: 'Từ bản cũ', folder: 'Cũ', sql: 'SELECT 1' }],
              'saved-queries',
            );
            documents.put(
              {
                tabs: [
                  { id: 'tab-a', title: 'A', text: 'SELECT 1' },
                  { id: 'tab-b', title: 'B', text: 'SELECT 2' },
                ],
                active: 'tab-b',
              },
              'sql-tabs',
            );
            transaction.oncomplete = () => (open.result.close(), resolve());
            transaction.onerror = () => reject(transaction.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );
    await page.goto(inject('baseUrl'), { waitUntil: 'commit' });
    expect(await savedNames(page)).toEqual(['Từ bản cũ']);
    expect(await page.locator('.tabs .tab').count()).toBe(2);
    expect(await page.locator('.cm-content').innerText()).toBe('SELECT 2');
    await context.close();
  });

  it('says what a reset dropped and what it kept, and a query asked during the reset reads the fresh warehouse', async () => {
    const context = await newContext(false);
    const page = await context.newPage();
    await page.goto(inject('baseUrl'));
    await waitForDatabase(page);
    await openLibrary(page);
    await saveQuery(page, 'Giữ qua khôi phục');
    await runSql(page, 'CREATE TABLE ghi_chu AS SELECT 1 AS x');
    await typeSql(page, 'SELECT count(*) AS n FROM memory.main.observations');
    await page.locator('[data-testid="reset-workspace"]').click();
    // Straight after the click, while the reset rebuilds the database: it waits, then answers in full.
    await page.locator('.cm-content').focus();
    await page.keyboard.press('Control+Enter');
    const notice = page.locator('[data-testid="fresh-start-notice"]');
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('Đã khôi phục dữ liệu gốc');
    expect(text).toContain('workspace.ghi_chu');
    expect(text).toContain('truy vấn đã lưu');
    await page.locator('[data-testid="sql-run"]:not([disabled])').waitFor();
    expect(Number((await gridRows(page))[0]?.[0]?.replace(/\./g, ''))).toBeGreaterThan(1000);
    expect(await savedNames(page)).toContain('Giữ qua khôi phục');
    await context.close();
  });
});
