import { describe, expect, it } from 'vitest';
import { findPeriods, normaliseRange, termLabel } from '../../../renderer/src/lib/extraction/periods.ts';

describe('periods', () => {
  it('maps party congress terms onto plan periods', () => {
    expect(normaliseRange(2015, 2020)).toEqual([2016, 2020]);
    expect(normaliseRange(2020, 2025)).toEqual([2021, 2025]);
    expect(normaliseRange(2025, 2030)).toEqual([2026, 2030]);
    expect(normaliseRange(2021, 2025)).toEqual([2021, 2025]);
  });

  it('reads years, ranges, "đến năm" and comparison bases', () => {
    const periods = findPeriods(
      'giai đoạn 2021 - 2025 ước đạt 6,79%; năm 2025 chiếm 20,28%, giảm 2,96% so với năm 2020; đến năm 2030 đạt 65%',
    );
    expect(periods.map(({ from, to, role }) => [from, to, role])).toEqual([
      [2021, 2025, 'period'],
      [2025, 2025, 'period'],
      [2020, 2020, 'baseline'],
      [2030, 2030, 'until'],
    ]);
  });

  it('names the plan period of a span only when it fits inside one', () => {
    expect(termLabel(2021, 2025)).toBe('2021-2025');
    expect(termLabel(2026, 2026)).toBe('2026-2030');
    expect(termLabel(2020, 2021)).toBeNull();
    expect(termLabel(null, 2021)).toBeNull();
  });
});
