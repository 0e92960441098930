import { describe, expect, it } from 'vitest';
import {
  nextSort,
  sortRows,
  sortsBy,
  type PivotSort,
} from '../../../renderer/src/features/pivot/pivot-sort.ts';
import type { PivotCell, PivotRow } from '../../../renderer/src/lib/pivot/pivot-rows.ts';

const cell = (values: Partial<PivotCell>): PivotCell => ({
  targetLow: null,
  targetHigh: null,
  targetComparator: null,
  targetSources: [],
  actualLow: null,
  actualHigh: null,
  actualEstimate: false,
  actualSources: [],
  status: null,
  percentOfTarget: null,
  targetGap: null,
  yoyChange: null,
  cagr: null,
  cagrFrom: null,
  cagrTo: null,
  ...values,
});

const row = (id: string, name: string, nameEn: string, cells: Record<string, PivotCell>): PivotRow => ({
  indicatorId: id,
  name,
  nameEn,
  domain: 'kinh_te',
  unit: '%',
  cells,
});

// Hand-made: names with diacritics, a range target, a row without 2021–2025, a tie.
const ROWS = [
  row('a', 'Tỷ lệ hộ nghèo', 'Poverty rate', {
    '2021-2025': cell({ targetLow: 3, actualLow: 2.4, percentOfTarget: 80 }),
  }),
  row('b', 'Đô thị hoá', 'Urbanisation', {
    '2021-2025': cell({ targetLow: 7, targetHigh: 7.5, actualLow: 6.79, percentOfTarget: 97 }),
  }),
  row('c', 'Anh ngữ', 'English speakers', { '2016-2020': cell({ targetLow: 1, actualLow: 2 }) }),
  row('d', 'Độ che phủ rừng', 'Forest cover', {
    '2021-2025': cell({ targetLow: 65, actualLow: 65.5, percentOfTarget: 100.8 }),
  }),
  row('e', 'Ăn uống', 'Catering', {
    '2021-2025': cell({ targetLow: 10, actualLow: 9.7, percentOfTarget: 97 }),
  }),
];
const ids = (rows: readonly PivotRow[]): string[] => rows.map((item) => item.indicatorId);
const sort = (value: PivotSort): PivotSort => value;

describe('sorting the pivot', () => {
  it("keeps the query's domains without a sort, each domain's rows by name in the reader's language", () => {
    const social = { ...row('f', 'Bác sĩ', 'Doctors', {}), domain: 'xa_hoi' };
    const rows = [social, ...ROWS];
    // The domain the query put first stays first; inside it Vietnamese order, Đ right after D.
    expect(ids(sortRows(rows, null, 'vi'))).toEqual(['f', 'c', 'e', 'd', 'b', 'a']);
    expect(ids(sortRows(rows, null, 'en'))).toEqual(['f', 'e', 'c', 'd', 'a', 'b']);
  });

  it('sorts by % of target both ways, ties in the pivot’s order, rows without it last', () => {
    const by = { by: 'percent', period: '2021-2025' } as const;
    expect(ids(sortRows(ROWS, sort({ ...by, direction: 'ascending' }), 'vi'))).toEqual([
      'a',
      'b',
      'e',
      'd',
      'c',
    ]);
    expect(ids(sortRows(ROWS, sort({ ...by, direction: 'descending' }), 'vi'))).toEqual([
      'd',
      'b',
      'e',
      'a',
      'c',
    ]);
  });

  it('sorts by a target at the middle of its range, and by a result', () => {
    const target = sortRows(ROWS, sort({ by: 'target', period: '2021-2025', direction: 'ascending' }), 'vi');
    // 7–7,5 counts as 7,25: after 3, before 10.
    expect(ids(target)).toEqual(['a', 'b', 'e', 'd', 'c']);
    const result = sortRows(ROWS, sort({ by: 'actual', period: '2016-2020', direction: 'descending' }), 'vi');
    expect(ids(result)[0]).toBe('c');
  });

  it('sorts names in Vietnamese alphabetical order in Vietnamese and by the English name in English', () => {
    const vi = sortRows(ROWS, sort({ by: 'name', direction: 'ascending' }), 'vi');
    // Vietnamese collation: A before Ă, Đ after D, tone marks only after the letters (so "Độ che"
    // comes before "Đô thị").
    expect(vi.map((item) => item.name)).toEqual([
      'Anh ngữ',
      'Ăn uống',
      'Độ che phủ rừng',
      'Đô thị hoá',
      'Tỷ lệ hộ nghèo',
    ]);
    const en = sortRows(ROWS, sort({ by: 'name', direction: 'descending' }), 'en');
    expect(en.map((item) => item.nameEn)).toEqual([
      'Urbanisation',
      'Poverty rate',
      'Forest cover',
      'English speakers',
      'Catering',
    ]);
  });

  it('does not change the rows it is given', () => {
    const copy = [...ROWS];
    sortRows(ROWS, sort({ by: 'name', direction: 'descending' }), 'vi');
    expect(ROWS).toEqual(copy);
  });
});

describe('a click on a sort control', () => {
  const percent = { by: 'percent', period: '2021-2025' } as const;

  it('goes ascending, descending, then back to the query order', () => {
    const first = nextSort(null, percent);
    expect(first).toEqual({ ...percent, direction: 'ascending' });
    const second = nextSort(first, percent);
    expect(second).toEqual({ ...percent, direction: 'descending' });
    expect(nextSort(second, percent)).toBeNull();
  });

  it('starts another column ascending, a measure of another period too', () => {
    const descending = sort({ ...percent, direction: 'descending' });
    expect(nextSort(descending, { by: 'name' })).toEqual({ by: 'name', direction: 'ascending' });
    expect(nextSort(descending, { by: 'percent', period: '2016-2020' })).toEqual({
      by: 'percent',
      period: '2016-2020',
      direction: 'ascending',
    });
    expect(sortsBy(descending, { by: 'target', period: '2021-2025' })).toBe(false);
    expect(sortsBy(descending, percent)).toBe(true);
  });
});
