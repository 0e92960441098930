import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_LENGTH, splitSentences } from '../../../renderer/src/lib/extraction/sentences.ts';
import { extractText } from '../../support/extraction.ts';

// About 3,300 characters of prose with no full stop, then one figure: 300 of them make a 1 MB line.
const PROSE =
  'tiếp tục đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân và doanh nghiệp, ';
const PIECE = `${PROSE.repeat(35)}thu hút được 12 dự án mới, `;
const MEGA_LINE = PIECE.repeat(Math.ceil(1_000_000 / PIECE.length));

describe('bounded work per sentence (issue 11 §3)', () => {
  it('cuts a 1 MB line with no full stop into sentences no longer than the limit, at commas', () => {
    const sentences = splitSentences(MEGA_LINE);
    expect(sentences.length).toBeGreaterThan(MEGA_LINE.length / MAX_SENTENCE_LENGTH);
    sentences.forEach((sentence, index) => {
      expect(sentence.end - sentence.start).toBeLessThanOrEqual(MAX_SENTENCE_LENGTH);
      const next = sentences[index + 1];
      if (!next) return;
      // Cut right after a comma, and nothing but white space is lost between two pieces.
      expect(MEGA_LINE[sentence.end - 1]).toBe(',');
      expect(MEGA_LINE.slice(sentence.end, next.start)).toMatch(/^\s*$/);
    });
  });

  it('reads every figure of a 1 MB line with no full stop', { timeout: 120_000 }, () => {
    const figures = extractText(MEGA_LINE);
    const expected = MEGA_LINE.length / PIECE.length;
    expect(figures).toHaveLength(Math.ceil(expected));
    for (const figure of figures) {
      expect(MEGA_LINE.slice(figure.char_start, figure.char_end)).toBe('12 dự án');
      expect(figure.value_low).toBe(12);
    }
  });

  it('rejects a number too long to be finite (400 digits is no figure, never Infinity)', () => {
    const digits = '9'.repeat(400);
    const figures = extractText(`Doanh thu đạt ${digits} tỷ đồng, có ${digits} xã và 15 trường.`);
    expect(figures.every((figure) => Number.isFinite(figure.value_low))).toBe(true);
    expect(figures.map((figure) => figure.value_low)).toEqual([15]);
  });

  it('keeps sentences under the limit as they are', () => {
    const text = 'Năm 2025 có 106 xã đạt chuẩn; 28 xã đạt chuẩn nâng cao. Tỷ lệ hộ nghèo còn 2,5%.';
    expect(splitSentences(text).map((sentence) => text.slice(sentence.start, sentence.end))).toEqual([
      'Năm 2025 có 106 xã đạt chuẩn; 28 xã đạt chuẩn nâng cao.',
      'Tỷ lệ hộ nghèo còn 2,5%.',
    ]);
  });
});
