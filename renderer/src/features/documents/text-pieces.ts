import type { FigureMark } from './document-queries.ts';
import type { FootnoteReference, TextRun } from './document-layout.ts';
import { insideAny, type MarkdownMarkup, type RawRange } from '../../lib/reader-text/markdown-markup.ts';

/** A stretch of a run of document text: plain, inside the focused sentence, a figure, or a footnote reference. */
export interface TextPiece {
  /** As shown: any run of white space (a line break, blank lines, doubled spaces) reads as one space. */
  text: string;
  start: number;
  /** Where the piece ends in the raw text (its `text` may be shorter: white space collapsed). */
  end: number;
  figure: FigureMark | null;
  /** The footnote number when the piece is a reference to one (shown raised, apart from the word). */
  reference: number | null;
  inSentence: boolean;
  /** A Markdown marker (`**`, `*`, `#`): kept for its offsets, never shown. */
  hidden: boolean;
  bold: boolean;
  italic: boolean;
}

/** The first index of `items` (sorted by `end`) whose `end` is after `offset`. */
function firstEndingAfter(items: readonly { end: number }[], offset: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((items[middle]?.end ?? 0) <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Cuts one run of a document (a raw range) into pieces at figure spans, footnote references and
 * the focused sentence's bounds, so the reader highlights every figure and the one sentence a
 * user came to see. Marks and references are sorted by offset.
 */
export function runPieces(
  text: string,
  run: TextRun,
  marks: readonly FigureMark[],
  sentence: [number, number] | null,
  references: readonly FootnoteReference[] = [],
  markup: MarkdownMarkup | null = null,
): TextPiece[] {
  const clamp = (offset: number): number => Math.max(run.start, Math.min(run.end, offset));
  const cuts = new Set<number>([run.start, run.end]);
  const firstMark = firstEndingAfter(marks, run.start);
  for (let index = firstMark; index < marks.length && (marks[index]?.start ?? 0) < run.end; index++) {
    cuts.add(clamp((marks[index] as FigureMark).start));
    cuts.add(clamp((marks[index] as FigureMark).end));
  }
  const firstReference = firstEndingAfter(references, run.start);
  const inRun = references.slice(firstReference).filter((reference) => reference.start < run.end);
  for (const reference of inRun) {
    cuts.add(clamp(reference.start));
    cuts.add(clamp(reference.end));
  }
  const cutAt = (ranges: readonly RawRange[]): void => {
    for (let index = firstEndingAfter(ranges, run.start); index < ranges.length; index++) {
      const range = ranges[index] as RawRange;
      if (range.start >= run.end) break;
      cuts.add(clamp(range.start));
      cuts.add(clamp(range.end));
    }
  };
  if (markup) for (const ranges of [markup.hidden, markup.bold, markup.italic]) cutAt(ranges);
  if (sentence) {
    cuts.add(clamp(sentence[0]));
    cuts.add(clamp(sentence[1]));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: TextPiece[] = [];
  let markIndex = firstMark;
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    if (end <= start) continue;
    while (markIndex < marks.length && (marks[markIndex] as FigureMark).end <= start) markIndex++;
    const mark = marks[markIndex];
    const figure = mark && mark.start <= start && end <= mark.end ? mark : null;
    const reference = figure
      ? null
      : (inRun.find((candidate) => candidate.start <= start && end <= candidate.end)?.number ?? null);
    pieces.push({
      text: text.slice(start, end).replace(/\s+/g, ' '),
      start,
      end,
      figure,
      reference,
      inSentence: sentence !== null && start >= sentence[0] && end <= sentence[1],
      hidden: markup !== null && insideAny(markup.hidden, start, end),
      bold: markup !== null && insideAny(markup.bold, start, end),
      italic: markup !== null && insideAny(markup.italic, start, end),
    });
  }
  return pieces;
}

/**
 * The raw offset of a point `shown` characters into a piece as displayed (white space collapsed),
 * so a selection in the reader maps back to the document's own offsets.
 */
export function rawOffset(text: string, start: number, end: number, shown: number): number {
  let at = start;
  for (let count = 0; at < end && count < shown; count++) {
    if (/\s/u.test(text[at] ?? '')) while (at < end && /\s/u.test(text[at] ?? '')) at++;
    else at++;
  }
  return at;
}
