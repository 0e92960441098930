import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { downloadFrom as download } from './support/browser.ts';
import { useWorkbenchPage } from './support/workbench-page.ts';
import { runSql } from './support/sql.ts';

describe('exports from the app', () => {
  const watched = useWorkbenchPage();

  it('makes the Excel report of the chosen indicators, charts included', async () => {
    const { page } = watched;
    await page.locator('nav [data-area="exports"]').click();
    await page.locator('[data-testid="export-indicators"] input:checked').first().waitFor();
    const chosen = await page.locator('[data-testid="export-indicators"] input:checked').count();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await download(page, 'export-run'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Tổng hợp',
      'Chi tiết',
      'Nguồn',
      'Biểu đồ',
    ]);
    expect(workbook.getWorksheet('Biểu đồ')!.getImages().length).toBeGreaterThanOrEqual(chosen - 1);
    expect(await page.locator('[data-testid="export-message"]').innerText()).toMatch(
      /^Đã lưu bao-cao-chi-tieu-\d{4}-\d{2}-\d{2}\.xlsx\.$/,
    );
  });

  it('makes the PowerPoint deck', async () => {
    const { page } = watched;
    await page.locator('[data-testid="format-pptx"]').check();
    const zip = await JSZip.loadAsync(await download(page, 'export-run'));
    const slides = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    expect(slides.length).toBeGreaterThanOrEqual(3);
    expect(await zip.file('ppt/slides/slide1.xml')!.async('string')).toContain(
      'Báo cáo chỉ tiêu kinh tế – xã hội',
    );
  });

  it('writes 100,000 result rows to xlsx in a worker', async () => {
    const { page } = watched;
    await page.locator('nav [data-area="sql"]').click();
    await runSql(page, "SELECT range AS so, range * 1.5 AS gia_tri, 'tăng' AS chu FROM range(100000)");
    await page.locator('[data-testid="export-format"]').selectOption('xlsx');
    const bytes = await download(page, 'export-result');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    expect(workbook.worksheets[0]!.rowCount).toBe(100_001);
    expect(workbook.worksheets[0]!.getRow(2).values).toEqual([undefined, 0, 0, 'tăng']);
  });

  it('sent no request off the machine and logged no console error', () => {
    expect(watched.problems).toEqual([]);
  });
});
