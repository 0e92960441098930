import { describe, expect, it } from 'vitest';
import {
  excelColumnFormat,
  excelNumberFormat,
  tsvBoolean,
  tsvNumber,
} from '../../../renderer/src/lib/format/format-export.ts';

describe('tsvNumber', () => {
  it('writes vi-VN decimals (5,45) or raw ones (5.45), never grouped', () => {
    expect(tsvNumber(5.45, 'vi')).toBe('5,45');
    expect(tsvNumber(5.45, 'raw')).toBe('5.45');
    expect(tsvNumber(111100, 'vi')).toBe('111100');
    expect(tsvNumber(-2.96, 'vi')).toBe('-2,96');
    expect(tsvNumber(2016, 'vi')).toBe('2016');
  });

  it('keeps every digit, writes tiny and huge values without an exponent', () => {
    expect(tsvNumber(54449.10000001, 'raw')).toBe('54449.10000001');
    expect(tsvNumber(1e-7, 'vi')).toBe('0,0000001');
    expect(tsvNumber(1.23e-9, 'raw')).toBe('0.00000000123');
    expect(tsvNumber(1.7e21, 'raw')).toBe('1700000000000000000000');
    expect(tsvNumber(12345678901234567890n, 'vi')).toBe('12345678901234567890');
  });

  it('drops binary float artefacts: a DuckDB DECIMAL 54449.1 read as a double copies as 54449,1', () => {
    expect(tsvNumber(54449.100000000006, 'vi')).toBe('54449,1');
    expect(tsvNumber(54449.100000000006, 'raw')).toBe('54449.1');
    expect(tsvNumber(0.1 + 0.2, 'raw')).toBe('0.3');
    expect(tsvNumber(-7.199999999999999, 'vi')).toBe('-7,2');
    expect(tsvNumber(123456789.123456, 'raw')).toBe('123456789.123456');
  });

  it('leaves a missing value empty', () => {
    expect(tsvNumber(null, 'vi')).toBe('');
    expect(tsvNumber(undefined, 'raw')).toBe('');
    expect(tsvNumber(Number.NaN, 'vi')).toBe('');
  });
});

describe('tsvBoolean', () => {
  it('writes có/không for a Vietnamese Excel and TRUE/FALSE (read as booleans) in raw mode', () => {
    expect(tsvBoolean(true, 'vi')).toBe('có');
    expect(tsvBoolean(false, 'vi')).toBe('không');
    expect(tsvBoolean(true, 'raw')).toBe('TRUE');
    expect(tsvBoolean(false, 'raw')).toBe('FALSE');
    expect(tsvBoolean(null, 'vi')).toBe('');
  });
});

describe('excelNumberFormat', () => {
  it('shows the decimals the screen shows, pinned to the app’s locale', () => {
    expect(excelNumberFormat(54449.10000001)).toBe('[$-42A]#,##0.0');
    expect(excelNumberFormat(7)).toBe('[$-42A]#,##0');
    expect(excelNumberFormat(6.789, { locale: 'en' })).toBe('[$-409]#,##0.00');
    expect(excelNumberFormat(6.789, { pinLocale: false, maximumFractionDigits: 4 })).toBe('#,##0.000');
    expect(excelNumberFormat(null)).toBe('[$-42A]#,##0');
  });

  it('never groups a year or an id', () => {
    expect(excelNumberFormat(2016, { kind: 'year' })).toBe('[$-42A]0');
    expect(excelNumberFormat(1952, { kind: 'id', pinLocale: false })).toBe('0');
  });

  it('labels values already in percent and percentage points', () => {
    expect(excelNumberFormat(6.79, { kind: 'percent' })).toBe('[$-42A]#,##0.00"%"');
    expect(excelNumberFormat(1.5, { kind: 'percentage_point' })).toBe('[$-42A]#,##0.0" điểm %"');
    expect(excelNumberFormat(1.5, { kind: 'percentage_point', locale: 'en' })).toBe('[$-409]#,##0.0" pp"');
  });

  it('gives a column as many decimals as its most precise value', () => {
    expect(excelColumnFormat([7, 7.5, 6.79, null, Number.NaN])).toBe('[$-42A]#,##0.00');
    expect(excelColumnFormat([2020, 2025])).toBe('[$-42A]#,##0');
    expect(excelColumnFormat([])).toBe('[$-42A]#,##0');
  });
});
