import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

// The one font the charts come out in with Debian's fonts: the SVG asks for Be Vietnam Pro, then
// Arial, then DejaVu Sans, and only DejaVu is installed. Loaded by name, not by scanning every
// system font for every chart; elsewhere (no such file) resvg falls back to the system's fonts.
const DEJAVU = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map(
  (name) => `/usr/share/fonts/truetype/dejavu/${name}`,
);
const FONT_FILES = DEJAVU.every((file) => existsSync(file)) ? DEJAVU : null;

/** How every report chart is rasterised: at 2× for sharp printing, DejaVu Sans for Vietnamese. */
export const CHART_RENDER_OPTIONS: ResvgRenderOptions = {
  fitTo: { mode: 'zoom', value: 2 },
  font: FONT_FILES
    ? { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'DejaVu Sans' }
    : { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
};

// Charts a worker draws before it ends and frees their pixels (see chart-png-worker.mjs): with two
// workers, about 2 × 12 × 7 MB of pixels at once.
const BATCH = 12;

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where drawn charts are kept between runs, unless CHI_TIEU_CHART_CACHE names another folder. */
export function chartCacheFolder(): string {
  return (
    process.env.CHI_TIEU_CHART_CACHE ?? join(REPO, 'node_modules/.cache/chi-tieu-workbench/report-charts')
  );
}

/**
 * Each SVG as a PNG, in order. A chart drawn before (same SVG, same resvg, same fonts and options)
 * is read from the cache folder; the others are drawn by up to one worker a core, a batch each.
 */
export async function renderChartPngs(
  svgs: readonly string[],
  cacheFolder: string = chartCacheFolder(),
): Promise<Uint8Array[]> {
  const keys = svgs.map(cacheKey);
  const cached = await Promise.all(
    keys.map((key) => readFile(join(cacheFolder, `${key}.png`)).catch(() => null)),
  );
  const missing = svgs.flatMap((_svg, index) => (cached[index] ? [] : [index]));
  const drawn = await drawInWorkers(missing.map((index) => svgs[index]!));
  // The cache only saves time: a folder that cannot be written leaves the report as it is.
  if (missing.length > 0) {
    await mkdir(cacheFolder, { recursive: true })
      .then(() =>
        Promise.all(
          missing.map((index, position) => keep(join(cacheFolder, `${keys[index]}.png`), drawn[position]!)),
        ),
      )
      .catch(() => undefined);
  }
  const pngs: (Uint8Array | null)[] = cached.map((png) => (png ? new Uint8Array(png) : null));
  missing.forEach((index, position) => (pngs[index] = drawn[position]!));
  return pngs as Uint8Array[];
}

async function drawInWorkers(svgs: readonly string[]): Promise<Uint8Array[]> {
  const batches: string[][] = [];
  for (let start = 0; start < svgs.length; start += BATCH) batches.push(svgs.slice(start, start + BATCH));
  const results: Uint8Array[][] = new Array(batches.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < batches.length) {
      const index = next++;
      results[index] = await drawBatch(batches[index]!);
    }
  };
  const lanes = Math.min(availableParallelism(), batches.length);
  await Promise.all(Array.from({ length: lanes }, lane));
  return results.flat();
}

function drawBatch(svgs: readonly string[]): Promise<Uint8Array[]> {
  return new Promise((resolveBatch, reject) => {
    const worker = new Worker(new URL('./chart-png-worker.mjs', import.meta.url), {
      workerData: { svgs, options: CHART_RENDER_OPTIONS },
    });
    let pngs: Uint8Array[] | null = null;
    worker.once('message', (message: Uint8Array[]) => (pngs = message));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      pngs && pngs.length === svgs.length
        ? resolveBatch(pngs)
        : reject(new Error(`chart worker ended (exit code ${code}) without its ${svgs.length} charts`)),
    );
  });
}

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

// A chart's name in the cache: everything that decides its pixels and how they are written.
const RENDERER = JSON.stringify({
  resvg: createRequire(import.meta.url)('@resvg/resvg-js/package.json').version,
  options: CHART_RENDER_OPTIONS,
  fonts: (FONT_FILES ?? []).map((file) => [file, sha256(readFileSync(file))]),
  encoder: ['./chart-png-worker.mjs', './chart-png-indexed.mjs'].map((file) =>
    sha256(readFileSync(new URL(file, import.meta.url))),
  ),
});

function cacheKey(svg: string): string {
  return sha256(`${RENDERER}\n${svg}`);
}

// Written beside and renamed into place: a run stopped half way leaves no broken picture.
async function keep(path: string, png: Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, png);
  await rename(temporary, path);
}
