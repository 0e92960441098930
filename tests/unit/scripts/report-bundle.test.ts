import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBundle } from '../../../scripts/lib/report-bundle.mjs';

const run = promisify(execFile);

describe('a CLI bundled once and rebuilt when its sources change', () => {
  let work: string;
  let folder: string;
  let entry: string;
  const word = (text: string): Promise<void> =>
    writeFile(join(work, 'word.ts'), `export const word: string = ${text};\n`);

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'ctw-bundle-'));
    folder = join(work, 'builds');
    entry = join(work, 'entry.ts');
    await writeFile(
      entry,
      "import { word } from './word.ts';\nexport const said = word;\nexport const url = import.meta.url;\n",
    );
    await word("'một'");
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('runs the bundle, whose modules keep their own import.meta.url', async () => {
    const module = await import(await freshBundle(entry, folder));
    expect(module.said).toBe('một');
    expect(module.url).toBe(pathToFileURL(entry).href);
  });

  it('reuses the bundle while nothing changed, and builds anew when an imported file did', async () => {
    const first = await freshBundle(entry, folder);
    expect(await freshBundle(entry, folder)).toBe(first);
    await word("'hai'");
    const second = await freshBundle(entry, folder);
    expect(second).not.toBe(first);
    expect((await import(second)).said).toBe('hai');
  });

  it('fails on a source that does not build and keeps the last good bundle', async () => {
    const good = await freshBundle(entry, folder);
    await word("'ba");
    await expect(freshBundle(entry, folder)).rejects.toThrow(/unterminated|expected/iu);
    await word("'hai'");
    expect(await freshBundle(entry, folder)).toBe(good);
  });

  // Its size and time alone would call it unchanged: its time is too close to the hashing (here after it) to trust.
  it('builds anew when a file just written keeps its size and modification time but not its bytes', async () => {
    const file = join(work, 'word.ts');
    // Whole seconds, which every file system keeps exactly; an hour ahead, so that the time is
    // after the hashing however long the build takes (a clock set ahead, or a write during the build).
    const tick = Math.floor(Date.now() / 1000) + 3600;
    await word("'tam'");
    await utimes(file, tick, tick);
    const first = await freshBundle(entry, folder);
    expect((await import(first)).said).toBe('tam');
    await word("'sau'");
    await utimes(file, tick, tick);
    const second = await freshBundle(entry, folder);
    expect(second).not.toBe(first);
    expect((await import(second)).said).toBe('sau');
  });
});

describe('npm run report, bundled', () => {
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'ctw-bundled-report-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  const report = (format: string, ...options: string[]): Promise<{ stdout: string; stderr: string }> =>
    run(
      process.execPath,
      [
        'scripts/lib/report-run.mjs',
        ...['--format', format, '--indicators', 'grdp_growth,poverty_rate'],
        ...['--out', join(work, `r${options.join('')}.${format}`), '--date', '2026-12-01', ...options],
      ],
      { env: { ...process.env, CHI_TIEU_CHART_CACHE: join(work, 'charts') }, timeout: 240_000 },
    );

  it('writes the workbook with its charts drawn into an empty cache, as palette pictures', async () => {
    const { stdout, stderr } = await report('xlsx');
    expect(stderr).toBe('');
    expect(stdout).toMatch(/r\.xlsx: xlsx, 2 indicators, \d+ bytes/u);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await readFile(join(work, 'r.xlsx'))).buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Tổng hợp',
      'Chi tiết',
      'Nguồn',
      'Biểu đồ',
    ]);
    const charts = workbook.getWorksheet('Biểu đồ')!;
    expect(charts.getImages()).toHaveLength(2);
    // One picture a printed page, with no title repeated above it (the picture has its own).
    const rows = charts.getImages().map((image) => image.range.tl.nativeRow);
    expect(new Set(rows).size).toBe(2);
    expect(charts.getCell(1, 1).value).toBeNull();
    for (const media of workbook.model.media) {
      const png = Buffer.from(media.buffer as unknown as Uint8Array);
      expect(png[25]).toBe(3);
      expect(PNG.sync.read(png)).toMatchObject({ width: 1920, height: 960 });
    }
  }, 300_000);

  // The bundle holds apache-arrow; DuckDB-WASM's browser build must use that copy, not its own.
  it('writes the same summary on DuckDB-WASM as on native DuckDB', async () => {
    for (const engine of ['native', 'wasm']) {
      const { stderr } = await report('csv', '--engine', engine);
      expect(stderr, engine).toBe('');
    }
    const [native, wasm] = await Promise.all(
      ['native', 'wasm'].map((engine) => readFile(join(work, `r--engine${engine}.csv`), 'utf8')),
    );
    expect(native).toMatch(/^.*\n.+/u);
    expect(wasm).toBe(native);
  }, 300_000);

  it('writes the deck with a native chart a slide', async () => {
    const { stdout, stderr } = await report('pptx');
    expect(stderr).toBe('');
    expect(stdout).toMatch(/r\.pptx: pptx, 2 indicators, \d+ bytes/u);
    const deck = await JSZip.loadAsync(await readFile(join(work, 'r.pptx')));
    expect(Object.keys(deck.files).filter((name) => /^ppt\/charts\/chart\d+\.xml$/u.test(name))).toHaveLength(
      2,
    );
  }, 300_000);
});
