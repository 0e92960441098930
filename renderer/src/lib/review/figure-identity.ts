import { z } from 'zod';
import type { CellValue } from '../warehouse/columns.ts';

/**
 * What a correction points at, stable across re-extraction: the document's bytes (sha256), the
 * number's span and text, and — for when offsets move because the document or the extractor
 * changed — the sentence it sits in and which of that sentence's equal numbers it is.
 */
export const figureIdentitySchema = z.object({
  doc_id: z.string().min(1),
  doc_sha256: z.string().regex(/^[0-9a-f]{64}$/u, 'sha256 in hex'),
  char_start: z.number().int().nonnegative(),
  char_end: z.number().int().nonnegative(),
  /** The number as the document writes it (`12.450`, `10 - 11`). */
  number_text: z.string().min(1),
  /** The sentence that states it, as the warehouse quotes it. */
  quote: z.string(),
  /** Among figures of this sentence with the same number text, the how-manieth (0-based). */
  occurrence: z.number().int().nonnegative().default(0),
  sentence_start: z.number().int().nonnegative().optional(),
  sentence_end: z.number().int().nonnegative().optional(),
});

export type FigureIdentity = z.infer<typeof figureIdentitySchema>;

/** An observations row (DATA-CONTRACT.md) as the overlay reads it. */
export interface BaseFigure {
  obs_id: string;
  doc_id: string;
  char_start: number;
  char_end: number;
  quote: string;
  [column: string]: CellValue;
}

/** A base figure with what its identity needs that the row does not carry. */
export type IdentifiedFigure = BaseFigure & {
  doc_sha256: string;
  number_text: string;
  occurrence: number;
};

/** The sentence as matching compares it: NFC, whitespace collapsed, case folded. */
export function normaliseQuote(quote: string): string {
  return quote.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/** Adds sha256, number text and occurrence to observation rows, from the documents and their texts. */
export function identifyFigures(
  observations: readonly BaseFigure[],
  documents: ReadonlyMap<string, { sha256: string; text: string }>,
): IdentifiedFigure[] {
  // Which of the sentence's equal numbers: counted in the text, so a figure the extractor stops
  // (or starts) finding does not renumber the others.
  const occurrences = new Map<string, number>();
  for (const row of observations) {
    const text = documents.get(row.doc_id)?.text;
    if (text === undefined) throw new Error(`identifyFigures: no document ${row.doc_id}`);
    const numberText = text.slice(row.char_start, row.char_end);
    const from = typeof row.sentence_start === 'number' ? row.sentence_start : row.char_start;
    occurrences.set(
      row.obs_id,
      countOf(text.slice(Math.min(from, row.char_start), row.char_start), numberText),
    );
  }
  return observations.map((row) => {
    const document = documents.get(row.doc_id);
    return {
      ...row,
      doc_sha256: document?.sha256 ?? '',
      number_text: document?.text.slice(row.char_start, row.char_end) ?? '',
      occurrence: occurrences.get(row.obs_id) ?? 0,
    };
  });
}

function countOf(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0 && part !== ''; at = text.indexOf(part, at + part.length))
    count++;
  return count;
}

/** The identity a correction made on this figure records. */
export function identityOf(figure: IdentifiedFigure): FigureIdentity {
  const identity: FigureIdentity = {
    doc_id: figure.doc_id,
    doc_sha256: figure.doc_sha256,
    char_start: figure.char_start,
    char_end: figure.char_end,
    number_text: figure.number_text,
    quote: figure.quote,
    occurrence: figure.occurrence,
  };
  if (typeof figure.sentence_start === 'number') identity.sentence_start = figure.sentence_start;
  if (typeof figure.sentence_end === 'number') identity.sentence_end = figure.sentence_end;
  return identity;
}

/** Figures of one document's sentence that state the same number text share this key. */
export function sentenceKey(docId: string, quote: string, numberText: string): string {
  return `${docId}\u0000${normaliseQuote(quote)}\u0000${numberText}`;
}
