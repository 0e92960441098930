import { describe, expect, it } from 'vitest';
import { PhraseIndex } from '../../../renderer/src/lib/extraction/phrase-index.ts';

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
