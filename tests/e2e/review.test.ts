import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { downloadFrom, waitForDatabase } from './support/browser.ts';
import { gridRows, runSql } from './support/sql.ts';
import { useWorkbenchPage } from './support/workbench-page.ts';

// GRDP growth, 2021–2025 annual average: 6,79% in the 5-year report, 7,1% in another document.
const REPORT_SENTENCE =
  /tốc độ tăng tổng sản phẩm trên địa bàn \(GRDP\) bình quân hằng năm giai đoạn 2021 - 2025 ước đạt 6,79%/u;

// Waits for a recomputation over the whole warehouse (the pivot, the queue), not a retry.
const SLOW = { timeout: 30_000 };

async function openGrdpRow(page: Page) {
  await waitForDatabase(page);
  await page.locator('nav [data-area="pivot"]').click();
  await page.locator('[data-testid="pivot"]').waitFor();
  await page.locator('[data-testid="pivot-search"]').fill('tang truong kinh te');
  const cell = page.locator(
    '[data-testid="pivot"] tr[data-indicator="grdp_growth"] td[data-period="2021-2025"]',
  );
  await cell.locator('[data-testid="actual-value"]').waitFor();
  return cell;
}

/** The kinds of the corrections the review-area export holds (what the user store has), sorted. */
async function exportedKinds(page: Page): Promise<string[]> {
  const file = JSON.parse(new TextDecoder().decode(await downloadFrom(page, 'review-export'))) as {
    corrections: { kind: string }[];
  };
  return file.corrections.map((item) => item.kind).sort();
}

describe('review: drill down, correct, and keep the correction', () => {
  const watched = useWorkbenchPage({ waitForDatabase: false });

  it('opens the figures behind a pivot value, with the right sentence and every source', async () => {
    const { page } = watched;
    const cell = await openGrdpRow(page);
    await expect.poll(() => cell.locator('[data-testid="actual-value"]').innerText()).toBe('6,79%');
    await cell.locator('[data-testid="actual-drill"]').click();
    const panel = page.locator('[data-testid="figure-panel"]');
    const figures = panel.locator('[data-testid="figure-detail"]');
    await expect.poll(() => figures.count()).toBeGreaterThan(1);
    const used = figures.first();
    expect(await used.locator('[data-testid="figure-value"]').innerText()).toBe('6,79%');
    expect(await used.locator('[data-testid="figure-sentence"]').innerText()).toMatch(REPORT_SENTENCE);
    expect(await used.locator('[data-testid="figure-sentence"] mark').innerText()).toBe('6,79%');
    expect(await used.locator('[data-testid="figure-used"]').innerText()).toContain(
      'Bảng chỉ tiêu dùng số này',
    );
    const values = await figures.locator('[data-testid="figure-value"]').allInnerTexts();
    expect(values).toContain('7,1%');
    const details = await used.locator('dl').innerText();
    expect(details).toContain('kết quả');
    expect(details).toContain('2021–2025');
    expect(details).toContain('bình quân hằng năm');
    expect(details).toContain('ước');
  });

  it('jumps to the figure in the documents area', async () => {
    const { page } = watched;
    await page
      .locator('[data-testid="figure-detail"]')
      .first()
      .locator('[data-testid="figure-open"]')
      .click();
    await expect.poll(() => page.locator('nav [data-area="documents"][aria-current="page"]').count()).toBe(1);
    expect(await page.locator('[data-testid="figure-panel"]').count()).toBe(0);
  });

  it('refuses a value it cannot read, in Vietnamese, and saves nothing', async () => {
    const { page } = watched;
    const cell = await openGrdpRow(page);
    await cell.locator('[data-testid="actual-drill"]').click();
    const used = page.locator('[data-testid="figure-detail"]').first();
    await used.locator('[data-testid="figure-correct"]').click();
    await used.locator('[data-testid="form-value"]').fill('sáu phẩy chín');
    await used.locator('[data-testid="form-save"]').click();
    expect(await used.locator('[data-testid="form-problem"]').innerText()).toContain('không phải số');
    expect(await cell.locator('[data-testid="reviewed-mark"]').count()).toBe(0);
  });

  it('corrects a figure: the pivot, SQL and a regenerated Excel report show it with its mark', async () => {
    const { page } = watched;
    const used = page.locator('[data-testid="figure-detail"]').first();
    await used.locator('[data-testid="form-value"]').fill('6,9');
    await used.locator('[data-testid="form-note"]').fill('đối chiếu Niên giám');
    await used.locator('[data-testid="form-save"]').click();
    await page.locator('[data-testid="review-saved"]').waitFor();
    await expect.poll(() => used.locator('[data-testid="figure-value"]').innerText()).toBe('6,9%');
    expect(await used.locator('[data-testid="figure-reviewed"]').count()).toBe(1);
    await page.locator('[data-testid="figure-panel-close"]').click();

    const cell = page.locator(
      '[data-testid="pivot"] tr[data-indicator="grdp_growth"] td[data-period="2021-2025"]',
    );
    await expect.poll(() => cell.locator('[data-testid="actual-value"]').innerText(), SLOW).toBe('6,9%');
    expect(await cell.locator('[data-testid="reviewed-mark"]').count()).toBe(1);

    await page.locator('nav [data-area="sql"]').click();
    await runSql(page, 'SELECT value_low, reviewed, correction_note FROM v_observations WHERE reviewed;');
    await expect.poll(async () => (await gridRows(page)).length).toBe(1);
    expect((await gridRows(page))[0]).toEqual(expect.arrayContaining(['6,9', 'đối chiếu Niên giám']));

    await page.locator('nav [data-area="exports"]').click();
    await page.locator('[data-testid="export-indicators"] input:checked').first().waitFor();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await downloadFrom(page, 'export-run'));
    const summary = workbook.getWorksheet('Tổng hợp')!;
    const periods = summary.getRow(4);
    let termColumn = 0;
    periods.eachCell((c, column) => {
      if (String(c.value).startsWith('2021')) termColumn ||= column;
    });
    expect(termColumn).toBeGreaterThan(0);
    let grdpActual: ExcelJS.Cell | undefined;
    summary.eachRow((row) => {
      if (String(row.getCell(1).value).startsWith('Tốc độ tăng trưởng kinh tế'))
        grdpActual ??= row.getCell(termColumn + 2);
    });
    expect(grdpActual?.value).toBe(6.9);
    expect(String(grdpActual?.note)).toContain('đã hiệu đính: đối chiếu Niên giám');
    const details: string[][] = [];
    workbook
      .getWorksheet('Chi tiết')!
      .eachRow((row) => details.push((row.values as unknown[]).slice(1).map((value) => String(value ?? ''))));
    expect(
      details.some((row) => row.includes('6.9') && row.includes('đã hiệu đính: đối chiếu Niên giám')),
    ).toBe(true);
    const sources: string[] = [];
    workbook.getWorksheet('Nguồn')!.eachRow((row) => sources.push((row.values as unknown[]).join(' | ')));
    expect(sources.join('\n')).toContain('Hiệu đính của người dùng');
    expect(
      sources.some(
        (line) =>
          line.includes('hiệu đính') && line.includes('đối chiếu Niên giám') && line.includes('6,79%'),
      ),
    ).toBe(true);
  });

  it('marks the corrected figure in the chart, and a point opens the figure behind it', async () => {
    const { page } = watched;
    await page.locator('nav [data-area="charts"]').click();
    const plot = page.locator('.js-plotly-plot');
    // The corrected point's label ends in ✎ (an estimate's also carries the estimate mark *).
    await expect
      .poll(
        async () =>
          (await plot.locator('text.bartext').allTextContents()).some((label) => label.endsWith('✎')),
        SLOW,
      )
      .toBe(true);
    const marked = plot.locator('g.point', { has: page.locator('text.bartext', { hasText: '✎' }) }).first();
    const box = await marked.locator('path').first().boundingBox();
    if (!box) throw new Error('the corrected bar is not drawn');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const figure = page.locator('[data-testid="figure-panel"] [data-testid="figure-detail"]');
    await expect
      .poll(() => figure.locator('[data-testid="figure-value"]').allInnerTexts(), SLOW)
      .toEqual(['6,9%']);
    await page.locator('[data-testid="figure-panel-close"]').click();
  });

  it('keeps the correction after a reload', async () => {
    const { page } = watched;
    await page.reload();
    const cell = await openGrdpRow(page);
    await expect.poll(() => cell.locator('[data-testid="actual-value"]').innerText(), SLOW).toBe('6,9%');
    expect(await cell.locator('[data-testid="reviewed-mark"]').count()).toBe(1);
  });

  it('reviews from the queue with the keyboard, counts progress per document, and exports the review', async () => {
    const { page } = watched;
    await page.locator('nav [data-area="review"]').click();
    const progress = page.locator('[data-testid="review-progress"] .overall');
    await expect.poll(() => progress.innerText(), SLOW).toMatch(/^đã rà soát 1\/\d{1,3}(\.\d{3})*$/u);
    const queue = page.locator('[data-testid="review-queue"]');
    const first = queue.locator('li').first();
    await first.waitFor();
    expect(await first.getAttribute('data-reviewed')).toBe('false');
    expect(await first.locator('.reason').count()).toBeGreaterThan(0);
    const firstId = await first.getAttribute('data-obs-id');
    await queue.focus();
    await page.keyboard.press('a');
    await expect.poll(() => progress.innerText(), SLOW).toMatch(/^đã rà soát 2\//u);
    await expect
      .poll(() => queue.locator(`li[data-obs-id="${firstId}"]`).getAttribute('data-reviewed'), SLOW)
      .toBe('true');
    const file = JSON.parse(new TextDecoder().decode(await downloadFrom(page, 'review-export'))) as {
      format: string;
      corrections: { kind: string; note: string }[];
    };
    expect(file.format).toBe('chi-tieu-workbench/review');
    expect(file.corrections.map((item) => item.kind).sort()).toEqual(['accept', 'correct']);
  });

  it('refuses a file that is not a review, in Vietnamese, keeping what was saved', async () => {
    const { page } = watched;
    await page.locator('[data-testid="review-import"]').setInputFiles({
      name: 'khong-phai.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "something else"}'),
    });
    await expect
      .poll(() => page.locator('.review-area [role="alert"]').innerText())
      .toContain('khong-phai.json');
    expect(await page.locator('[data-testid="review-progress"] .overall').innerText()).toMatch(
      /^đã rà soát 2\//u,
    );
  });

  it('lets the user pick another source, which the pivot then uses', async () => {
    const { page } = watched;
    const cell = await openGrdpRow(page);
    await cell.locator('[data-testid="actual-drill"]').click();
    const other = page.locator('[data-testid="figure-detail"]', { hasText: '7,1%' }).first();
    await other.locator('[data-testid="figure-pick"]').click();
    await expect.poll(() => cell.locator('[data-testid="actual-value"]').innerText(), SLOW).toBe('7,1%');
    await expect
      .poll(() =>
        page
          .locator('[data-testid="figure-detail"]')
          .first()
          .locator('[data-testid="figure-used"]')
          .innerText(),
      )
      .toContain('bạn đã chọn');
  });

  it('stores one acceptance for a double click, or a double "a" in the queue, also after a reload', async () => {
    const { page } = watched;
    const used = page.locator('[data-testid="figure-detail"]').first();
    await used.locator('[data-testid="figure-accept"]').dblclick();
    await page.locator('[data-testid="review-saved"]').waitFor();
    await page.reload();
    await waitForDatabase(page);
    await page.locator('nav [data-area="review"]').click();
    const progress = page.locator('[data-testid="review-progress"] .overall');
    await expect.poll(() => progress.innerText(), SLOW).toMatch(/^đã rà soát 3\//u);
    expect(await exportedKinds(page)).toEqual(['accept', 'accept', 'correct']);

    const queue = page.locator('[data-testid="review-queue"]');
    await queue.locator('li').first().waitFor();
    await queue.focus();
    await page.keyboard.press('a');
    await page.keyboard.press('a');
    await expect.poll(() => progress.innerText(), SLOW).toMatch(/^đã rà soát 4\//u);
    await page.reload();
    await waitForDatabase(page);
    await page.locator('nav [data-area="review"]').click();
    await expect.poll(() => progress.innerText(), SLOW).toMatch(/^đã rà soát 4\//u);
    expect(await exportedKinds(page)).toEqual(['accept', 'accept', 'accept', 'correct']);
  });

  it('logged no console error and sent nothing off the machine', () => {
    expect(watched.problems).toEqual([]);
  });
});
