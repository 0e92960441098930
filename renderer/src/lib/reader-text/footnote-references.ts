import { footnoteMarkers, segmentDocument, type Segment } from '../extraction/segment-document.ts';
import type { RawRange } from './markdown-markup.ts';

/** A footnote reference in a document's body (`lượng30`, `<sup>3</sup>` → 3), by its raw range. */
export interface FootnoteReference extends RawRange {
  number: number;
}

/**
 * The footnote references of a segmented document: only numbers glued to a word, a figure or a
 * bracket that match a footnote the document has, in order (the segmenter's own rule), so a real
 * figure is never taken for a reference.
 */
export function referencesIn(segments: readonly Segment[]): FootnoteReference[] {
  const body = segments.find((segment) => segment.kind === 'body');
  const footnoteCount = segments.filter((segment) => segment.kind === 'footnote').length;
  const references: FootnoteReference[] = [];
  if (!body || footnoteCount === 0) return references;
  for (const [index, number] of footnoteMarkers(body.text.text, footnoteCount)) {
    const marked = body.text.text[index] === '\u2063';
    const length = String(number).length + (marked ? 2 : 0);
    const [start, end] = body.text.rawSpan(index, index + length);
    references.push({ start, end, number });
  }
  return references;
}

// The few documents a panel quotes from: segmenting one costs tens of milliseconds, so keep them.
const cache = new Map<string, FootnoteReference[]>();
const CACHE_SIZE = 8;

/** The footnote references of a raw document, computed once per text. */
export function footnoteReferences(raw: string): FootnoteReference[] {
  const known = cache.get(raw);
  if (known) return known;
  const references = referencesIn(segmentDocument(raw));
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(raw, references);
  return references;
}
