import JSZip from 'jszip';
import { labelInsideBar, lineLabelAbove } from './report-chart.ts';

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A native chart's point labels, series by series: what the screen writes there (`7–7,5%`, `6,79%* ✎`), or empty. */
export interface ChartLabels {
  texts: readonly (readonly string[])[];
  /** Where the screen puts them: above or inside grouped bars, centred in stacked parts, alternating on lines. */
  kind: 'bar' | 'stacked' | 'line';
  /** Each series' colour (`#1f5fbf`) and which of its values are estimates: bars lighter, line points hollow. */
  estimates?: readonly { color: string; points: readonly boolean[] }[];
}

// A series' colour as OOXML writes it: six hex digits, no `#`.
const hexOf = (color: string): string => (/^#?([0-9a-f]{6})$/i.exec(color)?.[1] ?? '1f5fbf').toUpperCase();

// The screen's estimate bar: its colour at half opacity over white, as a plain colour LibreOffice draws.
function lighter(color: string): string {
  const rgb = hexOf(color);
  return [0, 2, 4]
    .map((at) => Math.round((parseInt(rgb.slice(at, at + 2), 16) + 255) / 2))
    .map((part) => part.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

// An estimate bar's own fill; in a bar series <c:dPt> comes after <c:invertIfNegative>, before <c:dLbls>.
function estimateBars(fill: string, points: readonly boolean[]): string {
  return points
    .map((estimate, index) =>
      estimate
        ? `<c:dPt><c:idx val="${index}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>` +
          `<c:spPr><a:solidFill><a:srgbClr val="${fill}"/></a:solidFill></c:spPr></c:dPt>`
        : '',
    )
    .join('');
}

// An estimate on a line: its marker hollow, white inside its series' ring, as the screen draws it.
// LibreOffice draws no ring round a marker and fills it with the point's line colour, so that
// colour is the series' lighter one: a lighter point there, a lighter segment into it in PowerPoint.
function estimateMarkers(color: string, size: string, points: readonly boolean[]): string {
  const ring = hexOf(color);
  return points
    .map((estimate, index) =>
      estimate
        ? `<c:dPt><c:idx val="${index}"/><c:marker><c:symbol val="circle"/><c:size val="${size}"/>` +
          '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>' +
          `<a:ln w="19050"><a:solidFill><a:srgbClr val="${ring}"/></a:solidFill></a:ln></c:spPr></c:marker>` +
          `<c:bubble3D val="0"/><c:spPr><a:ln w="25400"><a:solidFill><a:srgbClr val="${lighter(color)}"/>` +
          '</a:solidFill></a:ln></c:spPr></c:dPt>'
        : '',
    )
    .join('');
}

// A series' marker, which pptxgenjs writes after the labels: the schema wants it before its points
// (<c:marker>, <c:dPt>…, <c:dLbls>), and LibreOffice ignores the points' own markers otherwise.
const SERIES_MARKER = /<c:marker>[\s\S]*?<\/c:marker>/;

// What goes before a series' labels: its marker (lines) and its estimates' own look.
function beforeLabels(part: string, labels: ChartLabels, series: number): { part: string; head: string } {
  const own = labels.estimates?.[series];
  if (labels.kind !== 'line') return { part, head: own ? estimateBars(lighter(own.color), own.points) : '' };
  const labelsEnd = part.indexOf('</c:dLbls>');
  const marker = labelsEnd < 0 ? undefined : SERIES_MARKER.exec(part.slice(labelsEnd))?.[0];
  if (!marker) return { part, head: '' };
  const size = /<c:size val="(\d+)"\/>/.exec(marker)?.[1] ?? '6';
  return {
    part: part.slice(0, labelsEnd) + part.slice(labelsEnd).replace(marker, ''),
    head: marker + (own ? estimateMarkers(own.color, size, own.points) : ''),
  };
}

// Where a point's label sits, as the screen places it (chart-specs.ts): a grouped bar's label inside
// its top when an earlier series labels the same period, lines' series alternately above and below.
function labelPosition(labels: ChartLabels, series: number, at: number): string {
  if (labels.kind === 'stacked') return 'ctr';
  if (labels.kind === 'line') return lineLabelAbove(series) ? 't' : 'b';
  return labelInsideBar(labels.texts, series, at) ? 'inEnd' : 'outEnd';
}

// A point's own label: its text as rich text at its place, or none at all where the screen writes none.
function pointLabel(index: number, text: string, position: string, font: string, size: number): string {
  if (!text) return `<c:dLbl><c:idx val="${index}"/><c:delete val="1"/></c:dLbl>`;
  const run = `<a:rPr lang="vi-VN" sz="${size * 100}"><a:latin typeface="${font}"/><a:cs typeface="${font}"/></a:rPr>`;
  return (
    `<c:dLbl><c:idx val="${index}"/><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r>${run}` +
    `<a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx><c:dLblPos val="${position}"/>` +
    '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>' +
    '<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbl>'
  );
}

/** Writes each series' point labels into a chart's XML (pptxgenjs has one number format a chart, no texts). */
export function withPointLabels(xml: string, labels: ChartLabels, font: string, size: number): string {
  const parts = xml.split('</c:ser>');
  // Every part but the last ends a series; its first <c:dLbls> is the series' own.
  return parts
    .map((part, series) => {
      const texts = labels.texts[series];
      if (series === parts.length - 1 || !texts) return part;
      const own = texts
        .map((text, at) => pointLabel(at, text, labelPosition(labels, series, at), font, size))
        .join('');
      const { part: rest, head } = beforeLabels(part, labels, series);
      return rest.replace('<c:dLbls>', `${head}<c:dLbls>${own}`);
    })
    .join('</c:ser>');
}

/**
 * Puts the screen's labels on the native charts of a deck, its charts in the order they were added
 * getting `labels` in order: the numbers stay the chart's data (editable), the labels read as on
 * screen, ranges, * and ✎ included.
 */
export async function labelDeckCharts(
  deck: Uint8Array,
  labels: readonly ChartLabels[],
  font: string,
  size: number,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(deck);
  // pptxgenjs numbers charts with a counter it keeps across decks: their order, not their names, counts.
  const names = Object.keys(zip.files)
    .map((name) => /^ppt\/charts\/chart(\d+)\.xml$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((match) => match[0]);
  if (names.length !== labels.length)
    throw new Error(`the deck has ${names.length} charts, ${labels.length} were labelled`);
  await Promise.all(
    names.map(async (name, index) => {
      const xml = await zip.file(name)!.async('string');
      zip.file(name, withPointLabels(xml, labels[index]!, font, size));
    }),
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
