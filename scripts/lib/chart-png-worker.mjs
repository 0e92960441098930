// Rasterises a batch of report charts (SVG → PNG) with resvg, then the worker ends. Plain JS so
// that a worker starts in milliseconds (no TypeScript loader). One batch a worker, because
// resvg-js 2.6 never frees a rendered image's pixels while its thread runs (7 MB a chart at 2×,
// thx/resvg-js#216): they go only when the worker's thread is torn down.
import { Resvg } from '@resvg/resvg-js';
import { parentPort, workerData } from 'node:worker_threads';
import { indexedPng } from './chart-png-indexed.mjs';

const { svgs, options } = workerData;
const pngs = svgs.map((svg) => {
  const image = new Resvg(svg, options).render();
  // resvg's own encoder only for a picture a palette cannot hold.
  return new Uint8Array(indexedPng(image.pixels, image.width, image.height) ?? image.asPng());
});
parentPort.postMessage(
  pngs,
  pngs.map((png) => png.buffer),
);
