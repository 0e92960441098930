import { describe, expect, it } from 'vitest';
import { QUOTE_MAX_CHARS, quoteWindow } from '../../../renderer/src/lib/extraction/quote-window.ts';

/** A raw "sentence" of `before` filler words, the figure, then `after` filler words. */
function runaway(before: number, after: number): { raw: string; start: number; end: number } {
  const head = 'kết quả tốt, '.repeat(before);
  const raw = `${head}GRDP tăng 9,9%, ${'chỉ tiêu khác, '.repeat(after)}`;
  const start = head.length + 'GRDP tăng '.length;
  return { raw, start, end: start + '9,9%'.length };
}

function quoteOf(before: number, after: number): string {
  const { raw, start, end } = runaway(before, after);
  const quote = raw.replace(/\s+/gu, ' ').trim();
  return quoteWindow(quote, raw, {
    char_start: start,
    char_end: end,
    sentence_start: 0,
    sentence_end: raw.length,
  });
}

describe('a figure’s quote', () => {
  it('is its whole sentence up to the cap', () => {
    const sentence = 'GRDP tăng 9,9% so với năm 2020.';
    expect(
      quoteWindow(sentence, sentence, { char_start: 10, char_end: 14, sentence_start: 0, sentence_end: 31 }),
    ).toBe(sentence);
  });

  it.each([
    [
      'in the middle',
      500,
      500,
      /^…(?:(?:kết|quả|tốt,) )+GRDP tăng 9,9%, (?:(?:chỉ|tiêu|khác,) )+(?:chỉ|tiêu|khác,)…$/u,
    ],
    ['near the start', 2, 2000, /^kết quả tốt, kết quả tốt, GRDP tăng 9,9%.*…$/u],
    ['near the end', 2000, 2, /^…(?:(?:kết|quả|tốt,) )+GRDP tăng 9,9%, chỉ tiêu khác, chỉ tiêu khác,$/u],
  ])('of a runaway sentence, figure %s, is cut around it, between words', (_where, before, after, shape) => {
    const quote = quoteOf(before, after);
    expect(quote.length).toBeLessThanOrEqual(QUOTE_MAX_CHARS);
    expect(quote.length).toBeGreaterThan(QUOTE_MAX_CHARS - 60);
    expect(quote).toMatch(shape);
  });
});
