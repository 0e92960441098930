import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../../scripts/lib/chromium.ts';

export { waitForDatabase } from '../../../scripts/lib/workbench-page.ts';

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, page errors, failed requests and requests to other hosts, as readable lines. */
  problems: string[];
}

export const launchBrowser = launchChromium;

/** A page that records every console error and every request leaving 127.0.0.1/localhost. */
export async function openWatchedPage(browser: Browser, url: string): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  context.on('request', (request) => {
    const requestUrl = new URL(request.url());
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(requestUrl.hostname);
    if (!local && !['data:', 'blob:'].includes(requestUrl.protocol)) {
      problems.push(`request left the machine: ${request.url()}`);
    }
  });
  context.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  context.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
  );
  await page.goto(url);
  return { page, context, problems };
}

/** Clicks the control with `testId` and returns the bytes of the file it downloads. */
export async function downloadFrom(page: Page, testId: string): Promise<ArrayBuffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.locator(`[data-testid="${testId}"]`).click(),
  ]);
  const bytes = await readFile(await file.path());
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
