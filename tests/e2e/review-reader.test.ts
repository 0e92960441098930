import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { downloadFrom, waitForDatabase } from './support/browser.ts';
import { useWorkbenchPage } from './support/workbench-page.ts';

const REPORT_DOC = '2025_bao-cao-ktxh-2021-2025_phuong-huong-2026-2030';
// GRDP growth, 2021–2025 annual average, as the 5-year report states it.
const REPORT_SENTENCE =
  /tốc độ tăng tổng sản phẩm trên địa bàn \(GRDP\) bình quân hằng năm giai đoạn 2021 - 2025 ước đạt 6,79%/u;
// Waits for a recomputation over the whole warehouse (the pivot, the queue), not a retry.
const SLOW = { timeout: 30_000 };

async function pivotCell(page: Page, search: string, indicator: string, period: string): Promise<Locator> {
  await page.locator('nav [data-area="pivot"]').click();
  await page.locator('[data-testid="pivot"]').waitFor();
  await page.locator('[data-testid="pivot-search"]').fill(search);
  return page.locator(`[data-testid="pivot"] tr[data-indicator="${indicator}"] td[data-period="${period}"]`);
}

const orphans = (page: Page): Locator => page.locator('[data-testid="orphan-list"] [data-testid="orphan"]');

const panelFigures = (page: Page): Locator =>
  page.locator('[data-testid="figure-panel"] [data-testid="figure-detail"]');

/** Selects, in the reader, the first plain (not highlighted) integer with thousands dots; returns its text. */
async function selectMissedNumber(page: Page): Promise<string> {
  return page.locator('[data-testid="document-reader"]').evaluate((reader) => {
    const pattern = /(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d,])/u;
    const piece = [...reader.querySelectorAll('span[data-start]')].find((span) =>
      pattern.test(span.textContent ?? ''),
    );
    const node = piece?.firstChild;
    const match = pattern.exec(piece?.textContent ?? '');
    if (!node || !match) throw new Error('no plain number in the reader');
    piece.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(node, match.index);
    range.setEnd(node, match.index + match[0].length);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return match[0];
  });
}

describe('review from the report preview and the document reader', () => {
  const watched = useWorkbenchPage({ waitForDatabase: false });

  it('opens the figures behind a report-preview value, with the right sentence', async () => {
    const { page } = watched;
    await waitForDatabase(page);
    await page.locator('nav [data-area="exports"]').click();
    const cell = page.locator(
      '[data-testid="report-preview"] tr[data-indicator="grdp_growth"] td[data-period="2021-2025"][data-measure="actual"]',
    );
    // The cell carries its estimate mark ("ước") after the value.
    await expect.poll(() => cell.innerText(), SLOW).toMatch(/^6,79%/u);
    await cell.locator('[data-testid="preview-value"]').click();
    const used = panelFigures(page).first();
    await expect.poll(() => used.locator('[data-testid="figure-value"]').innerText(), SLOW).toBe('6,79%');
    expect(await used.locator('[data-testid="figure-sentence"]').innerText()).toMatch(REPORT_SENTENCE);
    expect(await used.locator('[data-testid="figure-sentence"] mark').innerText()).toBe('6,79%');
    // "6,79%1, trong đó": the 1 is footnote 1, raised, not a digit glued to the figure.
    expect(await used.locator('[data-testid="quote-reference"]').allInnerTexts()).toEqual(['1']);
    await page.locator('[data-testid="figure-panel-close"]').click();
  });

  it('reads the study document as formatted text: no Markdown markers, its type by name', async () => {
    const { page } = watched;
    await page.locator('nav [data-area="documents"]').click();
    await page.locator('[data-doc="2020-11_tai-lieu-hoc-tap-nghi-quyet-dai-hoi-xvii"]').click();
    const reader = page.locator('[data-testid="document-reader"]');
    await expect.poll(() => reader.locator('.bold').count(), SLOW).toBeGreaterThan(3);
    const text = await reader.innerText();
    expect(text).not.toContain('**');
    expect(text).not.toContain('<sup>');
    expect(await reader.locator('.bold', { hasText: 'phương châm' }).count()).toBeGreaterThan(0);
    expect(await reader.locator('p.heading', { hasText: 'LỜI GIỚI THIỆU' }).count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="document-type"]').innerText()).toBe(
      'Tài liệu học tập nghị quyết',
    );
    // "chưa đạt<sup>3</sup>": footnote 3, raised.
    expect(await reader.locator('[data-testid="footnote-reference"]').allInnerTexts()).toEqual([
      '1',
      '2',
      '3',
    ]);
  });

  it('corrects a figure from the reader: the pivot shows the corrected value with its mark', async () => {
    const { page } = watched;
    const cell = await pivotCell(page, 'tang truong kinh te', 'grdp_growth', '2021-2025');
    await cell.locator('[data-testid="actual-drill"]').click();
    await panelFigures(page).first().locator('[data-testid="figure-open"]').click();
    const focused = page.locator('[data-testid="document-reader"] button.figure[data-focus="true"]');
    await expect.poll(() => focused.innerText(), SLOW).toBe('6,79%');
    // A highlighted figure opens the panel (its SQL is a button there), not the SQL area.
    await focused.click();
    const figure = panelFigures(page);
    await expect
      .poll(() => figure.locator('[data-testid="figure-value"]').allInnerTexts(), SLOW)
      .toEqual(['6,79%']);
    expect(await page.locator('nav [data-area="documents"][aria-current="page"]').count()).toBe(1);
    expect(await figure.locator('[data-testid="figure-sql"]').count()).toBe(1);
    await figure.locator('[data-testid="figure-correct"]').click();
    await figure.locator('[data-testid="form-value"]').fill('6,85');
    await figure.locator('[data-testid="form-note"]').fill('theo Cục Thống kê');
    await figure.locator('[data-testid="form-save"]').click();
    await page.locator('[data-testid="review-saved"]').waitFor();
    await expect.poll(() => figure.locator('[data-testid="figure-value"]').innerText(), SLOW).toBe('6,85%');
    await page.locator('[data-testid="figure-panel-close"]').click();
    const corrected = await pivotCell(page, 'tang truong kinh te', 'grdp_growth', '2021-2025');
    await expect
      .poll(() => corrected.locator('[data-testid="actual-value"]').innerText(), SLOW)
      .toBe('6,85%');
    expect(await corrected.locator('[data-testid="reviewed-mark"]').count()).toBe(1);
  });

  it('refuses to add from a selection without a number, in Vietnamese', async () => {
    const { page } = watched;
    await page.locator('nav [data-area="documents"]').click();
    await page.locator(`[data-doc="${REPORT_DOC}"]`).click();
    const reader = page.locator('[data-testid="document-reader"]');
    await reader.locator('span[data-start]').first().waitFor();
    await reader.evaluate((element) => {
      const word = [...element.querySelectorAll('span[data-start]')].find((span) =>
        /^[^\d]{12,}$/u.test(span.textContent ?? ''),
      );
      const range = document.createRange();
      range.selectNodeContents(word!);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    await page.locator('[data-testid="add-figure-button"]:not([disabled])').click();
    expect(await page.locator('[data-testid="add-problem"]').innerText()).toContain('không có con số');
    expect(await page.locator('[data-testid="figure-panel"]').count()).toBe(0);
  });

  let added = '';

  it('adds a figure the extractor missed from a selection: it shows in the pivot with its mark', async () => {
    const { page } = watched;
    added = await selectMissedNumber(page);
    await page.locator('[data-testid="add-figure-button"]:not([disabled])').click();
    const form = page.locator('[data-testid="add-figure"]');
    await form.waitFor();
    expect(await form.locator('[data-testid="add-sentence"] mark').innerText()).toBe(added);
    expect(await form.locator('[data-testid="form-value"]').inputValue()).toBe(added);
    // Saving without an indicator is refused, clearly.
    await form.locator('[data-testid="form-save"]').click();
    expect(await form.locator('[data-testid="form-problem"]').innerText()).toContain('chọn chỉ tiêu');
    await form.locator('[data-testid="form-indicator-search"]').fill('nha o xa hoi');
    await form
      .locator('[data-testid="form-indicator-option"][data-indicator="social_housing_units"]')
      .click();
    await form.locator('[data-testid="form-unit"]').fill('căn');
    await form.locator('[data-testid="form-period-start"]').fill('2021');
    await form.locator('[data-testid="form-period-end"]').fill('2025');
    await form.locator('[data-testid="form-basis"]').selectOption('total');
    await form.locator('[data-testid="form-note"]').fill('máy bỏ sót');
    await form.locator('[data-testid="form-save"]').click();
    // The panel now shows the new figure, its sentence marked at the selected span.
    const figure = panelFigures(page);
    await expect
      .poll(() => figure.locator('[data-testid="figure-value"]').innerText(), SLOW)
      .toBe(`${added} căn`);
    expect(await figure.locator('[data-testid="figure-sentence"] mark').innerText()).toBe(added);
    expect(await figure.locator('[data-testid="figure-reviewed"]').count()).toBe(1);
    // The reader highlights it where it was selected.
    await expect
      .poll(() =>
        page.locator('[data-testid="document-reader"] button.figure[data-obs^="user:"]').innerText(),
      )
      .toBe(added);
    await page.locator('[data-testid="figure-panel-close"]').click();

    const cell = await pivotCell(page, 'nha o xa hoi', 'social_housing_units', '2021-2025');
    await expect
      .poll(() => cell.locator('[data-testid="actual-value"]').innerText(), SLOW)
      .toBe(`${added} căn`);
    expect(await cell.locator('[data-testid="reviewed-mark"]').count()).toBe(1);
    // Its provenance is the selected span.
    await cell.locator('[data-testid="actual-drill"]').click();
    await panelFigures(page).first().locator('[data-testid="figure-open"]').click();
    await expect
      .poll(() => page.locator('[data-testid="document-reader"] [data-focus="true"]').innerText(), SLOW)
      .toBe(added);
  });

  it('keeps the added and the corrected figure after a reload', async () => {
    const { page } = watched;
    await page.reload();
    await waitForDatabase(page);
    const cell = await pivotCell(page, 'nha o xa hoi', 'social_housing_units', '2021-2025');
    await expect
      .poll(() => cell.locator('[data-testid="actual-value"]').innerText(), SLOW)
      .toBe(`${added} căn`);
    expect(await cell.locator('[data-testid="reviewed-mark"]').count()).toBe(1);
    const grdp = await pivotCell(page, 'tang truong kinh te', 'grdp_growth', '2021-2025');
    await expect.poll(() => grdp.locator('[data-testid="actual-value"]').innerText(), SLOW).toBe('6,85%');
  });

  it('lists orphaned corrections one by one, with before, after, note and sentence, across a reload', async () => {
    const { page } = watched;
    // Corrections made on another edition of the report: its bytes and the sentences differ.
    const orphan = (id: string, note: string) => ({
      id,
      kind: 'correct',
      figure: {
        doc_id: REPORT_DOC,
        doc_sha256: 'a'.repeat(64),
        char_start: 12,
        char_end: 17,
        number_text: '6,79%',
        quote: `Câu của bản cũ đã được viết lại: tăng trưởng đạt 6,79% (${id}).`,
        occurrence: 0,
      },
      before: { value_low: 6.79, unit: '%' },
      after: { period_start: 2021, period_end: 2025 },
      note,
      created_at: '2026-01-05T08:00:00.000Z',
    });
    const file = {
      format: 'chi-tieu-workbench/review',
      version: 1,
      corrections: [orphan('cu-1', 'gắn lại số này'), orphan('cu-2', 'bỏ đi')],
      preferences: [],
    };
    await page.locator('nav [data-area="review"]').click();
    await page.locator('[data-testid="review-import"]').setInputFiles({
      name: 'ban-cu.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await expect.poll(() => orphans(page).count(), SLOW).toBe(2);
    await page.reload();
    await waitForDatabase(page);
    await page.locator('nav [data-area="review"]').click();
    await expect.poll(() => orphans(page).count(), SLOW).toBe(2);
    const first = orphans(page).filter({ hasText: 'gắn lại số này' });
    expect(await first.locator('[data-testid="orphan-before"]').innerText()).toBe('Giá trị: 6,79%');
    expect(await first.locator('[data-testid="orphan-after"]').innerText()).toBe('Kỳ: 2021–2025');
    expect(await first.locator('[data-testid="orphan-sentence"] mark').innerText()).toBe('6,79%');
    expect(await first.locator('[data-testid="orphan-note"]').innerText()).toBe('gắn lại số này');
    expect(await page.locator('[data-testid="review-orphaned"]').innerText()).toContain('2 hiệu đính');
  });

  it('re-attaches an orphan to a figure the user picks, and deletes another', async () => {
    const { page } = watched;
    const first = orphans(page).filter({ hasText: 'gắn lại số này' });
    await first.locator('[data-testid="orphan-reattach"]').click();
    const candidate = first.locator('[data-testid="orphan-candidate"]').first();
    await candidate.waitFor();
    expect(await candidate.innerText()).toContain('6,79%');
    await candidate.locator('[data-testid="orphan-attach"]').click();
    await expect.poll(() => orphans(page).count(), SLOW).toBe(1);
    await orphans(page).first().locator('[data-testid="orphan-delete"]').click();
    await expect.poll(() => orphans(page).count(), SLOW).toBe(0);
    expect(await page.locator('[data-testid="review-orphaned"]').count()).toBe(0);
  });

  it('keeps the re-attached correction and not the deleted one after a reload', async () => {
    const { page } = watched;
    await page.reload();
    await waitForDatabase(page);
    await page.locator('nav [data-area="review"]').click();
    // Nothing is orphaned any more; the review keeps the re-attached correction, not the deleted one.
    await page.locator('[data-testid="review-progress"] .overall').waitFor();
    expect(await orphans(page).count()).toBe(0);
    const exported = JSON.parse(new TextDecoder().decode(await downloadFrom(page, 'review-export'))) as {
      corrections: { id: string }[];
    };
    expect(exported.corrections.map((item) => item.id)).toContain('cu-1');
    expect(exported.corrections.map((item) => item.id)).not.toContain('cu-2');
  });

  it('lists the documents by their English titles in English, the Vietnamese title below', async () => {
    const { page } = watched;
    await page.locator('nav [data-area="documents"]').click();
    await page.locator('[data-doc="2020-11_tai-lieu-hoc-tap-nghi-quyet-dai-hoi-xvii"]').click();
    await page.locator('[data-testid="locale-toggle"]').click();
    const item = page.locator('[data-doc="2025-12-10_nghi-quyet-67-hdnd_ke-hoach-2026"]');
    await expect
      .poll(() => item.locator('[data-testid="document-title"]').innerText(), SLOW)
      // The gloss of data/document-glosses.json, the app's one layer of English titles.
      .toBe('Resolution 67/NQ-HĐND on the goals and tasks of the 2026 plan');
    expect(await item.locator('.title-vi').innerText()).toBe(
      'Nghị quyết số 67/NQ-HĐND về mục tiêu, nhiệm vụ kế hoạch năm 2026',
    );
    expect(await page.locator('[data-testid="document-type"]').innerText()).toBe('Resolution study material');
    await page.locator('[data-testid="locale-toggle"]').click();
  });

  it('logged no console error and sent nothing off the machine', () => {
    expect(watched.problems).toEqual([]);
  });
});
