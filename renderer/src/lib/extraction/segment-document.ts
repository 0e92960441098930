import { cleanLine } from './clean-line.ts';
import { MappedTextBuilder, type MappedText } from './mapped-text.ts';

/** A stretch of reading text: the body (page breaks healed) or one footnote. */
export interface Segment {
  kind: 'body' | 'footnote';
  /** Footnote number, for footnotes. */
  footnote?: number;
  text: MappedText;
}

interface RawLine {
  start: number;
  end: number;
  text: string;
}

const PAGE_NUMBER = /^\s*(?:trang\s*)?[-–]?\s*\d{1,3}\s*[-–]?\s*$/i;
const FOOTNOTE_START = /^(\s*)(?:<sup>\s*(\d{1,3})\s*<\/sup>|(\d{1,3})(?=\s|[-–]))/;
// A line that starts a new unit of text: a bullet, a list number, a section number.
const BLOCK_START =
  /^\s*(?:[-+•–]\s|\(\d{1,2}\)|\d{1,2}(?:\.\d{1,2})*\.\s|[a-zđ]\)\s|[IVX]{1,5}\.\s|Điều \d)/u;
const SENTENCE_END = /[.;:!?…]\s*$/;

function splitLines(raw: string): RawLine[] {
  const lines: RawLine[] = [];
  let start = 0;
  while (start <= raw.length) {
    let end = raw.indexOf('\n', start);
    if (end < 0) end = raw.length;
    const contentEnd = end > start && raw[end - 1] === '\r' ? end - 1 : end;
    lines.push({ start, end: contentEnd, text: raw.slice(start, contentEnd) });
    start = end + 1;
  }
  return lines;
}

/**
 * Splits a raw document into body text and footnotes. Footnotes are numbered 1, 2, 3 … in
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
  let blankSince = false;

  const closeFootnote = (): void => {
    if (!footnote) return;
    segments.push({ kind: 'footnote', footnote: footnote.number, text: footnote.builder.build() });
    footnote = null;
  };

  for (const line of splitLines(raw)) {
    if (line.text.trim() === '') {
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
      const boundary =
        previous !== null &&
        (SENTENCE_END.test(previous.text) ||
          BLOCK_START.test(cleaned.text) ||
          (previous.text.trim().length < 45 && /^\s*\p{Lu}/u.test(line.text)));
      body.push(boundary ? '\n' : ' ', line.start - 1, line.start);
    }
    body.append(cleaned);
    previous = { text: cleaned.text, blankBefore: blankSince };
    blankSince = false;
  }
  closeFootnote();
  return [{ kind: 'body', text: body.build() }, ...segments];
}
