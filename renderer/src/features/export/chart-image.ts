import type { ChartSpec } from '../charts/chart-specs.ts';
import { svgToPng } from '../charts/chart-export.ts';

/**
 * The PNG of a chart spec as Plotly draws it on screen (2×, in the bundled font): the same library,
 * spec and size as the charts area, so the picture in a report is the screen's chart.
 */
export async function chartSpecPng(spec: ChartSpec, width: number, height: number): Promise<Uint8Array> {
  const { default: Plotly } = await import('plotly.js-basic-dist-min');
  const figure = { data: spec.data, layout: { ...spec.layout, width, height }, config: spec.config };
  // Plotly.toImage takes a figure as well as a plotted element (it draws it off screen).
  const url = await Plotly.toImage(figure as unknown as HTMLElement, { format: 'svg', width, height });
  const svg = decodeURIComponent(url.replace(/^data:image\/svg\+xml,/, ''));
  return new Uint8Array(await (await svgToPng(svg, width, height, 2)).arrayBuffer());
}
