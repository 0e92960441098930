import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { STARTER_QUERIES } from '../../renderer/src/features/sql/starter-queries.ts';
import { launchBrowser } from './support/browser.ts';
import { holdDatabase } from './support/hold-database.ts';
import { openSqlArea, typeSql } from './support/sql.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Opens the query library and waits until the saved state has been read (and seeded). */
async function openLibrary(page: Page): Promise<void> {
  await openSqlArea(page);
  await page.locator('[data-testid="library-tab"]').click();
  await page.locator('[data-testid="library"][data-loaded="true"]').waitFor();
}

async function saveQuery(page: Page, name: string): Promise<void> {
  await typeSql(page, `SELECT '${name}' AS saved`);
  await openLibrary(page);
  await page.locator('[data-testid="save-name"]').fill(name);
  await page.locator('[data-testid="save-query"]:not([disabled])').click();
  await page.locator('[data-testid="save-status"][data-state="saved"]', { hasText: name }).waitFor();
}

/** The ids of the stored saved queries, read from IndexedDB itself. */
function storedQueryIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('chi-tieu-workbench');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result
            .transaction('items')
            .objectStore('items')
            .getAll(IDBKeyRange.bound(['saved-queries'], ['saved-queries', []]));
          request.onsuccess = () => (open.result.close(), resolve(request.result.map((item) => item.id)));
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

describe('two pages on a fresh profile', () => {
  it('seed the starter queries once, and keep each page’s save', async () => {
    // The engine is held back: the library and its store do not need it, and the test stays cheap.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await holdDatabase(context);
    const pages = await Promise.all([context.newPage(), context.newPage()]);
    // Both open at the same moment: both find the profile never written, both want to seed it.
    await Promise.all(pages.map((page) => page.goto(inject('baseUrl'), { waitUntil: 'commit' })));
    await Promise.all(pages.map((page) => openLibrary(page)));
    await Promise.all(pages.map((page, index) => saveQuery(page, `Lưu ở thẻ ${index + 1}`)));

    await Promise.all(pages.map((page) => page.reload({ waitUntil: 'commit' })));
    const starters = STARTER_QUERIES.map((query) => query.name);
    for (const page of pages) {
      await openLibrary(page);
      const names = await page.locator('[data-testid="saved-query"] .open').allInnerTexts();
      expect(names.toSorted()).toEqual([...starters, 'Lưu ở thẻ 1', 'Lưu ở thẻ 2'].toSorted());
    }
    const ids = await storedQueryIds(pages[0] as Page);
    expect(ids).toHaveLength(STARTER_QUERIES.length + 2);
    expect(new Set(ids).size).toBe(ids.length);
    await context.close();
  });
});
