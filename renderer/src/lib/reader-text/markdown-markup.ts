/** A raw `[start, end)` range of a document. */
export interface RawRange {
  start: number;
  end: number;
}

/**
 * The Markdown a converted document carries, by raw range: the marker characters to hide
 * (`**`, `*`, a heading's `#`), and the text they make bold, italic or a heading. Ranges index the
 * raw text, so figure offsets need no remapping: the reader only cuts its pieces at these bounds.
 */
export interface MarkdownMarkup {
  hidden: RawRange[];
  bold: RawRange[];
  italic: RawRange[];
  headings: RawRange[];
}

// Emphasis stays inside one paragraph: it may cross a line break, never a blank line.
const INLINE = String.raw`(?:(?!\*\*)[^\n]|\n(?![ \t]*\n))`;
const BOLD = new RegExp(String.raw`\*\*(?=\S)(${INLINE}+?)(?<=\S)\*\*`, 'gu');
// A single `*` not touching another `*` or a letter (so `5*3` or a `**` pair is not italic).
const ITALIC = /(?<![*\p{L}\p{N}])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*\p{L}\p{N}])/gu;
const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/gmu;

const byStart = (a: RawRange, b: RawRange): number => a.start - b.start;

/** Finds the bold, italic and heading Markdown of a raw document, with the markers to hide. */
export function markdownMarkup(raw: string): MarkdownMarkup {
  const markup: MarkdownMarkup = { hidden: [], bold: [], italic: [], headings: [] };
  for (const match of raw.matchAll(HEADING)) {
    const textStart = match.index + match[0].indexOf(match[2] ?? '', (match[1] ?? '').length);
    markup.hidden.push({ start: match.index, end: textStart });
    markup.headings.push({ start: textStart, end: textStart + (match[2] ?? '').length });
  }
  const paired = (pattern: RegExp, marker: number, into: RawRange[]): void => {
    for (const match of raw.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      markup.hidden.push({ start, end: start + marker }, { start: end - marker, end });
      into.push({ start: start + marker, end: end - marker });
    }
  };
  paired(BOLD, 2, markup.bold);
  // Italic only outside the bold markers, so `**x**` is never read as two italics.
  const withoutBold = maskRanges(raw, markup.hidden);
  for (const match of withoutBold.matchAll(ITALIC)) {
    const start = match.index;
    const end = start + match[0].length;
    markup.hidden.push({ start, end: start + 1 }, { start: end - 1, end });
    markup.italic.push({ start: start + 1, end: end - 1 });
  }
  markup.hidden.sort(byStart);
  markup.bold.sort(byStart);
  markup.italic.sort(byStart);
  return markup;
}

/** The text with the given ranges blanked out (same length, so offsets hold). */
function maskRanges(raw: string, ranges: readonly RawRange[]): string {
  const chars = raw.split('');
  for (const range of ranges) for (let index = range.start; index < range.end; index++) chars[index] = ' ';
  return chars.join('');
}

/** Whether `[start, end)` lies inside one of `ranges` (sorted by start, not overlapping). */
export function insideAny(ranges: readonly RawRange[], start: number, end: number): boolean {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((ranges[middle]?.end ?? 0) <= start) low = middle + 1;
    else high = middle;
  }
  const range = ranges[low];
  return range !== undefined && range.start <= start && end <= range.end;
}
