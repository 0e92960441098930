import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const projectRoot = import.meta.dirname;

export default defineConfig({
  root: `${projectRoot}/renderer`,
  // The embedded dataset (sources + warehouse) is served as static files next to the app.
  publicDir: `${projectRoot}/data`,
  base: './',
  plugins: [svelte({ configFile: `${projectRoot}/svelte.config.js` })],
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: {
    outDir: `${projectRoot}/dist/renderer`,
    emptyOutDir: true,
    // Nothing is inlined as a data: URL, so the CSP can stay at 'self' for fonts and scripts.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4096,
    target: 'es2022',
  },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: projectRoot,
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          // Suites open the real DuckDB-WASM engine in beforeAll; 10 s is too tight on a loaded machine.
          hookTimeout: 120_000,
          // Vitest's default is one worker fewer than the cores: one file at a time on a 2-core CI
          // machine, while a file mostly waits for its engine's worker thread. One per core.
          maxWorkers: Math.max(2, availableParallelism()),
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: projectRoot,
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Two files at a time took the CI phase from 601 s to 514 s, though each file ran about
          // 1.66x slower beside another: Chromium keeps more than one core busy at moments. Each file
          // launches its own browser, with profiles of its own.
          maxWorkers: 2,
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
