import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_INPUT_CASES, type BadInputCase } from '../unit/import/bad-input-cases.ts';
import { waitForDatabase } from './support/browser.ts';
import { gridRows, runSql } from './support/sql.ts';
import { useWorkbenchPage } from './support/workbench-page.ts';

// The bad files of the unit suite, now through the import area of the built app in Chromium.
const watched = useWorkbenchPage();
const area = (page: Page, id: string) => page.locator(`nav [data-area="${id}"]`).click();

const SAVED_QUERY = 'Kiểm tra trước khi nhập tệp hỏng';
const EARLIER = 'Kế hoạch trước đó.txt';
const EARLIER_DOC = 'ke-hoach-truoc-do';
const EARLIER_TEXT =
  'KẾ HOẠCH PHÁT TRIỂN HUYỆN MẪU NĂM 2026\n\nNăm 2025, tỷ lệ che phủ rừng của huyện đạt 61,37%.\n';
// GRDP growth 2021–2025 in the pivot: corrected to 6,9 before any bad file comes.
const GRDP_CELL = '[data-testid="pivot"] tr[data-indicator="grdp_growth"] td[data-period="2021-2025"]';

// Big files are written once to disk (Playwright refuses buffers over 50 MB) and reused.
const work = mkdtempSync(join(tmpdir(), 'import-bad-input-'));
const MILLION_ROWS = 1_000_000;

function millionRowCsv(): string {
  const path = join(work, 'mot-trieu-dong.csv');
  const lines = ['chi_tieu,nam,gia_tri'];
  for (let row = 0; row < MILLION_ROWS; row++)
    lines.push(`c${row % 97},${2000 + (row % 30)},${row % 1000}.5`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function caseNamed(name: string): BadInputCase {
  const found = BAD_INPUT_CASES.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no bad-input case "${name}"`);
  return found;
}

async function onDisk(badCase: BadInputCase): Promise<string> {
  const path = join(work, badCase.fileName);
  writeFileSync(path, await badCase.bytes());
  return path;
}

/**
 * Chooses `path` in the import area's document or table input and returns the notice it ends with,
 * the one that names `marker` (the file, or the table made of it): an earlier file's notice stays
 * until the next import starts.
 */
async function choose(page: Page, target: 'document' | 'table', path: string, marker: string) {
  await area(page, 'import');
  await page.locator(`[data-testid="import-${target}-file"]`).setInputFiles(path);
  const notice = page.locator('[data-testid="import-notice"]', { hasText: marker });
  // A million rows are parsed, loaded into DuckDB and kept durably: one long wait, not a retry.
  await notice.waitFor({ timeout: 180_000 });
  return {
    key: await notice.getAttribute('data-key'),
    kind: await notice.getAttribute('data-kind'),
    text: (await notice.textContent())?.trim() ?? '',
  };
}

async function sqlRows(page: Page, sql: string): Promise<string[][]> {
  await area(page, 'sql');
  await runSql(page, sql);
  return gridRows(page);
}

/** What the user had saved before the bad files: a query, an imported document, a correction. */
async function savedState(page: Page) {
  await area(page, 'sql');
  await page.locator('[data-testid="library-tab"]').click();
  await page.locator('[data-testid="library"][data-loaded="true"]').waitFor();
  const queries = await page.locator('[data-testid="saved-query"] .open').allInnerTexts();
  const corrected = await sqlRows(
    page,
    `SELECT value_low, correction_note FROM v_observations WHERE reviewed AND indicator_id = 'grdp_growth'`,
  );
  const earlier = await sqlRows(page, `SELECT count(*) FROM v_observations WHERE doc_id = '${EARLIER_DOC}'`);
  await area(page, 'import');
  await page.locator('[data-testid="import-area"][data-restored="true"]').waitFor();
  const documents = await page
    .locator('[data-testid="imported-document"]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-doc')));
  return { queries: queries.filter((name) => name === SAVED_QUERY), corrected, earlier, documents };
}

describe('bad files through the import area (Chromium): a clear Vietnamese message, nothing saved lost', () => {
  let before: Awaited<ReturnType<typeof savedState>>;
  let millionRows: string;

  beforeAll(() => {
    millionRows = millionRowCsv();
  });

  afterAll(() => {
    // The temp folder holds ~80 MB of generated files.
    rmSync(work, { recursive: true, force: true });
  });

  it('saves a query, imports a document and corrects a figure first', async () => {
    const { page } = watched;
    await runSql(page, 'SELECT indicator_id, count(*) FROM observations GROUP BY 1');
    await page.locator('[data-testid="library-tab"]').click();
    await page.locator('[data-testid="library"][data-loaded="true"]').waitFor();
    await page.locator('[data-testid="save-name"]').fill(SAVED_QUERY);
    await page.locator('[data-testid="save-query"]:not([disabled])').click();
    await page.locator('[data-testid="save-status"][data-state="saved"]', { hasText: SAVED_QUERY }).waitFor();

    await area(page, 'import');
    await page
      .locator('[data-testid="import-document-file"]')
      .setInputFiles({ name: EARLIER, mimeType: 'text/plain', buffer: Buffer.from(EARLIER_TEXT) });
    await page.locator('[data-testid="import-add"]').click();
    await page.locator(`[data-testid="imported-document"][data-doc="${EARLIER_DOC}"]`).waitFor();

    await area(page, 'pivot');
    await page.locator('[data-testid="pivot-search"]').fill('tang truong kinh te');
    const cell = page.locator(GRDP_CELL);
    await cell.locator('[data-testid="actual-drill"]').click();
    const used = page.locator('[data-testid="figure-detail"]').first();
    await used.locator('[data-testid="figure-correct"]').click();
    await used.locator('[data-testid="form-value"]').fill('6,9');
    await used.locator('[data-testid="form-note"]').fill('trước khi nhập tệp hỏng');
    await used.locator('[data-testid="form-save"]').click();
    await page.locator('[data-testid="review-saved"]').waitFor();
    await page.locator('[data-testid="figure-panel-close"]').click();

    before = await savedState(page);
    expect(before.queries).toEqual([SAVED_QUERY]);
    expect(before.corrected).toEqual([['6,9', 'trước khi nhập tệp hỏng']]);
    expect(Number(before.earlier[0]?.[0])).toBeGreaterThan(0);
    expect(before.documents).toEqual([EARLIER_DOC]);
  });

  it.each([
    ['a .docx cut in half', 'import.docxCorrupt'],
    ['random bytes named .pdf', 'import.pdfCorrupt'],
    ['a 50 MB text file', 'import.tooLarge'],
    ['a PNG renamed .txt', 'import.binary'],
    ['random bytes named .xlsx', 'userTable.xlsxCorrupt'],
    ['a CSV mixing UTF-8 and Windows-1258 lines', 'userTable.encoding'],
  ] as const)('refuses %s with a Vietnamese message', async (name, key) => {
    const badCase = caseNamed(name);
    const target = badCase.target === 'table' ? 'table' : 'document';
    const answer = await choose(watched.page, target, await onDisk(badCase), badCase.fileName);
    expect(answer.kind).toBe('problem');
    expect(answer.key).toBe(key);
    // The message names the file, in Vietnamese (the app's language by default).
    expect(answer.text).toContain(badCase.fileName);
    expect(answer.text).toMatch(/Tệp|tệp/u);
  });

  it('imports a 1M-row CSV as a user table, queryable', { timeout: 240_000 }, async () => {
    const { page } = watched;
    const answer = await choose(page, 'table', millionRows, 'mot_trieu_dong');
    expect(answer, answer.text).toMatchObject({ kind: 'done', key: 'importArea.tableAdded' });
    expect(answer.text).toContain('1.000.000');
    expect(
      await sqlRows(page, 'SELECT count(*), count(DISTINCT chi_tieu) FROM workspace.mot_trieu_dong'),
    ).toEqual([['1.000.000', '97']]);
    // Removed again: restoring a million stored rows at start-up holds "sẵn sàng" back for tens of
    // seconds on a loaded machine (a known limit, see the import note), which the reload below is not about.
    await area(page, 'import');
    await page
      .locator('[data-testid="user-table"][data-table="mot_trieu_dong"] [data-testid="remove-table"]')
      .click();
    await page.locator('[data-testid="import-notice"][data-key="importArea.tableRemoved"]').waitFor();
  });

  it('keeps the saved query, the earlier document and the correction, also after a reload', async () => {
    const { page } = watched;
    expect(await savedState(page)).toEqual(before);
    await page.reload();
    await waitForDatabase(page);
    expect(await savedState(page)).toEqual(before);
    expect(watched.problems.filter((line) => !line.includes('favicon'))).toEqual([]);
  });
});
