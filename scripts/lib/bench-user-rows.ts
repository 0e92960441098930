import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import type { WarehouseRow } from '../../renderer/src/lib/warehouse/columns.ts';
import { WAREHOUSE_TABLES, arrowPath } from '../../renderer/src/lib/warehouse/tables.ts';
import type { UserRowsResult } from '../bench/user-rows.ts';
import { userRowChunks } from './user-row-chunks.ts';
import { startWebServer } from './web-server.ts';

/** One load of generated user rows in Chromium through the app's load path. */
export interface UserRowsRun extends UserRowsResult {
  /** The largest resident memory of a renderer process while it ran (the engine's worker included). */
  rendererPeakMb: number;
  /**
   * How it ended: the pivot answered, the engine said it lacks memory, something else went wrong,
   * the page crashed, or it gave no answer in PAGE_ANSWER_MS (a hung tab, recorded and not waited on).
   */
  outcome: 'pivoted' | 'memory-error' | 'error' | 'renderer-crashed' | 'no-answer';
}

const CHUNK_ROWS = 250_000;
const SAMPLE_MS = 100;
const PAGE_ANSWER_MS = 900_000;

/**
 * Loads `rows` observations (copies of the shipped ones, each copy its own uncatalogued indicator,
 * as a user's source would add) in a fresh Chromium page through the app's Workspace, pivots them,
 * and samples the renderers' memory meanwhile.
 */
export async function benchUserRows(
  browser: Browser,
  builtAssets: string,
  rows: number,
): Promise<UserRowsRun> {
  const root = await mkdtemp(join(tmpdir(), 'ctw-user-rows-'));
  const context = await browser.newContext();
  try {
    const path = await buildPage(root, builtAssets, rows);
    const server = await startWebServer(root, 0);
    const peak = sampleRendererPeak(SAMPLE_MS);
    try {
      const page = await context.newPage();
      const crashed = new Promise<'crashed'>((resolve) => page.on('crash', () => resolve('crashed')));
      await page.goto(server.url + path);
      const settled = page
        .waitForFunction(() => document.body?.dataset.result ?? document.body?.dataset.error, null, {
          timeout: PAGE_ANSWER_MS,
          polling: 250,
        })
        .then(
          () => page.evaluate(() => ({ ...document.body.dataset })),
          () => 'no-answer' as const,
        );
      const ended = await Promise.race([settled, crashed]);
      peak.sample();
      if (ended === 'no-answer') {
        const message = `the page gave no answer within ${PAGE_ANSWER_MS / 1000} s`;
        return {
          rows: 0,
          loadMs: 0,
          pivotMs: null,
          error: { stage: 'load', message, advice: null, memory: null },
          rendererPeakMb: peak.mb,
          outcome: 'no-answer',
        };
      }
      if (ended === 'crashed') {
        return {
          rows: 0,
          loadMs: 0,
          pivotMs: null,
          error: null,
          rendererPeakMb: peak.mb,
          outcome: 'renderer-crashed',
        };
      }
      if (ended.error !== undefined) {
        const memory = /allocation failed|out of memory/i.test(ended.error);
        const error = {
          stage: 'load' as const,
          message: ended.error,
          advice: memory ? ('memory' as const) : null,
          memory: null,
        };
        return {
          rows: 0,
          loadMs: 0,
          pivotMs: null,
          error,
          rendererPeakMb: peak.mb,
          outcome: memory ? 'memory-error' : 'error',
        };
      }
      const result = JSON.parse(ended.result ?? '') as UserRowsResult;
      const outcome = !result.error ? 'pivoted' : result.error.advice === 'memory' ? 'memory-error' : 'error';
      return { ...result, rendererPeakMb: peak.mb, outcome };
    } finally {
      peak.stop();
      server.server.close();
    }
  } finally {
    await context.close();
    await rm(root, { recursive: true, force: true });
  }
}

// The page, the engine's files, the shipped warehouse and the generated chunks, in one folder.
async function buildPage(root: string, builtAssets: string, rows: number): Promise<string> {
  const names = await readdir(builtAssets);
  const wasm = names.find((name) => /^duckdb-eh-.*\.wasm$/.test(name));
  const worker = names.find((name) => /^duckdb-browser-eh\.worker-.*\.js$/.test(name));
  if (!wasm || !worker) throw new Error(`no DuckDB wasm and worker in ${builtAssets}: run npm run build`);
  for (const folder of ['assets', 'warehouse', 'rows']) await mkdir(join(root, folder));
  for (const file of [wasm, worker]) await copyFile(join(builtAssets, file), join(root, 'assets', file));
  for (const table of WAREHOUSE_TABLES)
    await copyFile(join('data', arrowPath(table)), join(root, arrowPath(table)));
  const chunks = await writeChunks(join(root, 'rows'), rows);
  await build({
    entryPoints: ['scripts/bench/user-rows.ts'],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    outfile: join(root, 'user-rows.js'),
    logLevel: 'error',
  });
  await writeFile(
    join(root, 'user-rows.html'),
    '<!doctype html><meta charset="utf-8"><title>user rows</title><script type="module" src="./user-rows.js"></script>',
  );
  return `user-rows.html?wasm=assets/${wasm}&worker=assets/${worker}&chunks=${chunks}`;
}

async function writeChunks(folder: string, rows: number): Promise<number> {
  const shipped = tableFromIPC(await readFile(join('data', arrowPath('observations'))))
    .toArray()
    .map((row) => row.toJSON() as WarehouseRow);
  let chunk = 0;
  for (const bytes of userRowChunks(shipped, rows, CHUNK_ROWS))
    await writeFile(join(folder, `${chunk++}.arrow`), bytes);
  return chunk;
}

/** The largest renderer memory (rendererRssMb) seen every `intervalMs` until `stop()`, and at each `sample()`. */
export function sampleRendererPeak(intervalMs: number): {
  readonly mb: number;
  sample(): void;
  stop(): void;
} {
  let mb = 0;
  const sample = () => void (mb = Math.max(mb, rendererRssMb()));
  const timer = setInterval(sample, intervalMs);
  return {
    get mb() {
      return mb;
    },
    sample,
    stop: () => clearInterval(timer),
  };
}

/**
 * The largest resident memory of a renderer process now, in MB. Renderer processes are Chromium's
 * with --type=renderer; only this process's descendants count (other Chromiums may run on the machine).
 */
function rendererRssMb(): number {
  const listing = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' });
  const processes = listing
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map(([, pid, ppid, rss, args]) => ({
      pid: Number(pid),
      ppid: Number(ppid),
      rss: Number(rss),
      args: args!,
    }));
  const ours = new Set([process.pid]);
  for (let grown = true; grown;) {
    grown = false;
    for (const entry of processes) {
      if (ours.has(entry.ppid) && !ours.has(entry.pid)) grown = Boolean(ours.add(entry.pid));
    }
  }
  const renderers = processes.filter(
    (entry) => ours.has(entry.pid) && entry.args.includes('--type=renderer'),
  );
  return Math.round(Math.max(0, ...renderers.map((entry) => entry.rss)) / 1024);
}
