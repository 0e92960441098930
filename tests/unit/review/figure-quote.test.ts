import { describe, expect, it } from 'vitest';
import { identityQuote, spansInside } from '../../../renderer/src/features/review/figure-text.ts';
import type { FigureIdentity } from '../../../renderer/src/lib/review/figure-identity.ts';

const text = 'Mở đầu. Tăng trưởng GRDP bình quân đạt 7,5%/năm. Kết thúc.';
const sentenceStart = text.indexOf('Tăng');
const sentenceEnd = text.indexOf(' Kết');
const charStart = text.indexOf('7,5');

const figure: FigureIdentity = {
  doc_id: 'nq-mau',
  doc_sha256: '0'.repeat(64),
  char_start: charStart,
  char_end: charStart + 3,
  number_text: '7,5',
  quote: text.slice(sentenceStart, sentenceEnd),
  sentence_start: sentenceStart,
  sentence_end: sentenceEnd,
  occurrence: 0,
};

describe("a corrected figure's quote", () => {
  it("uses today's text when it still reads the number at the correction's span", () => {
    const quoted = identityQuote(figure, text);
    expect(quoted.text).toBe(text);
    expect(spansInside(quoted.span, quoted.text)).toBe(true);
    expect(quoted.text!.slice(quoted.span.charStart, quoted.span.charEnd)).toBe('7,5');
  });

  it('falls back to the stored quote, its number found by text, when the document changed', () => {
    const changed = `Một đoạn mới ở đầu. ${text}`;
    const quoted = identityQuote(figure, changed);
    expect(quoted.text).toBe(figure.quote);
    expect(quoted.text!.slice(quoted.span.charStart, quoted.span.charEnd)).toBe('7,5');
    expect(spansInside(quoted.span, quoted.text)).toBe(true);
  });

  it('falls back to the quote when the document is gone, and to no text when the quote lacks the number', () => {
    expect(identityQuote(figure, null).text).toBe(figure.quote);
    const lost = identityQuote({ ...figure, quote: 'Câu đã sửa, không còn số.' }, null);
    expect(lost.text).toBeNull();
    expect(spansInside(lost.span, lost.text)).toBe(false);
  });

  it('finds no spans inside a text shorter than the sentence', () => {
    expect(spansInside(identityQuote(figure, text).span, text.slice(0, 20))).toBe(false);
  });
});
