import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ASSETS = 'dist/renderer/assets';

// A string each library's built code is known to carry, to find where it ended up.
const HEAVY_LIBRARIES = {
  codemirror: 'cm-editor',
  plotly: 'plotly',
  exceljs: 'xl/workbook.xml',
  'sql-formatter': 'sql-formatter',
};

const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*"\.\/([^"]+\.js)"/g;

/** The chunks a start loads: the entry of index.html, the UI it mounts, and what they import statically. */
async function startupChunks(): Promise<string[]> {
  const html = await readFile('dist/renderer/index.html', 'utf8');
  const entry = /<script type="module"[^>]*src="\.\/assets\/([^"]+)"/.exec(html)?.[1];
  const mountApp = (await readdir(ASSETS)).find((name) => /^mount-app-.*\.js$/.test(name));
  expect(entry, 'index.html names its entry script').toBeDefined();
  expect(mountApp, 'the UI is its own chunk').toBeDefined();
  const seen = new Set<string>();
  const pending = [entry!, mountApp!];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const code = await readFile(join(ASSETS, name), 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) pending.push(match[1]!);
  }
  return [...seen];
}

// The e2e global setup has just built dist/renderer exactly as `npm run web` and the installer do.
describe('the built renderer', () => {
  it('ships only the DuckDB build Chromium and Electron select (exception handling), not the mvp one', async () => {
    const assets = await readdir(ASSETS);
    expect(assets.filter((name) => name.startsWith('duckdb-eh-') && name.endsWith('.wasm'))).toHaveLength(1);
    expect(assets.filter((name) => /mvp|coi/.test(name))).toEqual([]);
  });

  it('starts without the SQL editor, Plotly, ExcelJS or the formatter: each loads with its area', async () => {
    const startup = await startupChunks();
    const scripts = (await readdir(ASSETS)).filter((name) => name.endsWith('.js'));
    for (const [library, marker] of Object.entries(HEAVY_LIBRARIES)) {
      const holders: string[] = [];
      for (const name of scripts) {
        if ((await readFile(join(ASSETS, name), 'utf8')).includes(marker)) holders.push(name);
      }
      // The marker must still find the library, or this check would pass for nothing.
      expect(holders.length, `${library} is shipped somewhere`).toBeGreaterThan(0);
      expect(
        holders.filter((name) => startup.includes(name)),
        `${library} in the startup bundle`,
      ).toEqual([]);
    }
  });
});
