// `npm run report`: scripts/report.ts as a bundle run by plain Node (see report-bundle.mjs).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshBundle } from './report-bundle.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

await import(
  await freshBundle('scripts/report.ts', join(REPO, 'node_modules/.cache/chi-tieu-workbench/report-cli'))
);
