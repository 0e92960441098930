import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOTAL_CUE } from '../../../renderer/src/lib/extraction/cues.ts';
import { lexiconRegex } from '../../../renderer/src/lib/extraction/lexicon.ts';
import { DESIGNATOR, QUARTER_OR_WEEK } from '../../../renderer/src/lib/extraction/non-figures.ts';
import { RATIO_BASE_YEAR } from '../../../renderer/src/lib/extraction/periods.ts';
import { MENTION } from '../../../renderer/src/lib/extraction/scan-mentions.ts';
import { FOOTNOTE_REFERENCE } from '../../../renderer/src/lib/extraction/segment-document.ts';
import { NUMBER_PATTERN } from '../../../renderer/src/lib/extraction/vietnamese-number.ts';

// The patterns as they were before a leading lookahead told the engine where a match can start,
// or a lookbehind stood for a `\b` (slow under /iu).
const PLAIN: readonly (readonly [string, RegExp, RegExp])[] = [
  [
    'number expressions',
    new RegExp(
      String.raw`(?<![\p{L}\d.,%)\]\u2063-])(?:(?<!\/)|(?<=\d\s+(?!tuổi)\p{L}+\/))(${NUMBER_PATTERN})(\s?%)?` +
        String.raw`(?:(?:\s*[-–—]\s*|\s+(?:đến|tới)\s+)(${NUMBER_PATTERN}))?` +
        String.raw`(?:\s*\/\s*(${NUMBER_PATTERN}))?`,
      'gu',
    ),
    MENTION,
  ],
  [
    'footnote references',
    /\u2063(\d{1,3})\u2063|(?<=[\p{L}%)\]”"])(\d{1,3})(?=[\s.,;:)…]|$)/gu,
    FOOTNOTE_REFERENCE,
  ],
  ['quarters and weeks', /\b(?:quý|tuần)\s+[IV\d]+/giu, QUARTER_OR_WEEK],
  [
    'designators',
    /(?<!xếp\s+)(?:giai đoạn|cấp|hạng|loại|mức độ|mức|đợt|lô|tổ|khu vực|phân khu|tuyến|quốc lộ|tỉnh lộ|đường tỉnh|đường huyện|km|cột mốc|mốc|công nghiệp|phiên bản|phiên)\s+\d{1,2}(?:\.\d)?(?![\d.,])(?:\s*,\s*\d{1,2}(?![\d.,]))*(?!\s*%)/giu,
    DESIGNATOR,
  ],
  [
    'ratio base years',
    /(?<=lần\s+(?:so với\s+)?)(?:năm\s+)?((?:19|20)\d{2})(?!\s*[-–—]\s*\d)/giu,
    RATIO_BASE_YEAR,
  ],
  // A test, not a scan: compared as a global regex, every match counts.
  [
    'total cues',
    new RegExp(String.raw`\b5 năm|sau \d+ năm|${lexiconRegex('totalWords').source}`, 'giu'),
    new RegExp(TOTAL_CUE.source, 'giu'),
  ],
];

/** Every match with its offset and groups, as the extractor reads them. */
function matches(pattern: RegExp, text: string): string[] {
  return [...text.matchAll(pattern)].map((match) => `${match.index}:${JSON.stringify([...match])}`);
}

// The app's embedded copy of the corpus (../shared is not there in a clone).
const corpusDir = 'data/sources';
const corpus = readdirSync(corpusDir)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(join(corpusDir, name), 'utf8').normalize('NFC'));

// Pieces that reach the lookbehinds, the groups and the case folding of every pattern.
const pieces = fc.constantFrom(
  '1',
  '12',
  '2.345',
  '6,79',
  '1.234,5',
  '%',
  ' %',
  '-',
  '–',
  ' đến ',
  ' tới ',
  '/',
  ' / ',
  ' ',
  '\n',
  '.',
  ',',
  ')',
  ']',
  '”',
  '\u2063',
  'a',
  'đ',
  'Ư',
  'tuổi',
  'người/',
  'Quý',
  'quý',
  'QUÝ',
  'tuần',
  'TUẦN',
  'I',
  'V',
  'x',
  '_',
  // Word characters only under /iu (ſ folds to s, the Kelvin sign to k): `\b` and `(?<!\w)` must agree on them.
  'ſ',
  '\u212a',
  'a5 năm',
  '…',
  ';',
  'xếp ',
  'giai đoạn ',
  'GIAI ĐOẠN ',
  'cấp ',
  'mức độ ',
  'mức ',
  'km ',
  'cột mốc ',
  'Tổ ',
  'phiên bản ',
  'lần ',
  'lần so với ',
  'năm ',
  'NĂM ',
  '2020',
  '1999',
  '5 năm',
  'sau 3 năm',
  'lũy kế',
  'Luỹ kế',
  'cả giai đoạn',
  'trong nhiệm kỳ',
  'tổng cộng',
  'năm năm',
  'từ đầu nhiệm kỳ',
);
const text = fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join(''));

describe('patterns with a leading lookahead find what the plain patterns found', () => {
  for (const [name, plain, hinted] of PLAIN) {
    it(`${name}: the same matches over the whole corpus`, () => {
      for (const document of corpus) expect(matches(hinted, document)).toEqual(matches(plain, document));
    });

    it(`${name}: the same matches in generated text`, () => {
      fc.assert(
        fc.property(text, (value) => {
          expect(matches(hinted, value)).toEqual(matches(plain, value));
        }),
        { numRuns: 2000 },
      );
    });
  }
});
