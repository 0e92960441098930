import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

// The e2e global setup has just built dist/renderer exactly as `npm run web` and the installer do.
describe('the built renderer', () => {
  it('ships only the DuckDB build Chromium and Electron select (exception handling), not the mvp one', async () => {
    const assets = await readdir('dist/renderer/assets');
    expect(assets.filter((name) => name.startsWith('duckdb-eh-') && name.endsWith('.wasm'))).toHaveLength(1);
    expect(assets.filter((name) => /mvp|coi/.test(name))).toEqual([]);
  });
});
