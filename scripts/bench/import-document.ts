// The bench's document import: a 150 KB document through "Thêm tài liệu" of the built workbench in
// Chromium, the way a statistician does it (choose the file, wait for its text, "Thêm", wait until
// its figures are in the workspace, then open the pivot on it). Prints nothing, asserts nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { pageNow, waitForDatabase } from '../lib/workbench-page.ts';

/** The embedded corpus's 5-year report (153 KB), the largest document a user is likely to bring. */
export const IMPORT_BENCH_DOCUMENT = 'data/sources/2025_bao-cao-ktxh-2021-2025_phuong-huong-2026-2030.txt';

const TIMEOUT = 120_000;

/** What one import took, in the page's own clock, and what it found. */
export interface ImportDocumentBench {
  /** From choosing the file to its figures being in the workspace (read + add; the user's pause excluded). */
  ms: number;
  /** Figures the extraction found in the document. */
  figures: number;
  bytes: number;
  /** From choosing the file to its text shown for confirmation. */
  read_ms: number;
  /** From "Thêm" to the notice that it was added: extraction, saving, loading into DuckDB. */
  add_ms: number;
  extract_ms: number;
  save_ms: number;
  load_ms: number;
  /**
   * CPU time the browser's processes spent from choosing the file to the notice (read + add, the
   * pause between them included): unlike `ms`, barely moved by other work on a shared machine.
   * NaN where /proc is not there.
   */
  cpu_ms: number;
  /** From opening the pivot on the document to its rows painted. */
  pivot_ms: number;
}

/**
 * Imports `path` (default IMPORT_BENCH_DOCUMENT, one line added so it is not refused as the corpus's
 * own file) into a fresh context of the workbench at `appUrl` and returns its timings and figures.
 * `runs` imports, each into a fresh browser context; the median run (by `ms`) is returned.
 */
export async function benchImportDocument(
  browser: Browser,
  appUrl: string,
  path = IMPORT_BENCH_DOCUMENT,
  runs = 1,
): Promise<ImportDocumentBench> {
  const text = `${await readFile(path, 'utf8')}\nBản sao để đo thời gian nhập.\n`;
  const results: ImportDocumentBench[] = [];
  for (let run = 0; run < runs; run++) results.push(await importOnce(browser, appUrl, text));
  results.sort((a, b) => a.ms - b.ms);
  return results[Math.floor(results.length / 2)]!;
}

async function importOnce(browser: Browser, appUrl: string, text: string): Promise<ImportDocumentBench> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(appUrl);
    await waitForDatabase(page, TIMEOUT);
    // A user reads the home pivot before going to the import area: its first query is not timed here.
    await page
      .locator('[data-testid="pivot"][data-loading="false"] tr[data-indicator]')
      .first()
      .waitFor({ timeout: TIMEOUT });
    await page.locator('nav [data-area="import"]').click();
    // The moment a user takes to find the file: the area has its worker warm by then.
    await page
      .locator('[data-testid="import-area"][data-restored="true"]:not([data-prepared="false"])')
      .waitFor({ timeout: TIMEOUT });
    const buffer = Buffer.from(text);
    const cpuBefore = descendantCpuMs();
    const chosen = await pageNow(page);
    await page
      .locator('[data-testid="import-document-file"]')
      .setInputFiles({ name: 'bao-cao-5-nam-ban-sao.txt', mimeType: 'text/plain', buffer });
    await page.locator('[data-testid="import-pending"]').waitFor({ timeout: TIMEOUT });
    const shown = await pageNow(page);
    await page.locator('[data-testid="import-add"]').click();
    const added = page.locator('[data-testid="import-notice"][data-key="importArea.documentAdded"]');
    await added.waitFor({ timeout: TIMEOUT });
    const cpuMs = descendantCpuMs() - cpuBefore;
    const timing = page.locator('[data-testid="import-timing"]');
    const attribute = async (name: string): Promise<number> => Number(await timing.getAttribute(name));
    const docId = (await page.locator('[data-testid="imported-document"]').last().getAttribute('data-doc'))!;
    const readMs = Math.round(shown - chosen);
    const addMs = Math.round(await attribute('data-add-ms'));
    const measured = {
      ms: readMs + addMs,
      figures: await attribute('data-figures'),
      bytes: buffer.length,
      read_ms: readMs,
      add_ms: addMs,
      extract_ms: Math.round(await attribute('data-extract-ms')),
      save_ms: Math.round(await attribute('data-save-ms')),
      load_ms: Math.round(await attribute('data-load-ms')),
      cpu_ms: Math.round(cpuMs),
    };
    return { ...measured, pivot_ms: await timePivotOn(page, docId) };
  } finally {
    await context.close();
  }
}

// Opens the pivot filtered on the imported document, all indicators, and times until its rows show.
async function timePivotOn(page: Page, docId: string): Promise<number> {
  const started = await pageNow(page);
  await page.locator('nav [data-area="pivot"]').click();
  const pivot = page.locator('[data-testid="pivot"]');
  const controls = pivot.locator('xpath=..').locator('.controls').first();
  const documentFilter = controls.locator('select').nth(1);
  await documentFilter.locator(`option[value="${docId}"]`).waitFor({ state: 'attached', timeout: TIMEOUT });
  await documentFilter.selectOption(docId);
  await page
    .locator('[data-testid="pivot"][data-loading="false"] tr[data-indicator]')
    .first()
    .waitFor({ timeout: TIMEOUT });
  return Math.round((await pageNow(page)) - started);
}

// CPU milliseconds (user + system) of every process below this one (the launched Chromium), from
// /proc; a process that ended in between is not counted, which a running browser does not do.
function descendantCpuMs(root = process.pid): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/u.test(name));
  } catch {
    return Number.NaN;
  }
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command (in parentheses, which may hold spaces): state, ppid, … utime, stime.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(pid), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // Gone while reading.
    }
  }
  const below = new Set([root]);
  let ticks = 0;
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, stat] of stats) {
      if (below.has(pid) || !below.has(stat.parent)) continue;
      below.add(pid);
      ticks += stat.ticks;
      grew = true;
    }
  }
  return ticks * 10;
}
