import { describe, expect, it } from 'vitest';
import { parseVietnameseNumber } from '../../../renderer/src/lib/extraction/vietnamese-number.ts';

describe('parseVietnameseNumber', () => {
  it.each([
    ['1.414', 1414],
    ['111.100', 111100],
    ['6,79', 6.79],
    ['31.742,5', 31742.5],
    ['0,705', 0.705],
    ['4.400.000', 4400000],
    ['07', 7],
    ['68.58', 68.58],
  ])('reads %s as %d', (text, value) => {
    expect(parseVietnameseNumber(text)).toBe(value);
  });

  it.each(['', 'abc', '1.2.3', '12,'])('refuses %j', (text) => {
    expect(parseVietnameseNumber(text)).toBeNull();
  });
});
