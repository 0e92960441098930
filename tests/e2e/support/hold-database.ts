import type { BrowserContext, Page } from 'playwright-core';

// Set in a page's localStorage, it lets the next load of any page of the context start the engine.
const RELEASE_KEY = 'e2e-release-database';

/**
 * Keeps the database "starting" in every page of `context` for as long as a test needs: DuckDB's
 * worker is given an empty script, so the engine never answers, just as when its download stalls.
 * A page script rather than `context.route()`, because Playwright turns the HTTP cache off while
 * any route is set: every reload then fetched the whole app again through the test process (about
 * twice the CPU per reload of the user-state crash tests).
 */
export async function holdDatabase(context: BrowserContext): Promise<void> {
  await context.addInitScript((releaseKey: string) => {
    const released = (() => {
      try {
        return localStorage.getItem(releaseKey) === 'yes';
      } catch {
        return false;
      }
    })();
    if (released) return;
    const Engine = window.Worker;
    const duckdbWorker = /duckdb-browser-(eh|mvp)\.worker-[^/]*\.js$/;
    window.Worker = class extends Engine {
      constructor(url: string | URL, options?: WorkerOptions) {
        const silent = URL.createObjectURL(new Blob([''], { type: 'text/javascript' }));
        super(duckdbWorker.test(String(url)) ? silent : url, options);
      }
    };
  }, RELEASE_KEY);
}

/** From the next load on, the pages of this page's context start the database as usual. */
export async function releaseDatabase(page: Page): Promise<void> {
  await page.evaluate((releaseKey) => localStorage.setItem(releaseKey, 'yes'), RELEASE_KEY);
}
