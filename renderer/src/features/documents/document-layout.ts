import { segmentDocument } from '../../lib/extraction/segment-document.ts';
import { referencesIn, type FootnoteReference } from '../../lib/reader-text/footnote-references.ts';
import type { MappedText } from '../../lib/extraction/mapped-text.ts';
import { splitRawLines } from '../../lib/extraction/raw-lines.ts';

/** A raw `[start, end)` stretch of a document shown as one run of text. */
export interface TextRun {
  start: number;
  end: number;
}

/**
 * What the reader shows: a paragraph (hard-wrapped lines joined), a Markdown heading line, a
 * footnote (apart, with its number), or a table's lines as they stand. Runs are raw ranges, so figures keep their offsets.
 */
export interface ReaderBlock {
  kind: 'paragraph' | 'heading' | 'footnote' | 'table';
  runs: TextRun[];
  /** The footnote's number, for footnotes. */
  footnote?: number;
}

export type { FootnoteReference };

/** A document laid out for reading. */
export interface DocumentLayout {
  blocks: ReaderBlock[];
  references: FootnoteReference[];
}

const PAGE_NUMBER = /^\s*(?:trang\s*)?[-–]?\s*\d{1,3}\s*[-–]?\s*$/i;

// A character the segmenter put where a raw line break was: the joint between two lines.
const isJoint = (raw: string, text: MappedText, index: number): boolean =>
  raw[text.rawStart[index] ?? -1] === '\n' || raw[text.rawStart[index] ?? -1] === '\r';

/** Cuts a segment's text at its joints into raw runs, one per source line, and paragraphs at `\n`. */
function paragraphs(raw: string, text: MappedText): TextRun[][] {
  const result: TextRun[][] = [];
  let runs: TextRun[] = [];
  let runStart = -1;
  const closeRun = (end: number): void => {
    if (runStart >= 0 && end > runStart) {
      let [start, stop] = text.rawSpan(runStart, end);
      // A line's own leading and trailing spaces are not part of the paragraph.
      while (start < stop && /\s/.test(raw[start] ?? '')) start++;
      while (stop > start && /\s/.test(raw[stop - 1] ?? '')) stop--;
      if (stop > start) runs.push({ start, end: stop });
    }
    runStart = -1;
  };
  for (let index = 0; index <= text.text.length; index++) {
    const atEnd = index === text.text.length;
    if (atEnd || isJoint(raw, text, index)) {
      closeRun(index);
      if (atEnd || text.text[index] === '\n') {
        if (runs.length > 0) result.push(runs);
        runs = [];
      }
    } else if (runStart < 0) runStart = index;
  }
  return result;
}

/**
 * Lays a raw document out for reading: the segmenter's paragraphs (page breaks healed, wrapped
 * lines joined), each footnote apart after the paragraph it interrupts, the footnote references
 * in the body, and whatever the segmenter leaves out (tables) line by line. Page numbers and
 * blank lines are dropped; nothing else is.
 */
export function layoutDocument(raw: string): DocumentLayout {
  const segments = segmentDocument(raw);
  const blocks: ReaderBlock[] = [];
  const covered: TextRun[] = [];
  for (const segment of segments) {
    const found = paragraphs(raw, segment.text);
    if (segment.kind === 'body') {
      for (const runs of found)
        for (const part of splitHeading(raw, runs))
          for (const piece of splitMarkdownHeadings(raw, part)) blocks.push(piece);
    } else {
      const runs = found.flat();
      blocks.push({ kind: 'footnote', runs, footnote: segment.footnote });
      // The number at the head of the footnote's line is shown as its label, not as text.
      const first = runs[0];
      if (first) covered.push({ start: raw.lastIndexOf('\n', first.start - 1) + 1, end: first.start });
    }
  }
  for (const block of blocks) covered.push(...block.runs);
  blocks.push(...uncoveredLines(raw, covered));
  blocks.sort((a, b) => (a.runs[0]?.start ?? 0) - (b.runs[0]?.start ?? 0));
  return { blocks, references: referencesIn(segments) };
}

// A numbered heading line (`2.1. Giáo dục - đào tạo …`, `II. NHIỆM VỤ`, `a) Về kinh tế`) with no final stop.
const NUMBERED_HEADING = /^(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]\s.*[^.;:,]$/u;

/** A paragraph whose first line is a numbered heading followed by a capitalised line, cut after the heading. */
function splitHeading(raw: string, runs: TextRun[]): TextRun[][] {
  const [first, next] = runs;
  if (!first || !next) return [runs];
  const heading = raw.slice(first.start, first.end);
  const following = raw.slice(next.start, next.end);
  return NUMBERED_HEADING.test(heading) && /^\p{Lu}/u.test(following) ? [[first], runs.slice(1)] : [runs];
}

// A Markdown heading line (`## THÁNG 11 - 2020`): the segmenter joins it to its neighbours.
const MARKDOWN_HEADING = /^#{1,6}[ \t]/u;

/** A paragraph's lines with each Markdown heading line taken out as a heading block of its own. */
function splitMarkdownHeadings(raw: string, runs: TextRun[]): ReaderBlock[] {
  const blocks: ReaderBlock[] = [];
  let current: TextRun[] = [];
  for (const run of runs) {
    const lineStart = raw.lastIndexOf('\n', run.start - 1) + 1;
    if (!MARKDOWN_HEADING.test(raw.slice(lineStart, run.start + 1))) {
      current.push(run);
      continue;
    }
    if (current.length > 0) blocks.push({ kind: 'paragraph', runs: current });
    blocks.push({ kind: 'heading', runs: [run] });
    current = [];
  }
  if (current.length > 0) blocks.push({ kind: 'paragraph', runs: current });
  return blocks;
}

/** The lines no paragraph or footnote holds (the figure tables), grouped into blocks. */
function uncoveredLines(raw: string, covered: readonly TextRun[]): ReaderBlock[] {
  const sorted = [...covered].sort((a, b) => a.start - b.start);
  const blocks: ReaderBlock[] = [];
  let current: TextRun[] = [];
  let cursor = 0;
  const flush = (): void => {
    if (current.length > 0) blocks.push({ kind: 'table', runs: current });
    current = [];
  };
  for (const line of splitRawLines(raw)) {
    while (cursor < sorted.length && (sorted[cursor]?.end ?? 0) <= line.start) cursor++;
    let overlaps = false;
    for (let index = cursor; index < sorted.length; index++) {
      const run = sorted[index] as TextRun;
      if (run.start >= Math.max(line.end, line.start + 1)) break;
      if (run.end > line.start) overlaps = true;
    }
    if (overlaps) {
      flush();
      continue;
    }
    if (line.text.trim() === '' || PAGE_NUMBER.test(line.text)) continue;
    current.push({ start: line.start, end: line.end });
  }
  flush();
  return blocks;
}
