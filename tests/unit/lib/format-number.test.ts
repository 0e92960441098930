import { describe, expect, it } from 'vitest';
import { numberKindOfColumn } from '../../../renderer/src/lib/format/column-kind.ts';
import {
  comparatorPrefix,
  formatBoolean,
  formatByKind,
  formatFigure,
  formatNumber,
  formatPercent,
  formatPercentagePoints,
  formatPlain,
  shownDecimals,
} from '../../../renderer/src/lib/format/format-number.ts';

describe('formatNumber: quantities', () => {
  it('groups and rounds to the decimals a reader needs, vi-VN and en-US', () => {
    expect(formatNumber(54449.10000001)).toBe('54.449,1');
    expect(formatNumber(54449.10000001, 'en')).toBe('54,449.1');
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(7)).toBe('7');
    expect(formatNumber(6.789)).toBe('6,79');
    expect(formatNumber(0.1 + 0.2)).toBe('0,3');
  });

  it('writes negatives with a minus and never "-0"', () => {
    expect(formatNumber(-2.96)).toBe('-2,96');
    expect(formatNumber(-17096)).toBe('-17.096');
    expect(formatNumber(-0.4, 'vi', 0)).toBe('0');
    expect(formatNumber(-0.001)).toBe('-0,001');
    expect(formatNumber(-0)).toBe('0');
  });

  it('keeps very small values readable and very large ones whole', () => {
    expect(formatNumber(0.00045)).toBe('0,00045');
    expect(formatNumber(-0.00045, 'en')).toBe('-0.00045');
    expect(formatNumber(1e-12)).toBe('0,000000000001');
    expect(formatNumber(0.004, 'vi', 0)).toBe('0');
    expect(formatNumber(1.5e15)).toBe('1.500.000.000.000.000');
    expect(formatNumber(1.7e21, 'en')).toBe('1,700,000,000,000,000,000,000');
  });

  it('writes a dash for NaN and ∞ for infinities, not "NaN"', () => {
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(formatNumber(Number.NEGATIVE_INFINITY, 'en')).toBe('-∞');
  });

  it('says how many decimals it shows, so exports can match', () => {
    expect(shownDecimals(7)).toBe(0);
    expect(shownDecimals(54449.10000001)).toBe(1);
    expect(shownDecimals(6.789)).toBe(2);
    expect(shownDecimals(6.789, 4)).toBe(3);
    expect(shownDecimals(0.00045)).toBe(5);
    expect(shownDecimals(Number.NaN)).toBe(0);
  });
});

describe('years and ids are never grouped', () => {
  it('writes 2016, not 2.016, and offset 1952, not 1.952', () => {
    expect(formatPlain(2016)).toBe('2016');
    expect(formatPlain(1952)).toBe('1952');
    expect(formatPlain(123456789)).toBe('123456789');
    expect(formatPlain(12345678901234567890n)).toBe('12345678901234567890');
    expect(formatByKind(2030, 'year', 'en')).toBe('2030');
    expect(formatByKind(19046, 'id')).toBe('19046');
  });

  it('writes nothing for a missing year and a dash for NaN', () => {
    expect(formatPlain(null)).toBe('');
    expect(formatPlain(undefined)).toBe('');
    expect(formatPlain(Number.NaN)).toBe('–');
  });
});

describe('percentages and percentage points are labelled', () => {
  it('writes 6,79% and 6.79%', () => {
    expect(formatPercent(6.79)).toBe('6,79%');
    expect(formatPercent(6.79, 'en')).toBe('6.79%');
    expect(formatPercent(-0.83)).toBe('-0,83%');
    expect(formatByKind(108, 'percent')).toBe('108%');
    expect(formatPercent(Number.NaN)).toBe('–');
  });

  it('writes 1,5 điểm % and 1.5 pp', () => {
    expect(formatPercentagePoints(1.5)).toBe('1,5 điểm %');
    expect(formatPercentagePoints(1.5, 'en')).toBe('1.5 pp');
    expect(formatPercentagePoints(-0.4, 'en')).toBe('-0.4 pp');
    expect(formatByKind(2.25, 'percentage_point', 'vi', 1)).toBe('2,3 điểm %');
  });
});

describe('formatFigure: ranges, comparators and units', () => {
  it('writes a range with an en dash and the percent sign once', () => {
    expect(formatFigure({ low: 7, high: 7.5, unit: '%' })).toBe('7–7,5%');
    expect(formatFigure({ low: 7, high: 7.5, unit: '%' }, 'en')).toBe('7–7.5%');
    expect(formatFigure({ low: 10, high: 10, unit: '%' })).toBe('10%');
  });

  it('puts the comparator before the figure', () => {
    expect(formatFigure({ low: 8, comparator: '>=', unit: '%' })).toBe('≥8%');
    expect(formatFigure({ low: 1500, comparator: '~', unit: 'tỷ đồng' })).toBe('≈1.500 tỷ đồng');
    expect(formatFigure({ low: 95, comparator: '>', unit: '%' })).toBe('>95%');
    expect(formatFigure({ low: 3, comparator: '=', unit: 'xã' })).toBe('3 xã');
    expect(comparatorPrefix('<=')).toBe('≤');
    expect(comparatorPrefix(null)).toBe('');
    expect(comparatorPrefix('between')).toBe('');
  });

  it('writes the unit label it is given, and points in the reader’s language', () => {
    expect(formatFigure({ low: 30.6, unit: 'tỷ USD' }, 'en', 2, 'billion USD')).toBe('30.6 billion USD');
    expect(formatFigure({ low: 1.5, unit: 'điểm %' }, 'en')).toBe('1.5 pp');
    expect(formatFigure({ low: 1.5, unit: 'điểm %' })).toBe('1,5 điểm %');
    expect(formatFigure({ low: 1.6, unit: null })).toBe('1,6');
  });

  it('writes nothing when there is no value', () => {
    expect(formatFigure({ low: null, high: 5, unit: '%' })).toBe('');
    expect(formatFigure({ low: Number.NaN, unit: '%' })).toBe('');
  });
});

describe('formatBoolean', () => {
  it('writes có/không and yes/no, nothing for a missing value', () => {
    expect(formatBoolean(true)).toBe('có');
    expect(formatBoolean(false)).toBe('không');
    expect(formatBoolean(true, 'en')).toBe('yes');
    expect(formatBoolean(false, 'en')).toBe('no');
    expect(formatBoolean(null)).toBe('');
  });
});

describe('numberKindOfColumn', () => {
  it('knows the warehouse columns of years and offsets, and leaves values as quantities', () => {
    for (const name of ['period_start', 'period_end', 'base_year', 'PERIOD_START', 'target_year']) {
      expect(numberKindOfColumn(name), name).toBe('year');
    }
    for (const name of ['char_start', 'char_end', 'sentence_start', 'sentence_end', 'char_count', 'doc_id']) {
      expect(numberKindOfColumn(name), name).toBe('id');
    }
    for (const name of ['value_low', 'value_high', 'denominator', 'n', 'years_count', 'identity']) {
      expect(numberKindOfColumn(name), name).toBe('quantity');
    }
  });
});
