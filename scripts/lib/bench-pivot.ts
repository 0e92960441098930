import type { Page } from 'playwright-core';

const PIVOT = '[data-testid="pivot"]';

// Sent as text: tsx compiles functions with a `__name` helper the page does not have.
const IN_PAGE = `({ button, rerun, pivot, timeout }) =>
  new Promise((resolve, reject) => {
    const target = document.querySelector(button);
    if (!target) return reject(new Error('bench: no ' + button));
    // A click that changes the layout must be seen running a query or changing the table's content
    // (a layout answered from the pivot's cache never shows as loading), or the old rows would count.
    // Watched by an observer: comparing the table's HTML every frame cost as much as a cached layout.
    let changed = false;
    const observer = new MutationObserver(() => (changed = true));
    // Not on screen yet (another area is open): its appearing is the change.
    const watched = document.querySelector(pivot) ?? document.body;
    observer.observe(watched, { childList: true, subtree: true, characterData: true });
    const started = performance.now();
    let sawLoading = false;
    const check = () => {
      const table = document.querySelector(pivot);
      if (table && table.dataset.loading === 'true') sawLoading = true;
      const settled = table && table.dataset.loading === 'false' && table.querySelector('tbody tr') !== null;
      if (settled && (sawLoading || changed || !rerun)) {
        observer.disconnect();
        // One frame more: the frame that drew the new rows has been painted when this one starts.
        requestAnimationFrame(() => resolve(performance.now() - started));
      } else if (performance.now() - started > timeout) {
        observer.disconnect();
        reject(new Error('bench: the pivot never settled'));
      } else requestAnimationFrame(check);
    };
    target.click();
    requestAnimationFrame(check);
  })`;

/**
 * Clicks `button` in the page and returns the page's milliseconds until the pivot is painted with
 * rows and no query of it is still running (timed inside the page, so no driver round trip counts).
 * With `rerun`, the click must be seen starting a query or changing the table first, so the rows
 * counted are new ones.
 */
export async function timePivotAfterClick(
  page: Page,
  button: string,
  rerun: boolean,
  timeout = 120_000,
): Promise<number> {
  const args = JSON.stringify({ button, rerun, pivot: PIVOT, timeout });
  return Math.round(Number(await page.evaluate(`(${IN_PAGE})(${args})`)));
}
