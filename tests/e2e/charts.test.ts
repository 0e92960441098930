import { mkdir } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { downloadFrom as download } from './support/browser.ts';
import { useWorkbenchPage } from './support/workbench-page.ts';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('charts', () => {
  const watched = useWorkbenchPage();

  beforeAll(async () => {
    await watched.page.locator('nav [data-area="charts"]').click();
    await mkdir('test-results', { recursive: true });
  });

  it('draws GRDP growth targets beside results by period, in Vietnamese', async () => {
    const { page } = watched;
    await page.locator('[data-testid="chart"][data-ready="true"] .main-svg').first().waitFor();
    const title = await page.locator('[data-testid="chart"] .gtitle').textContent();
    expect(title).toBe('Tốc độ tăng trưởng kinh tế (GRDP): chỉ tiêu và kết quả theo giai đoạn');
    // The source note is the chart's first annotation (the range labels come after it).
    expect(await page.locator('[data-testid="chart"] .annotation-text').first().textContent()).toMatch(
      /^Nguồn: /,
    );
    expect(await page.locator('[data-testid="chart"] .xtick').allTextContents()).toEqual([
      '2016–2020',
      '2021–2025',
      '2026–2030',
    ]);
    await page.screenshot({ path: 'test-results/chart-target.png' });
  });

  it('exports a PNG at twice the size that is not blank, drawn in the bundled font', async () => {
    const { page } = watched;
    const png = Buffer.from(await download(page, 'export-png'));
    expect(pngSize(png)).toEqual([1920, 960]);
    const inked = await page.evaluate(async (base64) => {
      const bitmap = await createImageBitmap(
        new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }),
      );
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let coloured = 0;
      for (let i = 0; i < pixels.length; i += 4 * 97)
        if (pixels[i]! < 200 || pixels[i + 1]! < 200 || pixels[i + 2]! < 200) coloured++;
      return coloured;
    }, png.toString('base64'));
    expect(inked).toBeGreaterThan(500);
  });

  it('exports an SVG that carries the Vietnamese title', async () => {
    const svg = Buffer.from(await download(watched.page, 'export-svg')).toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Tốc độ tăng trưởng kinh tế (GRDP): chỉ tiêu và kết quả theo giai đoạn');
    expect(svg).toContain('Be Vietnam Pro');
  });

  it('takes an edited title and subtitle, bars or lines, labels on or off, with nothing overlapping', async () => {
    const { page } = watched;
    await page.locator('[data-testid="chart-title"]').fill('Tăng trưởng GRDP: mục tiêu và thực hiện');
    await page.locator('[data-testid="chart-subtitle"]').fill('Báo cáo giao ban tháng 12');
    await expect
      .poll(() => page.locator('[data-testid="chart"] .gtitle').textContent())
      .toBe('Tăng trưởng GRDP: mục tiêu và thực hiện');
    expect(await page.locator('[data-testid="chart"] .gtitle-subtitle').textContent()).toBe(
      'Báo cáo giao ban tháng 12',
    );
    // Labels as the tables write them, the estimate marked; a range's label is an annotation.
    const labels = (): Promise<string[]> =>
      page
        .locator('[data-testid="chart"] .barlayer .bartext, [data-testid="chart"] .annotation-text')
        .allTextContents();
    expect(await labels()).toEqual(expect.arrayContaining(['7–7,5%', '6,79%*']));
    const boxes = await page.evaluate(() => {
      const box = (selector: string): DOMRect[] =>
        [...document.querySelectorAll(`[data-testid="chart"] ${selector}`)].map((element) =>
          element.getBoundingClientRect(),
        );
      return {
        legend: box('.legend'),
        xTitle: box('.xtitle'),
        note: box('.annotation'),
        title: box('.gtitle, .gtitle-subtitle'),
        ticks: box('.xtick'),
        errorBars: box('.errorbar path'),
        labels: box('.bartext, .annotation'),
      };
    });
    const overlaps = (a: DOMRect, b: DOMRect): boolean =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const groups = [boxes.legend, boxes.xTitle, boxes.note, boxes.title, boxes.ticks];
    for (const [i, group] of groups.entries())
      for (const other of groups.slice(i + 1))
        for (const a of group) for (const b of other) expect(overlaps(a, b)).toBe(false);
    // No error bar runs through a label: a range's label sits above its bar's whisker.
    expect(boxes.errorBars.length).toBeGreaterThan(0);
    for (const bar of boxes.errorBars)
      for (const label of boxes.labels) expect(overlaps(bar, label)).toBe(false);
    const svg = Buffer.from(await download(page, 'export-svg')).toString('utf8');
    expect(svg).toContain('Tăng trưởng GRDP: mục tiêu và thực hiện');
    expect(svg).toContain('Báo cáo giao ban tháng 12');
    await page.screenshot({ path: 'test-results/chart-edited.png' });
    await page.locator('[data-testid="chart-labels"]').uncheck();
    await expect.poll(labels).toEqual(expect.not.arrayContaining(['7–7,5%']));
    await page.locator('[data-testid="chart-type"]').selectOption('line');
    await expect.poll(() => page.locator('[data-testid="chart"] .scatterlayer .trace').count()).toBe(2);
    // The edits belong to this chart: another indicator's chart has its own words, and coming back
    // finds them again (the exports draw with them too).
    await page.locator('[data-testid="chart-indicator"]').selectOption('poverty_rate');
    await expect
      .poll(() => page.locator('[data-testid="chart"] .gtitle').textContent())
      .not.toBe('Tăng trưởng GRDP: mục tiêu và thực hiện');
    expect(await page.locator('[data-testid="chart-reset"]').isDisabled()).toBe(true);
    await page.locator('[data-testid="chart-indicator"]').selectOption('grdp_growth');
    await expect
      .poll(() => page.locator('[data-testid="chart"] .gtitle').textContent())
      .toBe('Tăng trưởng GRDP: mục tiêu và thực hiện');
    expect(await page.locator('[data-testid="chart-type"]').inputValue()).toBe('line');
    expect(await page.locator('[data-testid="chart-labels"]').isChecked()).toBe(false);
    // "Bỏ chỉnh sửa" gives the chart its own words and style back.
    await page.locator('[data-testid="chart-reset"]').click();
    await expect
      .poll(() => page.locator('[data-testid="chart"] .gtitle').textContent())
      .toBe('Tốc độ tăng trưởng kinh tế (GRDP): chỉ tiêu và kết quả theo giai đoạn');
    expect(await page.locator('[data-testid="chart-title"]').inputValue()).toBe(
      'Tốc độ tăng trưởng kinh tế (GRDP): chỉ tiêu và kết quả theo giai đoạn',
    );
    expect(await page.locator('[data-testid="chart-type"]').inputValue()).toBe('bar');
    expect(await page.locator('[data-testid="chart-labels"]').isChecked()).toBe(true);
  });

  it('draws the yearly series and the economic structure', async () => {
    const { page } = watched;
    await page.locator('[data-testid="chart-kind"]').selectOption('yearly');
    // Queries over v_observations take seconds on a loaded machine: wait for the lines to be drawn.
    await page.locator('[data-testid="chart"] .scatterlayer .trace').first().waitFor();
    expect(await page.locator('[data-testid="chart"] .xtick').allTextContents()).toEqual(
      expect.arrayContaining(['2021', '2022', '2023', '2024', '2025']),
    );
    await page.screenshot({ path: 'test-results/chart-yearly.png' });
    await page.locator('[data-testid="chart-kind"]').selectOption('structure');
    await page
      .locator('[data-testid="chart"] .gtitle', { hasText: 'Cơ cấu kinh tế tỉnh Lạng Sơn theo khu vực (%)' })
      .waitFor();
    expect(await page.locator('[data-testid="chart"] .barlayer .trace').count()).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: 'test-results/chart-structure.png' });
  });

  it('speaks English in English mode: legend, axes, units, labels, hover and source note', async () => {
    const { page } = watched;
    await page.locator('[data-testid="locale-toggle"]').click();
    await page.locator('[data-testid="chart-kind"]').selectOption('target');
    const chart = page.locator('[data-testid="chart"]');
    await chart.locator('.legendtext', { hasText: 'Result' }).waitFor();
    expect(await chart.locator('.legendtext').allTextContents()).toEqual(['Target', 'Result']);
    expect(await chart.locator('.gtitle').textContent()).toBe(
      'GRDP growth rate: targets and results by period',
    );
    expect(await chart.locator('.xtitle').textContent()).toBe('Period');
    expect(await chart.locator('.annotation-text').first().textContent()).toMatch(/^Source: .*\* Estimate/);
    // Words a reader sees beside the plot: only letters an English text has (no Vietnamese diacritics),
    // the range labels included; the note names places (Lạng Sơn) and is read above.
    const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
    const words = async (): Promise<string[]> =>
      chart
        .locator(
          '.legendtext, .xtitle, [class*="title"]:not(.gtitle):not(.gtitle-subtitle), .xtick, .ytick, .bartext, .textpoint, .annotation-text',
        )
        .allTextContents()
        .then((texts) => texts.filter((text) => !text.startsWith('Source: ')));
    expect((await words()).filter((text) => VIETNAMESE.test(text))).toEqual([]);
    // Hover: the figure with its English unit.
    // Plotly's drag layer lies over the bars and takes the pointer; it draws the hover.
    await chart.locator('.barlayer .point').first().hover({ force: true });
    await chart.locator('.hoverlayer .hovertext').first().waitFor();
    expect(await chart.locator('.hoverlayer').textContent()).toMatch(/%/);
    expect(await chart.locator('.hoverlayer').textContent()).not.toMatch(VIETNAMESE);

    // Three indicators of three dimensions: small multiples, one panel per unit, in English units.
    await page.locator('[data-testid="chart-kind"]').selectOption('yearly');
    await page
      .locator('[data-testid="chart-series"]')
      .selectOption(['grdp_growth', 'border_trade_turnover', 'grdp_per_capita']);
    const axisTitles = (): Promise<string[]> =>
      page.evaluate(() =>
        [...document.querySelectorAll('[data-testid="chart"] text')]
          .filter((text) => /^y\d*title$/.test(text.getAttribute('class') ?? ''))
          .map((text) => text.textContent ?? ''),
      );
    await chart.locator('.legendtext', { hasText: 'GRDP per capita' }).waitFor();
    expect((await axisTitles()).sort()).toEqual(['%', 'billion USD', 'million VND']);
    expect((await chart.locator('.legendtext').allTextContents()).sort()).toEqual([
      'GRDP growth rate',
      'GRDP per capita (VND)',
      'Import-export turnover through the province',
    ]);
    expect((await words()).filter((text) => VIETNAMESE.test(text))).toEqual([]);
    // The panels are stacked one above the other, never overlapping, and share one x-axis.
    const panels = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="chart"] .draglayer .nsewdrag')]
        .map((rect) => rect.getBoundingClientRect())
        .filter((box) => box.height > 0)
        .map((box) => [box.top, box.bottom]),
    );
    expect(panels.length).toBe(3);
    const sorted = [...panels].sort((a, b) => a[0]! - b[0]!);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]![0]!).toBeGreaterThan(sorted[i - 1]![1]!);
    // One shared x-axis: each year is written once, under the bottom panel.
    const years = await chart.locator('.xtick').allTextContents();
    expect(years).toEqual(expect.arrayContaining(['2021', '2025']));
    expect(new Set(years).size).toBe(years.length);
    const lowest = Math.max(...sorted.map((panel) => panel[1]!));
    const tickTops = await chart
      .locator('.xtick')
      .evaluateAll((ticks) => ticks.map((tick) => tick.getBoundingClientRect().top));
    for (const top of tickTops) expect(top).toBeGreaterThanOrEqual(lowest - 1);
    await page.screenshot({ path: 'test-results/chart-small-multiples-en.png' });
    // At 1280×720 the chart is taller than the window: the area scrolls to its bottom panel.
    await page.setViewportSize({ width: 1280, height: 720 });
    const bottomPanel = await page.evaluate(() => {
      const rects = [...document.querySelectorAll('[data-testid="chart"] .draglayer .nsewdrag')].filter(
        (rect) => rect.getBoundingClientRect().height > 0,
      );
      const lowest = rects.sort(
        (a, b) => b.getBoundingClientRect().bottom - a.getBoundingClientRect().bottom,
      )[0]!;
      lowest.scrollIntoView({ block: 'end' });
      const box = lowest.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, right: box.right };
    });
    expect(bottomPanel.top).toBeGreaterThanOrEqual(0);
    expect(bottomPanel.bottom).toBeLessThanOrEqual(720);
    expect(bottomPanel.right).toBeLessThanOrEqual(1280);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('[data-testid="locale-toggle"]').click();
  });

  it('sent no request off the machine and logged no console error', () => {
    expect(watched.problems).toEqual([]);
  });
});
