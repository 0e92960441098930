import type { FootnoteReference } from './footnote-references.ts';
import type { RawRange } from './markdown-markup.ts';

/** A stretch of a quoted sentence: text (white space collapsed) or a footnote reference. */
export interface QuotePiece {
  text: string;
  /** The footnote number when the piece is a reference (shown raised, not glued to the word). */
  reference: number | null;
}

/**
 * The raw `[start, end)` of a document as a quote shows it: footnote references apart, Markdown
 * markers (`hidden`) left out, white space collapsed. Both lists are sorted by start.
 */
export function quotePieces(
  raw: string,
  start: number,
  end: number,
  references: readonly FootnoteReference[],
  hidden: readonly RawRange[] = [],
): QuotePiece[] {
  const skips = [
    ...references.map((reference) => ({ ...reference, number: reference.number as number | null })),
    ...hidden.map((range) => ({ ...range, number: null })),
  ]
    .filter((range) => range.start >= start && range.end <= end)
    .sort((a, b) => a.start - b.start);
  const pieces: QuotePiece[] = [];
  const pushText = (from: number, to: number): void => {
    if (to > from) pieces.push({ text: raw.slice(from, to).replace(/\s+/gu, ' '), reference: null });
  };
  let at = start;
  for (const skip of skips) {
    if (skip.start < at) continue;
    pushText(at, skip.start);
    if (skip.number !== null) pieces.push({ text: String(skip.number), reference: skip.number });
    at = skip.end;
  }
  pushText(at, end);
  return pieces;
}
