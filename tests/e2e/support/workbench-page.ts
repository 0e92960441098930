import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser, openWatchedPage, waitForDatabase, type WatchedPage } from './browser.ts';

/** How a test file wants its page: ready to query (the default), with browser permissions. */
export interface WorkbenchPageOptions {
  waitForDatabase?: boolean;
  permissions?: string[];
}

/**
 * The one browser set-up of the end-to-end tests: Chromium launched, the built workbench opened in
 * a watched page before the file's tests, the browser closed after them. Read it inside tests.
 */
export function useWorkbenchPage(options: WorkbenchPageOptions = {}): WatchedPage {
  let browser: Browser | undefined;
  let watched: WatchedPage | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    watched = await openWatchedPage(browser, inject('baseUrl'));
    if (options.permissions) await watched.context.grantPermissions(options.permissions);
    if (options.waitForDatabase ?? true) await waitForDatabase(watched.page);
  });
  afterAll(async () => {
    await browser?.close();
  });
  const opened = (): WatchedPage => {
    if (!watched) throw new Error('useWorkbenchPage(): the page opens in beforeAll; read it inside a test');
    return watched;
  };
  return {
    get page() {
      return opened().page;
    },
    get context() {
      return opened().context;
    },
    get problems() {
      return opened().problems;
    },
  };
}
