import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { downloadFrom as download } from './support/browser.ts';
import { useWorkbenchPage } from './support/workbench-page.ts';
import { scrollThroughPivot, searchPivot } from './support/pivot.ts';
import { runSql } from './support/sql.ts';

// One pivot computation on a cold engine takes seconds, and more on a machine shared by many runs.
const PIVOT_READY = { timeout: 120_000 };

/** A cell's number rounded as the grid writes it, or null for an empty cell. */
function shown(value: ExcelJS.CellValue): number | null {
  return typeof value === 'number' ? Math.round(value * 100) / 100 : null;
}

interface GridRow {
  label: string;
  /** The cells in the grid's column order. */
  cells: { target: string; actual: string; percent: string }[];
}

/** A number as the pivot writes it in Vietnamese (`54.449,1`, `≥7–7,5%`): its first value. */
function viNumber(text: string): number | null {
  const match = /-?\d[\d.]*(,\d+)?/.exec(text);
  return match ? Number(match[0].replace(/\./g, '').replace(',', '.')) : null;
}

/** The pivot's rows as the grid shows them, scrolled through: each row's name and its cells in column order. */
function readGrid(page: Page): Promise<GridRow[]> {
  return scrollThroughPivot(page, (rows) =>
    rows.map((row) => {
      const text = (cell: Element, id: string): string =>
        cell.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '';
      const cells = [...row.querySelectorAll('td[data-period]')].map((cell) => ({
        target: text(cell, 'target-value'),
        actual: text(cell, 'actual-value'),
        percent: text(cell, 'percent-of-target'),
      }));
      // The name as the workbook writes it: without the "đơn vị khác" mark beside it.
      const name = row.querySelector('th.name')!.cloneNode(true) as Element;
      name.querySelector('[data-testid="other-unit"]')?.remove();
      return { label: name.textContent!.trim(), cells };
    }),
  );
}

/** The summary sheet's rows under its two header rows, each as the grid names it. */
function summaryLines(summary: ExcelJS.Worksheet): { label: string; line: ExcelJS.Row }[] {
  const lines: { label: string; line: ExcelJS.Row }[] = [];
  summary.eachRow((line, number) => {
    if (number <= 5) return;
    const [name, unit] = [String(line.getCell(1).value), String(line.getCell(2).value ?? '')];
    lines.push({ label: unit && unit !== '%' ? `${name} (${unit})` : name, line });
  });
  return lines;
}

describe('exports from the app', () => {
  const watched = useWorkbenchPage();

  it('makes the Excel report of the chosen indicators, charts included', async () => {
    const { page } = watched;
    await page.locator('nav [data-area="exports"]').click();
    // The list is read by a query queued behind the home pivot's first computation.
    await page.locator('[data-testid="export-indicators"] input:checked').first().waitFor(PIVOT_READY);
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

  it('exports the pivot exactly as displayed: its filtered rows in order, periods, values and measures', async () => {
    const { page } = watched;
    await page.locator('nav [data-area="pivot"]').click();
    await page.locator('[data-testid="pivot"] [data-indicator]').first().waitFor(PIVOT_READY);
    // A filter by domain and a search without diacritics, as a statistician narrows the table.
    await page.locator('.pivot-area .controls select').first().selectOption('kinh_te');
    await searchPivot(page, 'tang truong');
    await page.locator('[data-testid="pivot"] tr[data-indicator="grdp_growth"]').first().waitFor(PIVOT_READY);
    const shownPeriods = await page
      .locator('[data-testid="pivot"] thead th[data-period] [data-testid="period-label"]')
      .allInnerTexts();
    const grid = await readGrid(page);
    expect(grid.length).toBeGreaterThan(1);
    expect(grid.some((row) => row.cells.some((cell) => cell.percent !== ''))).toBe(true);

    await page.locator('nav [data-area="exports"]').click();
    await page.locator('[data-testid="export-source-pivot"]').check();
    await page.locator('[data-testid="format-xlsx"]').check();
    expect(await page.locator('[data-testid="export-run"]').innerText()).toContain(`(${grid.length})`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await download(page, 'export-run'));
    const summary = workbook.getWorksheet('Tổng hợp')!;
    // The same periods in the same order: four columns each, then the measures of each.
    shownPeriods.forEach((label, index) => expect(summary.getCell(4, 3 + index * 4).value).toBe(label));
    const headers = new Map<string, number>();
    summary.getRow(5).eachCell((cell, column) => {
      const group = String(summary.getCell(4, column).value ?? '');
      headers.set(`${group}|${String(cell.value)}`, column);
    });
    const lines = summaryLines(summary);
    // The same rows in the same order, named as the grid names them.
    expect(lines.map((line) => line.label)).toEqual(grid.map((row) => row.label));
    let measures = 0;
    grid.forEach((row, at) => {
      const { line } = lines[at]!;
      shownPeriods.forEach((label, index) => {
        const cell = row.cells[index]!;
        const target = line.getCell(3 + index * 4);
        const actual = line.getCell(3 + index * 4 + 2);
        // The cell keeps the full number; the grid writes it to two decimals.
        expect(shown(target.value), `${row.label} ${label} target`).toBe(viNumber(cell.target));
        expect(shown(actual.value), `${row.label} ${label} result`).toBe(viNumber(cell.actual));
        if (typeof actual.value === 'number') expect(actual.numFmt).toMatch(/^\[\$-42A\]#,##0/);
        const column = headers.get(`${label}: chỉ số tính toán|% so với chỉ tiêu`);
        const percent = column === undefined ? null : line.getCell(column);
        if (cell.percent) {
          measures += 1;
          expect(percent?.numFmt).toContain('"%"');
          expect(Math.round(Number(percent?.value) * 10) / 10).toBe(viNumber(cell.percent));
        } else expect(percent?.value ?? null).toBeNull();
      });
    });
    expect(measures).toBeGreaterThan(0);
  });

  it('sorts the pivot by % of target for 2021–2025, and the exported table follows the sort', async () => {
    const { page } = watched;
    await page.locator('nav [data-area="pivot"]').click();
    await page.locator('.pivot-area .controls select').first().selectOption('');
    await searchPivot(page, '');
    await page
      .locator('[data-testid="pivot"][data-loading="false"] tr[data-indicator]')
      .first()
      .waitFor(PIVOT_READY);
    // Every indicator is in the table, drawn or not (only the rows near the screen are).
    expect(
      Number(await page.locator('[data-testid="pivot"] table').getAttribute('aria-rowcount')),
    ).toBeGreaterThan(50);
    const header = page.locator('[data-testid="pivot"] thead th[data-period="2021-2025"]');
    const byPercent = header.locator('[data-testid="sort-percent"]');
    expect(await header.getAttribute('aria-sort')).toBe('none');
    await byPercent.click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await byPercent.click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    // Sorted, the table is one list in the sort's order, no longer grouped by domain.
    expect(await page.locator('[data-testid="pivot"] tr.domain').count()).toBe(0);
    const periods = await page
      .locator('[data-testid="pivot"] thead th[data-period] [data-testid="period-label"]')
      .allInnerTexts();
    const at = periods.indexOf('2021–2025');
    const grid = await readGrid(page);
    const percents = grid.map((row) => viNumber(row.cells[at]!.percent));
    const known = percents.filter((value): value is number => value !== null);
    expect(known.length).toBeGreaterThan(5);
    // Highest first; the rows without a % of target for 2021–2025 come last.
    expect(percents.slice(0, known.length)).toEqual(known);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(known[0]).toBeGreaterThan(known.at(-1)!);

    await page.locator('nav [data-area="exports"]').click();
    await page.locator('[data-testid="export-source-pivot"]').check();
    await page.locator('[data-testid="format-xlsx"]').check();
    // The table is what is compared: a picture for each of its hundreds of rows is not.
    await page.locator('[data-testid="export-charts"]').uncheck();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await download(page, 'export-run'));
    const summary = workbook.getWorksheet('Tổng hợp')!;
    const lines = summaryLines(summary);
    expect(lines.map((line) => line.label)).toEqual(grid.map((row) => row.label));
    let column: number | undefined;
    summary.getRow(5).eachCell((cell, index) => {
      const group = String(summary.getCell(4, index).value ?? '');
      if (group === '2021–2025: chỉ số tính toán' && cell.value === '% so với chỉ tiêu') column = index;
    });
    expect(column).toBeDefined();
    const exported = lines.map(({ line }) => {
      const value = line.getCell(column!).value;
      return typeof value === 'number' ? value : null;
    });
    const exportedKnown = exported.filter((value): value is number => value !== null);
    expect(exportedKnown.length).toBe(known.length);
    expect(exported.slice(0, exportedKnown.length)).toEqual(exportedKnown);
    expect(exportedKnown).toEqual([...exportedKnown].sort((a, b) => b - a));

    // The query's order again, grouped by domain.
    await page.locator('nav [data-area="pivot"]').click();
    await page.locator('[data-testid="sort-clear"]').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('none');
    // Each domain's heading is a row again, the first one on top (the rows near the screen are drawn).
    const rowCount = () => page.locator('[data-testid="pivot"] table').getAttribute('aria-rowcount');
    await expect.poll(async () => Number(await rowCount())).toBeGreaterThan(grid.length + 3);
    await page.locator('[data-testid="pivot"]').evaluate((element) => (element.scrollTop = 0));
    await expect
      .poll(() => page.locator('[data-testid="pivot"] tbody tr:not(.spacer)').first().getAttribute('class'))
      .toContain('domain');
  });

  it("carries a user's chart edits into the SVG, the PNG, the workbook's picture and the deck's chart", async () => {
    const { page } = watched;
    const TITLE = 'Tăng trưởng GRDP: mục tiêu và thực hiện (giao ban)';
    await page.locator('nav [data-area="charts"]').click();
    await page.locator('[data-testid="chart-kind"]').selectOption('target');
    await page.locator('[data-testid="chart-indicator"]').selectOption('grdp_growth');
    await page.locator('[data-testid="chart"][data-ready="true"] .barlayer .bartext').first().waitFor();
    await page.locator('[data-testid="chart-title"]').fill(TITLE);
    await page.locator('[data-testid="chart-type"]').selectOption('line');
    await page.locator('[data-testid="chart-labels"]').uncheck();
    await page.locator('[data-testid="chart"] .scatterlayer .trace').first().waitFor();
    await expect.poll(() => page.locator('[data-testid="chart"] .gtitle').textContent()).toBe(TITLE);
    // No value written at the points; only the estimate's mark is left.
    const pointTexts = await page.locator('[data-testid="chart"] .textpoint').allTextContents();
    expect(pointTexts.filter((text) => /\d/.test(text))).toEqual([]);

    const svg = Buffer.from(await download(page, 'export-svg')).toString('utf8');
    expect(svg).toContain(TITLE);
    expect(svg).toContain('class="scatterlayer');
    expect(svg).not.toContain('class="bars"');
    expect(svg).not.toContain('7–7,5%');
    const screenPng = Buffer.from(await download(page, 'export-png'));

    await page.locator('nav [data-area="exports"]').click();
    await page.locator('[data-testid="export-source-chosen"]').check();
    await page.locator('[data-testid="format-xlsx"]').check();
    await page.locator('[data-testid="export-charts"]').check();
    await page.locator('[data-testid="export-indicators"] input[value="grdp_growth"]:checked').waitFor();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await download(page, 'export-run'));
    const sheet = workbook.getWorksheet('Biểu đồ')!;
    // One of its pictures is the charts area's PNG of the edited chart, pixel for pixel.
    const pictures = sheet
      .getImages()
      .map((item) => Buffer.from(workbook.getImage(Number(item.imageId)).buffer as ArrayBuffer));
    expect(pictures.length).toBeGreaterThan(1);
    const differing = await page.evaluate(
      async ([left, ...others]) => {
        const pixels = async (base64: string): Promise<Uint8ClampedArray> => {
          const bitmap = await createImageBitmap(
            new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }),
          );
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const context = canvas.getContext('2d')!;
          context.drawImage(bitmap, 0, 0);
          return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
        };
        const differ = (a: Uint8ClampedArray, b: Uint8ClampedArray): number => {
          if (a.length !== b.length) return -1;
          let count = 0;
          for (let i = 0; i < a.length; i += 4)
            if (
              Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!) >
              24
            )
              count++;
          return count;
        };
        const screen = await pixels(left!);
        return Promise.all(others.map(async (other) => differ(screen, await pixels(other))));
      },
      [screenPng.toString('base64'), ...pictures.map((picture) => picture.toString('base64'))],
    );
    // Exactly one picture is the screen's; the others are other indicators' charts.
    expect(differing.filter((count) => count === 0)).toHaveLength(1);

    // The deck: the slide of GRDP growth carries the edited title over a native line chart without values.
    await page.locator('[data-testid="format-pptx"]').check();
    const zip = await JSZip.loadAsync(await download(page, 'export-run'));
    const slideNames = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    const slides = await Promise.all(
      slideNames.map(async (name) => ({ name, xml: await zip.file(name)!.async('string') })),
    );
    const edited = slides.filter((slide) => slide.xml.includes(TITLE.replace(/&/g, '&amp;')));
    expect(edited.map((slide) => slide.name)).toHaveLength(1);
    const rels = await zip
      .file(edited[0]!.name.replace('slides/', 'slides/_rels/').replace('.xml', '.xml.rels'))!
      .async('string');
    const chartPath = /Target="[./]*\/?ppt\/charts\/(chart\d+\.xml)"/.exec(rels)?.[1];
    expect(chartPath).toBeDefined();
    const chartXml = await zip.file(`ppt/charts/${chartPath!}`)!.async('string');
    expect(chartXml).toContain('<c:lineChart>');
    expect(chartXml).not.toContain('<c:barChart>');
    expect(chartXml).not.toContain('7–7,5%');
    // Another indicator's chart keeps its defaults: bars with their values.
    const others = slides.filter((slide) => slide !== edited[0] && slide.xml.includes('theo giai đoạn'));
    expect(others.length).toBeGreaterThan(0);
  });

  it('sent no request off the machine and logged no console error', () => {
    expect(watched.problems).toEqual([]);
  });
});
