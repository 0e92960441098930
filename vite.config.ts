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
          // Hooks open the real engine and warehouse: they may take as long as a test.
          hookTimeout: 60_000,
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
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
