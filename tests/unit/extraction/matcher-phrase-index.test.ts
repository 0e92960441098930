import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PhraseIndex, canonicalStretch } from '../../../renderer/src/lib/extraction/phrase-index.ts';
import { canonicalVietnamese } from '../../../renderer/src/lib/extraction/vietnamese-text.ts';

describe('the phrase index (every catalogue phrase compiled into one trie)', () => {
  const index = new PhraseIndex([
    'tăng trưởng kinh tế',
    'tốc độ tăng trưởng kinh tế',
    'dịch vụ',
    'nông, lâm nghiệp',
  ]);

  it('finds overlapping phrases, each with its own span', () => {
    const text = 'Tốc độ tăng trưởng kinh tế đạt 6%';
    expect(index.scan(text)).toEqual([
      { phrase: 'tốc độ tăng trưởng kinh tế', start: 0, end: 26 },
      { phrase: 'tăng trưởng kinh tế', start: 7, end: 26 },
    ]);
  });

  it('matches across hard line breaks and old tone placement', () => {
    const hits = index.scan('ngành nông,\n\nlâm nghiệp và dịch\nvụ; thuỷ sản');
    expect(hits.map((hit) => hit.phrase)).toEqual(['nông, lâm nghiệp', 'dịch vụ']);
    expect(hits[0]).toMatchObject({ start: 6, end: 23 });
  });

  it('never matches inside a word', () => {
    expect(index.scan('dịch vụa, xdịch vụ')).toEqual([]);
    expect(index.scan('dịch vụ1')).toEqual([]);
  });

  it('finds nothing in empty text', () => {
    expect(index.scan('')).toEqual([]);
  });
});

describe('reading a stretch of a sentence off the sentence scanned once', () => {
  const phrases = ['hoá học', 'hóa', 'thuỷ sản', 'dịch vụ', 'xã', 'tỷ lệ (%)', 'a', 'o', 'gdp', 'nông, lâm'];
  // Pieces that test every edge of a stretch: mid-word starts, split tone pairs, punctuation ends.
  const pieces = fc.constantFrom(
    'hoá',
    'hóa học',
    'ho',
    'á',
    'thuỷ',
    'u',
    'ỹ',
    ' sản',
    'dịch',
    ' vụ',
    'xã',
    'tỷ lệ (%)',
    'GDP',
    'nông,',
    ' lâm',
    'a',
    'o',
    ' ',
    '\n\n',
    '1',
    '%',
    ')',
    'İ',
    'Σ',
    'ς',
  );
  const sentence = fc.array(pieces, { maxLength: 24 }).map((parts) => parts.join(''));

  it('finds exactly what scanning the stretch alone finds', () => {
    fc.assert(
      fc.property(sentence, fc.nat(), fc.nat(), fc.nat(), (text, a, b, c) => {
        const start = Math.min(a, b) % (text.length + 1);
        const end = Math.max(start, Math.max(a, b) % (text.length + 1));
        const index = new PhraseIndex(phrases);
        // Scanned up to some limit: a stretch ending before it or after it reads the same.
        const scanned = index.scanText(text, c % (text.length + 2));
        expect(index.scanStretch(scanned, start, end)).toEqual(
          new PhraseIndex(phrases).scan(text.slice(start, end)),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it("reads a stretch's canonical form as canonicalVietnamese of the stretch alone", () => {
    fc.assert(
      fc.property(sentence, fc.nat(), fc.nat(), (text, a, b) => {
        const start = Math.min(a, b) % (text.length + 1);
        const end = Math.max(start, Math.max(a, b) % (text.length + 1));
        const scanned = new PhraseIndex(phrases).scanText(text, 0);
        expect(canonicalStretch(scanned, start, end)).toBe(canonicalVietnamese(text.slice(start, end)));
      }),
      { numRuns: 1000 },
    );
  });

  it('finds a phrase a stretch cuts out of a longer word, and one ending at the stretch', () => {
    const index = new PhraseIndex(phrases);
    const scanned = index.scanText('xxhoá gdp1');
    // Alone, "hoá" starts a text and "gdp" ends one.
    expect(index.scanStretch(scanned, 2, 5)).toEqual([{ phrase: 'hóa', start: 0, end: 3 }]);
    expect(index.scanStretch(scanned, 6, 9)).toEqual([{ phrase: 'gdp', start: 0, end: 3 }]);
    // In the whole text neither is a word of its own.
    expect(index.scanStretch(scanned, 0, scanned.text.length)).toEqual([]);
  });

  it('reads a stretch that splits an old tone placement afresh', () => {
    const index = new PhraseIndex(['a']);
    const scanned = index.scanText('o á');
    expect(index.scanStretch(scanned, 2, 3)).toEqual(index.scan('á'));
    const pair = index.scanText('oá');
    // "oá" is canonically "óa": the stretch "á" alone is not "a".
    expect(index.scanStretch(pair, 1, 2)).toEqual([]);
  });
});
