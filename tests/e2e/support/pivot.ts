import type { Locator, Page } from 'playwright-core';

/**
 * Types `text` into the pivot's search and waits until the table shows that search's answer. The
 * search is applied after a pause, so a row the unfiltered table also has, or `data-loading` being
 * false, proves nothing until the table says which search it shows.
 */
export async function searchPivot(page: Page, text: string, timeout = 120_000): Promise<void> {
  await page.locator('[data-testid="pivot-search"]').fill(text);
  await page
    .locator(`[data-testid="pivot"][data-search=${JSON.stringify(text)}][data-loading="false"]`)
    .waitFor({ timeout });
}

// Scrolls the pivot down a screen and waits two frames (the scroll is seen, then the rows it brings
// are drawn); returns the new scroll position, unchanged once the end of the table is reached.
function scrollAScreen(wrap: Locator): Promise<number> {
  return wrap.evaluate(async (element) => {
    element.scrollTop += element.clientHeight;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return element.scrollTop;
  });
}

/**
 * What `read` finds in every row of the pivot, read as a user reads a long table: scrolled from the
 * top to the end a screen at a time, since only the rows near the screen are drawn. `read` runs in
 * the page on the rows drawn at each step; the answers come back once per row, in the table's order.
 */
export async function scrollThroughPivot<T>(page: Page, read: (rows: Element[]) => T[]): Promise<T[]> {
  const wrap = page.locator('[data-testid="pivot"]');
  const rows = wrap.locator('tbody tr[data-indicator]');
  const seen = new Map<number, T>();
  await wrap.evaluate((element) => (element.scrollTop = 0));
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  for (let previous = -1; ;) {
    const indexes = await rows.evaluateAll((drawn) =>
      drawn.map((row) => Number(row.getAttribute('aria-rowindex'))),
    );
    const answers = await rows.evaluateAll(read);
    indexes.forEach((index, at) => seen.set(index, answers[at]!));
    const top = await scrollAScreen(wrap);
    if (top === previous) break;
    previous = top;
  }
  return [...seen].sort(([a], [b]) => a - b).map(([, answer]) => answer);
}

/** Scrolls the pivot down from the top until the row of `indicator` is drawn, and brings it on screen. */
export async function revealPivotRow(page: Page, indicator: string): Promise<void> {
  const wrap = page.locator('[data-testid="pivot"]');
  const row = wrap.locator(`tbody tr[data-indicator="${indicator}"]`).first();
  await wrap.evaluate((element) => (element.scrollTop = 0));
  for (let previous = -1; (await row.count()) === 0;) {
    const top = await scrollAScreen(wrap);
    if (top === previous) throw new Error(`the pivot has no row ${indicator}`);
    previous = top;
  }
  await row.scrollIntoViewIfNeeded();
}
