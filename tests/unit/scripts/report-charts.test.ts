import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { indicatorChartSvg } from '../../../renderer/src/lib/report/report-chart-svg.ts';
import { readReportData } from '../../../renderer/src/lib/report/report-data.ts';
import { hasFigures } from '../../../renderer/src/lib/report/report-sources.ts';
import { renderChartPngs } from '../../../scripts/lib/chart-png.ts';
import { openReportDatabase } from '../../../scripts/lib/report-database.ts';

// More than one worker's batch, so that batches, lanes and their order all play a part.
const INDICATOR_COUNT = 30;

describe('report charts drawn in workers and kept in a cache', () => {
  let db: WorkbenchDatabase;
  let svgs: string[];
  let cache: string;

  beforeAll(async () => {
    ({ db } = await openReportDatabase('auto'));
    const data = await readReportData(db, { indicators: 'all', periods: 'terms' });
    if (!data.ok) throw new Error(data.error.message);
    svgs = data.value.rows
      .filter(hasFigures)
      .slice(0, INDICATOR_COUNT)
      .map((row) => indicatorChartSvg(row, data.value.columns, 'vi'));
    cache = await mkdtemp(join(tmpdir(), 'ctw-chart-cache-'));
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await rm(cache, { recursive: true, force: true });
  });

  it('gives, in order, the pixels resvg draws with every system font loaded (as the CLI drew them before)', async () => {
    const pngs = await renderChartPngs(svgs, cache);
    expect(pngs).toHaveLength(svgs.length);
    for (const index of [0, 13, svgs.length - 1]) {
      const before = new Resvg(svgs[index]!, {
        fitTo: { mode: 'zoom', value: 2 },
        font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
      })
        .render()
        .asPng();
      const drawn = PNG.sync.read(Buffer.from(pngs[index]!));
      const reference = PNG.sync.read(before);
      expect([drawn.width, drawn.height], `chart ${index}`).toEqual([reference.width, reference.height]);
      expect(drawn.data.equals(reference.data), `chart ${index}`).toBe(true);
      // A palette picture (colour type 3), a fraction of resvg's RGBA file.
      expect(pngs[index]![25], `chart ${index}`).toBe(3);
      expect(pngs[index]!.length, `chart ${index}`).toBeLessThan(before.length * 0.6);
    }
    expect((await readdir(cache)).filter((name) => name.endsWith('.png'))).toHaveLength(svgs.length);
    expect((await readdir(cache)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 300_000);

  it('reads a chart drawn before from the cache instead of drawing it again', async () => {
    const [name] = (await readdir(cache)).filter((entry) => entry.endsWith('.png'));
    const marker = new Uint8Array([1, 2, 3]);
    await writeFile(join(cache, name!), marker);
    const pngs = await renderChartPngs(svgs, cache);
    expect(pngs.filter((png) => Buffer.from(png).equals(marker))).toHaveLength(1);
  }, 300_000);

  it('still draws every chart when the cache folder cannot be made', async () => {
    const blocked = join(cache, 'a-file');
    await writeFile(blocked, 'not a folder');
    const pngs = await renderChartPngs(svgs.slice(0, 2), join(blocked, 'charts'));
    expect(pngs.map((png) => Buffer.from(png.slice(1, 4)).toString())).toEqual(['PNG', 'PNG']);
  }, 300_000);

  it('fails with the worker telling why when an SVG cannot be drawn', async () => {
    await expect(renderChartPngs(['<svg this is not svg'], join(cache, 'bad'))).rejects.toThrow(
      /svg|xml|parse/iu,
    );
  }, 300_000);
});
