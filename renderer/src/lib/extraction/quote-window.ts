/**
 * Longest quote kept whole. Real sentences of the corpus run to about 800 characters; past this a
 * "sentence" is a runaway (a line with no full stop), and copying it into every figure it holds
 * made one 172 KB line an 897 MB warehouse.
 */
export const QUOTE_MAX_CHARS = 1000;

const ELLIPSIS = '…';
// How far a cut may move to fall between words.
const WORD_SNAP = 40;

/** Where a figure sits: its span and its sentence's span in the raw text (UTF-16 offsets). */
export interface FigureSpan {
  char_start: number;
  char_end: number;
  sentence_start: number;
  sentence_end: number;
}

/**
 * The quote of a figure: its whole sentence when that is at most QUOTE_MAX_CHARS, else the part
 * of it around the figure, cut between words and marked with "…" where it was cut. The offsets
 * of the full sentence stay on the row, so the app still highlights all of it.
 */
export function quoteWindow(quote: string, raw: string, span: FigureSpan): string {
  if (quote.length <= QUOTE_MAX_CHARS) return quote;
  const at = figureOffset(quote, raw, span);
  const room = QUOTE_MAX_CHARS - 2 * ELLIPSIS.length;
  let start = Math.max(0, Math.round(at - room / 2));
  const end = Math.min(quote.length, start + room);
  start = Math.max(0, end - room);
  const from = start === 0 ? 0 : snapForward(quote, start);
  const to = end === quote.length ? end : snapBackward(quote, end);
  return `${from > 0 ? ELLIPSIS : ''}${quote.slice(from, to).trim()}${to < quote.length ? ELLIPSIS : ''}`;
}

/** The figure's offset in the collapsed quote: its own text found near where its share puts it. */
function figureOffset(quote: string, raw: string, span: FigureSpan): number {
  const sentenceLength = Math.max(1, span.sentence_end - span.sentence_start);
  const share = (span.char_start - span.sentence_start) / sentenceLength;
  const estimate = Math.round(share * quote.length);
  const needle = raw.slice(span.char_start, span.char_end).replace(/\s+/gu, ' ').trim();
  if (needle === '') return estimate;
  // Searched in a bounded stretch only: a whole-quote search per figure is quadratic on a runaway.
  const from = Math.max(0, estimate - QUOTE_MAX_CHARS);
  const stretch = quote.slice(from, estimate + QUOTE_MAX_CHARS);
  const before = stretch.lastIndexOf(needle, estimate - from);
  const after = stretch.indexOf(needle, estimate - from);
  const found = [before, after].filter((index) => index >= 0);
  if (found.length === 0) return estimate;
  const nearest = found.reduce((best, index) =>
    Math.abs(index + from - estimate) < Math.abs(best + from - estimate) ? index : best,
  );
  return from + nearest + needle.length / 2;
}

function snapForward(text: string, at: number): number {
  const space = text.indexOf(' ', at);
  return space >= 0 && space - at <= WORD_SNAP ? space + 1 : at;
}

function snapBackward(text: string, at: number): number {
  const space = text.lastIndexOf(' ', at);
  return space >= 0 && at - space <= WORD_SNAP ? space : at;
}
