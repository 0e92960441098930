/**
 * `npm run screenshots`: builds the web app, serves it on 127.0.0.1, drives Chromium through the
 * briefing views (pivot in Vietnamese and English, the drill-down panel, an indicator's targets
 * and results, a chart with two units, one with small multiples) at 1280×720 and 1920×1080, and
 * renders a generated xlsx and pptx with LibreOffice. Writes PNGs to docs/screenshots/. Not part of `npm test`.
 *
 *     npm run screenshots                  # build, then shoot
 *     npm run screenshots -- --no-build    # reuse dist/renderer
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from './lib/chromium.ts';
import { startWebServer } from './lib/web-server.ts';
import { waitForDatabase } from './lib/workbench-page.ts';

const OUT = 'docs/screenshots';
const RENDERER_DIR = 'dist/renderer';
const SIZES = [
  [1280, 720],
  [1920, 1080],
] as const;
// Indicators with yearly results: % and tỷ USD (two units); with triệu đồng, three dimensions.
const TWO_UNITS = ['grdp_growth', 'border_trade_turnover'];
const THREE_UNITS = [...TWO_UNITS, 'grdp_per_capita'];
// How long a view may take to answer on a loaded two-core machine.
const WAIT = 120_000;

const failures: string[] = [];

/** Runs one shot; a failure is reported and the other shots still run. */
async function shot(name: string, take: () => Promise<void>): Promise<void> {
  try {
    await take();
    process.stdout.write(`✓ ${name}\n`);
  } catch (cause) {
    failures.push(`${name}: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`);
    process.stdout.write(`✗ ${name}\n`);
  }
}

async function area(page: Page, name: string): Promise<void> {
  await page.locator(`nav [data-area="${name}"]`).click();
}

async function setLocale(page: Page, locale: 'vi' | 'en'): Promise<void> {
  const lang = (await page.locator('html').getAttribute('lang')) ?? 'vi';
  const current = lang.startsWith('en') ? 'en' : 'vi';
  if (current !== locale) await page.locator('[data-testid="locale-toggle"]').click();
  await page.waitForFunction((wanted) => (document.documentElement.lang || 'vi').startsWith(wanted), locale, {
    timeout: WAIT,
  });
}

async function pivotReady(page: Page): Promise<void> {
  await area(page, 'pivot');
  await page
    .locator('[data-testid="pivot"][data-loading="false"] tr[data-indicator]')
    .first()
    .waitFor({ timeout: WAIT });
}

async function setChecksOpen(page: Page, open: boolean): Promise<void> {
  const toggle = page.locator('[data-testid="checks-toggle"]');
  if ((await toggle.getAttribute('aria-expanded')) !== String(open)) await toggle.click();
}

/** Types a pivot search and waits until the table shows `row` (debounced, then re-queried). */
async function search(page: Page, text: string, row: string): Promise<void> {
  await page.locator('[data-testid="pivot-search"]').fill(text);
  await page
    .locator(`[data-testid="pivot"][data-loading="false"] tr[data-indicator="${row}"]`)
    .waitFor({ timeout: WAIT });
}

async function yearlyChart(page: Page, ids: readonly string[], axes: number): Promise<void> {
  await area(page, 'charts');
  await page.locator('[data-testid="chart-kind"]').selectOption('yearly');
  await page.locator('[data-testid="chart-series"]').selectOption([...ids]);
  await page.waitForFunction(
    (count) =>
      document.querySelectorAll('[data-testid="chart"][data-ready="true"] .main-svg .yaxislayer-above')
        .length > 0 && document.querySelectorAll('[data-testid="chart"] .legendtext').length >= count,
    ids.length,
    { timeout: WAIT },
  );
  // One y-axis title per unit: `ytitle`, `y2title`, `y3title`…
  await page.waitForFunction(
    (count) =>
      [...document.querySelectorAll('[data-testid="chart"] text')].filter((text) =>
        /^y\d*title$/.test(text.getAttribute('class') ?? ''),
      ).length >= count,
    axes,
    { timeout: WAIT },
  );
}

async function capture(page: Page, name: string, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  // Let layout settle at the new size (Plotly is fixed-size; the pivot and panels reflow).
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  await page.screenshot({ path: join(OUT, `${name}-${width}x${height}.png`) });
}

async function download(page: Page, testId: string, path: string): Promise<void> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: WAIT }),
    page.locator(`[data-testid="${testId}"]`).click(),
  ]);
  await file.saveAs(path);
}

/**
 * The pages of an office file as PNGs named by page number, through LibreOffice's PDF and poppler.
 * `distinct`: a sheet printed across pages shows each block of columns once, not every run of rows
 * under it — a page is kept when its header (the repeated first line) and the plan periods in its
 * first lines (the summary's column blocks) are not those of an earlier page.
 */
function renderOffice(file: string, name: string, work: string, distinct: boolean): void {
  const outdir = join(work, name);
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', outdir, file], {
    stdio: 'ignore',
    timeout: 180_000,
  });
  const pdf = join(outdir, file.replace(/^.*\//, '').replace(/\.[^.]+$/, '.pdf'));
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1] ?? 0);
  const seen = new Set<string>();
  for (let page = 1; page <= pages; page++) {
    const range = ['-f', String(page), '-l', String(page)];
    if (distinct) {
      const text = execFileSync('pdftotext', [...range, '-layout', pdf, '-']).toString();
      // Layout spacing follows the rows under the header: compare words, not columns.
      const lines = text
        .split('\n')
        .map((line) => line.trim().replace(/\s+/g, ' '))
        .filter(Boolean)
        .slice(0, 5);
      const periods = [...lines.join(' ').matchAll(/\d{4}–\d{4}/g)].map((match) => match[0]);
      // A first line of two words or fewer is the top of a wrapped heading ("Ngày ban"): read on.
      const header = lines.slice(0, (lines[0] ?? '').split(' ').length <= 2 ? 2 : 1);
      const heading = [...header, ...periods].join(' ');
      if (seen.has(heading)) continue;
      seen.add(heading);
    }
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '110',
      ...range,
      '-singlefile',
      pdf,
      join(OUT, `${name}-p${page}`),
    ]);
  }
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    const built = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('vite build failed');
  }
  if (!existsSync(`${RENDERER_DIR}/index.html`)) throw new Error(`${RENDERER_DIR} is missing`);
  await mkdir(OUT, { recursive: true });
  for (const file of await readdir(OUT)) if (file.endsWith('.png')) await rm(join(OUT, file));
  const work = await mkdtemp(join(tmpdir(), 'screenshots-'));
  const { server, url } = await startWebServer(RENDERER_DIR, 0);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 720 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(url);
    await waitForDatabase(page, WAIT);

    for (const locale of ['vi', 'en'] as const) {
      await shot(`pivot ${locale}`, async () => {
        await setLocale(page, locale);
        await pivotReady(page);
        for (const [width, height] of SIZES) {
          // The consistency checks start folded beside a narrow window; a wide one shows them open.
          await setChecksOpen(page, width >= 1400);
          await capture(page, `pivot-${locale}`, width, height);
        }
      });
    }
    await shot('drill panel', async () => {
      await setLocale(page, 'vi');
      await pivotReady(page);
      await search(page, 'tang truong kinh te', 'grdp_growth');
      const cell = page.locator(
        '[data-testid="pivot"] tr[data-indicator="grdp_growth"] td[data-period="2021-2025"]',
      );
      await cell.locator('[data-testid="actual-drill"]').click({ timeout: WAIT });
      await page.locator('[data-testid="figure-detail"]').first().waitFor({ timeout: WAIT });
      for (const [width, height] of SIZES) await capture(page, 'drill-panel', width, height);
      await page.locator('[data-testid="figure-panel-close"]').click();
      // The whole table again (its rows are drawn as they near the screen).
      await page.locator('[data-testid="pivot-search"]').fill('');
      await page
        .locator('[data-testid="pivot"][data-search=""][data-loading="false"]')
        .waitFor({ timeout: WAIT });
    });
    await shot('chart of targets and results', async () => {
      await area(page, 'charts');
      await page.locator('[data-testid="chart-kind"]').selectOption('target');
      await page.locator('[data-testid="chart-indicator"]').selectOption('grdp_growth');
      // The range targets' labels are annotations, written above their error bars.
      await page
        .locator('[data-testid="chart"][data-ready="true"] .annotation-text', { hasText: '–' })
        .first()
        .waitFor({ timeout: WAIT });
      for (const [width, height] of SIZES) await capture(page, 'chart-targets', width, height);
    });
    await shot('chart with two units', async () => {
      await yearlyChart(page, TWO_UNITS, 2);
      for (const [width, height] of SIZES) await capture(page, 'chart-two-units', width, height);
    });
    await shot('chart with small multiples (English)', async () => {
      await setLocale(page, 'en');
      try {
        await yearlyChart(page, THREE_UNITS, 3);
        for (const [width, height] of SIZES) await capture(page, 'chart-small-multiples-en', width, height);
      } finally {
        await setLocale(page, 'vi');
      }
    });

    const xlsx = join(work, 'bao-cao.xlsx');
    const pptx = join(work, 'bao-cao.pptx');
    await shot('export files', async () => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await area(page, 'exports');
      await page
        .locator('[data-testid="export-indicators"] input:checked')
        .first()
        .waitFor({ timeout: WAIT });
      await download(page, 'export-run', xlsx);
      await page.locator('[data-testid="format-pptx"]').check();
      await download(page, 'export-run', pptx);
    });
    const office = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
    if (!office) failures.push('LibreOffice (soffice) is not installed: no xlsx/pptx renderings');
    else if (existsSync(xlsx) && existsSync(pptx)) {
      await shot('xlsx in LibreOffice', () =>
        Promise.resolve(renderOffice(xlsx, 'xlsx-libreoffice', work, true)),
      );
      await shot('pptx in LibreOffice', () =>
        Promise.resolve(renderOffice(pptx, 'pptx-libreoffice', work, false)),
      );
    }
    await context.close();
  } finally {
    await browser.close();
    server.close();
    await rm(work, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    process.stderr.write(`screenshots: ${failures.length} failed\n${failures.join('\n')}\n`);
    process.exitCode = 1;
  }
}

main().catch((cause: unknown) => {
  process.stderr.write(`screenshots: ${cause instanceof Error ? cause.message : String(cause)}\n`);
  process.exit(1);
});
