import Plotly from 'plotly.js-basic-dist-min';
import { embeddedFontCss } from './chart-font.ts';

/** The chart as SVG text (it names the font; the PNG export embeds it). */
export async function chartSvg(element: HTMLElement, width: number, height: number): Promise<string> {
  const url = await Plotly.toImage(element, { format: 'svg', width, height });
  return decodeURIComponent(url.replace(/^data:image\/svg\+xml,/, ''));
}

/** Puts the bundled font inside the SVG, so rasterising it keeps the chart's own type. */
export async function withEmbeddedFont(svg: string): Promise<string> {
  const css = await embeddedFontCss();
  const style = `<style type="text/css"><![CDATA[${css}]]></style>`;
  return svg.includes('<defs>')
    ? svg.replace('<defs>', `<defs>${style}`)
    : svg.replace(/<svg([^>]*)>/, `<svg$1><defs>${style}</defs>`);
}

/** The chart as a PNG at `scale`× its size, drawn in the bundled font. */
export async function chartPng(
  element: HTMLElement,
  width: number,
  height: number,
  scale = 2,
): Promise<Blob> {
  return svgToPng(await chartSvg(element, width, height), width, height, scale);
}

/** Rasterises SVG text to a PNG at `scale`×, with the bundled font put inside it first. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const svg = await withEmbeddedFont(svgText);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    // Fonts inside an SVG image load asynchronously after decode; give them a frame to apply.
    await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('canvas unavailable');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Copies the chart's PNG to the clipboard, for pasting into a slide. */
export async function copyChartImage(element: HTMLElement, width: number, height: number): Promise<void> {
  const png = await chartPng(element, width, height);
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
}
