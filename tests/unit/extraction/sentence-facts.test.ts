import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PREFIX_CUES } from '../../../renderer/src/lib/extraction/cues.ts';
import { LEXICON } from '../../../renderer/src/lib/extraction/lexicon.ts';
import {
  sentenceFacts,
  testBefore,
  testEndingBefore,
} from '../../../renderer/src/lib/extraction/sentence-facts.ts';
import { findPeriods } from '../../../renderer/src/lib/extraction/periods.ts';
import { insideCriteriaNote } from '../../../renderer/src/lib/extraction/choose-period.ts';
import { findSubYears, subYearBefore } from '../../../renderer/src/lib/extraction/sub-year.ts';

// Words that make the cues and the sub-year rules match, nearly match, or break off mid-word.
const cueWords = [
  'gấp',
  'Gấp',
  'GẤP',
  'gấ',
  'khoảng',
  'hơn',
  'gần',
  'lần',
  'so với',
  'tăng trưởng',
  'tốc độ tăng',
  'Tốc độ tăng',
  'tăng',
  'bình quân',
  'Bình quân',
  'đầu người',
  '/người',
  'đầu ng',
  ';',
  ':',
  ',',
  '(',
  ')',
  'có',
  'hiện',
  'toàn tỉnh',
  'năm học',
  'quý',
  'Quý',
  'I',
  'IV',
  'tháng',
  'Tháng',
  'đầu',
  'cuối',
  'năm',
  '/',
  '-',
  '9',
  '2020',
  '2024',
  '2025',
  '15,5',
  '%',
  'theo tiêu chí',
  'giai đoạn',
];
const lexiconWords = Object.entries(LEXICON)
  .filter(([name]) => name !== '_doc')
  .flatMap(([, list]) => (Array.isArray(list) ? list.slice(0, 6) : []));
const word = fc.constantFrom(...cueWords, ...lexiconWords);
const separator = fc.constantFrom(' ', ' ', ' ', '  ', '', '\n');
const sentence = fc
  .array(fc.tuple(word, separator), { maxLength: 24 })
  .map((parts) => parts.map(([text, gap]) => text + gap).join(''));
// A sentence and offsets in it: every figure of the sentence asks, in order, and out of order.
const sentenceWithOffsets = sentence.chain((text) =>
  fc.tuple(fc.constant(text), fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 12 })),
);

describe('the per-sentence facts answer as the per-figure regexes did', () => {
  it('each prefix cue, by its first or last word, equals the regex over the whole text before', () => {
    fc.assert(
      fc.property(fc.array(sentenceWithOffsets, { minLength: 1, maxLength: 3 }), (cases) => {
        for (const [text, offsets] of cases) {
          for (const offset of offsets) {
            const facts = sentenceFacts(text);
            const before = text.slice(0, offset);
            const [ratioWord, ratio] = PREFIX_CUES.ratio;
            expect(testEndingBefore(facts, ratioWord, ratio, offset)).toBe(ratio.test(before));
            for (const [first, pattern] of [
              PREFIX_CUES.growthWord,
              PREFIX_CUES.averageNotPerPerson,
              PREFIX_CUES.clauseOpeningCo,
            ]) {
              expect(testBefore(facts, first, pattern, offset)).toBe(pattern.test(before));
            }
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('finds the cue when it is there, and not when a cut word only starts it', () => {
    const text = 'GRDP gấp khoảng 2 lần, tốc độ tăng bình quân 7%; có 12 xã, gấ';
    const facts = sentenceFacts(text);
    const [ratioWord, ratio] = PREFIX_CUES.ratio;
    expect(testEndingBefore(facts, ratioWord, ratio, text.indexOf('2 lần'))).toBe(true);
    expect(testEndingBefore(facts, ratioWord, ratio, text.length)).toBe(false);
    const [growthWord, growth] = PREFIX_CUES.growthWord;
    expect(testBefore(facts, growthWord, growth, text.indexOf('7%'))).toBe(true);
    expect(testBefore(facts, growthWord, growth, text.indexOf('tăng bình'))).toBe(false);
  });

  it('keeps the written periods of the sentence, less the criteria notes', () => {
    fc.assert(
      fc.property(sentence, sentence, (first, second) => {
        for (const text of [first, second, first]) {
          const expected = findPeriods(text).filter((period) => !insideCriteriaNote(text, period));
          expect(sentenceFacts(text).written).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds the sub-year period before a figure as a scan of the text before it did', () => {
    fc.assert(
      fc.property(
        fc.array(sentenceWithOffsets, { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(200), { maxLength: 3 }),
        (cases, wholePeriodStarts) => {
          for (const [text, offsets] of cases) {
            for (const offset of offsets) {
              const last = findSubYears(text.slice(0, offset)).at(-1);
              const overridden =
                last !== undefined && wholePeriodStarts.some((start) => start >= last.end && start < offset);
              const expected = last === undefined || overridden ? null : last;
              expect(subYearBefore(text, offset, wholePeriodStarts)).toEqual(expected);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
