import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseVietnameseNumber } from '../../../renderer/src/lib/extraction/vietnamese-number.ts';
import { extractText } from '../../support/extraction.ts';

// Pieces real documents are made of, so random text looks enough like them to reach every rule.
const fragments = fc.constantFrom(
  'tăng trưởng kinh tế',
  ' đạt ',
  ' năm 2025',
  ' giai đoạn 2021 - 2025',
  ' bình quân hằng năm',
  ' so với năm 2020',
  '6,79%',
  '1',
  '111.100 tỷ đồng',
  '10 - 11%',
  '106/175 xã',
  ' gấp 1,6 lần',
  '<sup>1</sup>',
  '**',
  '$\\geq 5\\%$',
  '\n\n',
  '\n1 Trong đó ',
  '; ',
  ', ',
  '. ',
  '(',
  ')',
  'ngày 27/9/2020',
  '67/NQ-HĐND',
  'Tăng trưởng'.normalize('NFD'),
  '\u00a0',
  '“',
  '🙂',
);
const documentText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc
    .array(fc.oneof(fragments, fc.string({ maxLength: 6 })), { maxLength: 60 })
    .map((parts) => parts.join('')),
);

describe('extraction on arbitrary and adversarial text', () => {
  it('never throws, and every span lies in the raw text and holds a digit', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const figures = extractText(text);
        for (const figure of figures) {
          expect(figure.char_start).toBeGreaterThanOrEqual(0);
          expect(figure.char_end).toBeLessThanOrEqual(text.length);
          expect(figure.char_start).toBeLessThan(figure.char_end);
          expect(text.slice(figure.char_start, figure.char_end)).toMatch(/\d/);
          expect(Number.isFinite(figure.value_low) && Number.isFinite(figure.value_high)).toBe(true);
          expect(figure.value_low).toBeLessThanOrEqual(figure.value_high);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reports offsets into the raw text: the raw span starts with the number it reports', () => {
    fc.assert(
      fc.property(fc.array(fragments, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        for (const figure of extractText(text)) {
          const raw = text.slice(figure.char_start, figure.char_end);
          const written = parseVietnameseNumber(/^\d[\d.,]*\d|^\d/.exec(raw)?.[0] ?? '');
          expect([Math.abs(figure.value_low), Math.abs(figure.value_high)]).toContain(written);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same text gives the same figures', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        expect(extractText(text)).toEqual(extractText(text));
      }),
      { numRuns: 100 },
    );
  });
});
