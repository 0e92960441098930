import { cleanLine } from './clean-line.ts';
import { MappedTextBuilder, type MappedText } from './mapped-text.ts';
import { figureTables } from './table-layout.ts';
import { splitRawLines } from './raw-lines.ts';

/** A stretch of reading text: the body (page breaks healed) or one footnote. */
export interface Segment {
  kind: 'body' | 'footnote';
  /** Footnote number, for footnotes. */
  footnote?: number;
  text: MappedText;
}

const PAGE_NUMBER = /^\s*(?:trang\s*)?[-–]?\s*\d{1,3}\s*[-–]?\s*$/i;
const FOOTNOTE_START = /^(\s*)(?:<sup>\s*(\d{1,3})\s*<\/sup>|(\d{1,3})(?=\s|[-–]))/;
// A line that starts a new unit of text: a bullet, a list number, a section number.
const BLOCK_START =
  /^\s*(?:[-+•–]\s|\(\d{1,2}\)|\d{1,2}(?:\.\d{1,2})*\.\s|[a-zđ]\)\s|[IVX]{1,5}\.\s|Điều \d)/u;
const SENTENCE_END = /[.;:!?…]\s*$/;
// A line left with nothing to read: a lone table pipe, an empty emphasis (`** **`, `* *`).
const NOTHING_TO_READ = /^\s*(?:\||[*_\s]+)\s*$/;
const UPPER_CASE_LINE = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;

function isHeadingLine(text: string): boolean {
  return UPPER_CASE_LINE.test(text) && /\p{Lu}{2,}\s+\p{Lu}{2,}/u.test(text);
}

/** True when a raw line leaves Markdown emphasis open (`**II. CHỈ TIÊU`): its text runs on to the next line. */
function opensEmphasis(line: string): boolean {
  const bold = line.match(/\*\*/g)?.length ?? 0;
  const italic = line.replace(/\*\*/g, '').match(/\*/g)?.length ?? 0;
  return bold % 2 === 1 || italic % 2 === 1;
}

/**
 * Splits a raw document into body text and footnotes; tables that hold figures are left out
 * (the table reader reads them cell by cell). Footnotes are numbered 1, 2, 3 … in
 * order, which tells a footnote line (`5- Tổng đàn…`) from a body line that starts with a
 * number (`2025 ước tăng…`). A PDF footnote runs until a line that starts with white space
 * (the next page's body); a Markdown footnote (`<sup>1</sup>. …`) is one line.
 */
export function segmentDocument(raw: string): Segment[] {
  const body = new MappedTextBuilder();
  const segments: Segment[] = [];
  let footnote: { number: number; builder: MappedTextBuilder; markdown: boolean } | null = null;
  let nextFootnote = 1;
  let previous: { text: string; blankBefore: boolean } | null = null;
  // Emphasis opened on an earlier line and not yet closed.
  let emphasisOpen = false;
  let blankSince = false;
  const tables = figureTables(raw)
    .map(({ block }) => [block.start, block.end] as const)
    .sort((a, b) => a[0] - b[0]);
  // Lines come in order: the tables starting by a line's start grow, and the furthest end among
  // them tells whether one holds the line (one pass, not every table for every line).
  let tablesStarted = 0;
  let furthestTableEnd = -1;

  const closeFootnote = (): void => {
    if (!footnote) return;
    segments.push({ kind: 'footnote', footnote: footnote.number, text: footnote.builder.build() });
    footnote = null;
  };

  for (const line of splitRawLines(raw)) {
    while (tablesStarted < tables.length && tables[tablesStarted]![0] <= line.start)
      furthestTableEnd = Math.max(furthestTableEnd, tables[tablesStarted++]![1]);
    if (line.end <= furthestTableEnd) {
      // A table ends the sentence before it.
      closeFootnote();
      previous = null;
      emphasisOpen = false;
      blankSince = true;
      continue;
    }
    if (line.text.trim() === '' || NOTHING_TO_READ.test(line.text)) {
      blankSince = true;
      if (footnote?.markdown) closeFootnote();
      continue;
    }
    if (PAGE_NUMBER.test(line.text) && blankSince) {
      // A page number ends the page, and with it any footnote at its foot.
      closeFootnote();
      continue;
    }
    const start = FOOTNOTE_START.exec(line.text);
    const number = Number(start?.[2] ?? start?.[3] ?? NaN);
    if (start && number === nextFootnote) {
      closeFootnote();
      nextFootnote++;
      const contentStart = line.start + start[0].length;
      const skip = /^[.\s\-–]*/.exec(raw.slice(contentStart, line.end))?.[0].length ?? 0;
      footnote = { number, builder: new MappedTextBuilder(), markdown: start[2] !== undefined };
      footnote.builder.append(cleanLine(raw, contentStart + skip, line.end));
      blankSince = false;
      continue;
    }
    if (footnote && !footnote.markdown && !/^\s/.test(line.text)) {
      footnote.builder.push(' ', line.start - 1, line.start);
      footnote.builder.append(cleanLine(raw, line.start, line.end));
      continue;
    }
    closeFootnote();
    const cleaned = cleanLine(raw, line.start, line.end);
    if (body.length > 0) {
      // Hard wrapping splits a heading too: an emphasis left open, or an upper-case line after
      // an upper-case line, continues it ("II. CHỈ TIÊU ⏎ XUẤT KHẨU ĐẾN NĂM 2030").
      const continues =
        previous !== null &&
        (emphasisOpen ||
          (UPPER_CASE_LINE.test(previous.text) &&
            UPPER_CASE_LINE.test(cleaned.text) &&
            !SENTENCE_END.test(previous.text)));
      const boundary =
        previous === null ||
        SENTENCE_END.test(previous.text) ||
        BLOCK_START.test(cleaned.text) ||
        (!continues && previous.text.trim().length < 45 && /^\s*\p{Lu}/u.test(cleaned.text)) ||
        // An upper-case heading ends where mixed-case text begins, however long the heading.
        (!continues && isHeadingLine(previous.text) && !UPPER_CASE_LINE.test(cleaned.text));
      body.push(boundary ? '\n' : ' ', line.start - 1, line.start);
    }
    body.append(cleaned);
    previous = { text: cleaned.text, blankBefore: blankSince };
    emphasisOpen = emphasisOpen !== opensEmphasis(line.text);
    blankSince = false;
  }
  closeFootnote();
  return [{ kind: 'body', text: body.build() }, ...segments];
}

// Units and formulas whose last character is a digit: in `16.490 km2` or `100 m3` the digit is
// the unit's power, not a footnote marker.
const DIGIT_ENDED_WORD = /(?:^|[^\p{L}])(?:[kcdmh]?m[23]|CO2|SO2|NO2|PM2|PM10)$/u;

/**
 * A footnote reference: `<sup>N</sup>` as cleaned, or digits glued to a word. `(?=\d)` before the
 * lookbehind lets the engine skip to digits instead of looking behind every character (6× faster
 * on the corpus, the same matches).
 */
export const FOOTNOTE_REFERENCE = /\u2063(\d{1,3})\u2063|(?=\d)(?<=[\p{L}%)\]”"])(\d{1,3})(?=[\s.,;:)…]|$)/gu;

/**
 * Footnote references in the body, numbered in order: `<sup>N</sup>` (kept as marked digits)
 * or digits glued to a word or a figure (`6,79%1`, `trồng3`), never the power of a unit
 * (`km2`). Only the next expected numbers count, so `Covid-19` or a model number is not taken
 * for a reference.
 */
export function footnoteMarkers(text: string, count: number): Map<number, number> {
  const markers = new Map<number, number>();
  let expected = 1;
  for (const match of text.matchAll(FOOTNOTE_REFERENCE)) {
    if (expected > count) break;
    const number = Number(match[1] ?? match[2]);
    if (
      match[2] !== undefined &&
      DIGIT_ENDED_WORD.test(text.slice(Math.max(0, match.index - 6), match.index + 1))
    ) {
      continue;
    }
    // A marker the text lost ("…34" glued to nothing) must not stop the ones after it.
    if (number >= expected && number <= Math.min(count, expected + 2)) {
      markers.set(match.index, number);
      expected = number + 1;
    }
  }
  return markers;
}
