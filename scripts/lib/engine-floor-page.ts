import { copyFile, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Builds the bench's bare-engine page into a temporary folder beside copies of the built app's own
 * DuckDB wasm and worker, and returns the folder and the page's path with its query.
 */
export async function buildEngineFloorPage(builtAssets: string): Promise<{ root: string; path: string }> {
  const root = await mkdtemp(join(tmpdir(), 'ctw-floor-'));
  const names = await readdir(builtAssets);
  const wasm = names.find((name) => /^duckdb-eh-.*\.wasm$/.test(name));
  const worker = names.find((name) => /^duckdb-browser-eh\.worker-.*\.js$/.test(name));
  if (!wasm || !worker) throw new Error(`no DuckDB wasm and worker in ${builtAssets}: run npm run build`);
  await import('node:fs/promises').then((fs) => fs.mkdir(join(root, 'assets')));
  await copyFile(join(builtAssets, wasm), join(root, 'assets', wasm));
  await copyFile(join(builtAssets, worker), join(root, 'assets', worker));
  await build({
    entryPoints: ['scripts/bench/engine-floor.ts'],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    outfile: join(root, 'floor.js'),
    logLevel: 'error',
  });
  await writeFile(
    join(root, 'floor.html'),
    '<!doctype html><meta charset="utf-8"><title>floor</title><script type="module" src="./floor.js"></script>',
  );
  return { root, path: `floor.html?wasm=assets/${wasm}&worker=assets/${worker}` };
}
