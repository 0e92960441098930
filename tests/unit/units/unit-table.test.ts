import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { convert, sameDimension, scaleValue } from '../../../renderer/src/lib/units/convert-unit.ts';
import {
  canonicalUnit,
  parseUnitTable,
  UNIT_TABLE,
  unitEntry,
  unitLabel,
} from '../../../renderer/src/lib/units/unit-table.ts';

type CsvRow = Record<string, string>;
const readCsv = (path: string): CsvRow[] => parse(readFileSync(path, 'utf8'), { columns: true }) as CsvRow[];

describe('the unit table', () => {
  it('knows every unit the embedded warehouse writes, in observations and in indicators', () => {
    const written = new Set(
      [...readCsv('data/warehouse/observations.csv'), ...readCsv('data/warehouse/indicators.csv')]
        .map((row) => row.unit ?? '')
        .filter((unit) => unit !== ''),
    );
    expect(written.size).toBeGreaterThan(100);
    expect([...written].filter((unit) => !unitEntry(unit))).toEqual([]);
  });

  it('knows every unit issue 13 names', () => {
    const named = [
      'lượt',
      'lượt người',
      'nghìn lượt',
      'triệu lượt',
      'đồng',
      'nghìn đồng',
      'triệu đồng',
      'tỷ đồng',
    ];
    named.push(
      'nghìn tỷ đồng',
      'USD',
      'nghìn USD',
      'triệu USD',
      'tỷ USD',
      'tấn',
      'nghìn tấn',
      'triệu tấn',
      'ha',
    );
    named.push('nghìn ha', '%', 'điểm %', 'km', 'm', 'm2', 'km2', 'MW', 'người', 'nghìn người', 'lao động');
    named.push('nghìn lao động', 'xã', 'trường', 'trường học', 'doanh nghiệp');
    expect(named.filter((unit) => !unitEntry(unit))).toEqual([]);
  });

  it('is what the warehouse table units.csv holds, row for row', () => {
    const rows = readCsv('data/warehouse/units.csv');
    expect(rows).toEqual(
      UNIT_TABLE.map((entry) => ({
        unit: entry.unit,
        dimension: entry.dimension,
        scale: String(entry.scale),
        name_en: entry.name_en,
      })),
    );
  });

  it('gives each counted noun its own dimension, and trường học the one of trường', () => {
    expect(unitEntry('xã')).toMatchObject({ dimension: 'count:xã', scale: 1, name_en: 'communes' });
    expect(unitEntry('trường học')).toMatchObject({
      dimension: 'count:trường',
      scale: 1,
      synonym_of: 'trường',
    });
    expect(sameDimension('trường', 'trường học')).toBe(true);
    expect(sameDimension('xã', 'thôn')).toBe(false);
  });

  it('marks as a synonym any second spelling of the same dimension and scale', () => {
    const spellings = new Map<string, string[]>();
    for (const entry of UNIT_TABLE.filter((candidate) => candidate.synonym_of === null)) {
      const key = `${entry.dimension} × ${entry.scale}`;
      spellings.set(key, [...(spellings.get(key) ?? []), entry.unit]);
    }
    expect([...spellings].filter(([, units]) => units.length > 1)).toEqual([]);
  });
});

describe('synonyms: another wording of the same unit converts, another unit does not', () => {
  it('reads a count written with its head noun alone as the same count', () => {
    // Each pair is an indicator of the embedded warehouse written both ways (issue 13).
    const synonyms: [string, string][] = [
      ['khu', 'khu công nghiệp'],
      ['vụ', 'vụ án'],
      ['thủ tục', 'thủ tục hành chính'],
      ['thủ tục', 'TTHC'],
      ['phòng', 'phòng giao dịch'],
      ['pháp nhân', 'pháp nhân thương mại'],
      ['bản', 'bản ghi nhớ'],
      ['tổ chức đảng', 'tổ chức'],
      ['đơn vị hành chính', 'đơn vị'],
      ['căn', 'căn nhà'],
      ['căn nhà', 'nhà'],
      ['căn', 'căn hộ'],
      ['trường', 'trường học'],
    ];
    expect(synonyms.filter(([a, b]) => !sameDimension(a, b))).toEqual([]);
    expect(convert(2, 'khu công nghiệp', 'khu')).toBe(2);
    expect(convert(22, 'vụ án', 'vụ')).toBe(22);
    expect(convert(1904, 'thủ tục hành chính', 'thủ tục')).toBe(1904);
    expect(convert(3000, 'căn nhà', 'căn')).toBe(3000);
    expect(convert(6508, 'nhà', 'căn nhà')).toBe(6508);
    expect(convert(1, 'triệu căn hộ', 'căn nhà')).toBe(1000000);
    expect(canonicalUnit('khu công nghiệp')).toBe('khu');
    expect(canonicalUnit('căn hộ')).toBe('căn');
    expect(canonicalUnit('TTHC')).toBe('thủ tục');
  });

  it('keeps apart the counts of different things, the pairs a statistician keeps apart', () => {
    const different: [string, string][] = [
      ['hộ', 'người'], // households are not people
      ['đơn vị hành chính', 'xã'], // a commune is one kind of administrative unit, with wards and towns
      ['đơn vị', 'xã'],
      ['hợp tác xã', 'liên hiệp hợp tác xã'], // a union of cooperatives is not a cooperative
      ['nhiệm vụ quy hoạch', 'quy hoạch'], // the brief for a plan is not the plan
      ['vụ', 'vụ việc'], // a matter is not a case
      ['tổ chức đảng', 'tổ chức cơ sở đảng'], // grassroots organisations are a part of them
      ['khu', 'khu dân cư'],
      ['phòng', 'phòng học'],
      ['bản', 'văn bản'],
      ['căn', 'nhà văn hóa'],
      ['thỏa thuận', 'bản ghi nhớ'],
      ['doanh nghiệp', 'lần'],
      ['tỷ đồng', '%'],
    ];
    expect(different.filter(([a, b]) => sameDimension(a, b))).toEqual([]);
    expect(convert(1, 'liên hiệp hợp tác xã', 'hợp tác xã')).toBeNull();
    expect(convert(3600, 'người', 'hộ')).toBeNull();
  });

  it('gives English names that say what the unit counts', () => {
    expect(unitLabel('bản', 'en')).toBe('documents');
    expect(unitLabel('căn', 'en')).toBe('dwellings');
    expect(unitLabel('khu công nghiệp', 'en')).toBe('industrial parks');
  });
});

describe('parseUnitTable refuses a broken file', () => {
  const unit = { unit: 'tấn', dimension: 'mass', scale: 1000, name_en: 'tonnes' };
  const file = (units: unknown[], counted_nouns: unknown[] = []) => ({ units, counted_nouns });

  it('with a unit listed twice, even once as a counted noun', () => {
    expect(() => parseUnitTable(file([unit, unit]))).toThrow(/"tấn" is listed twice/);
    expect(() => parseUnitTable(file([unit], [{ noun: 'tấn', name_en: 'x' }]))).toThrow(/listed twice/);
  });

  it('with a scale that is not a positive number', () => {
    expect(() => parseUnitTable(file([{ ...unit, scale: 0 }]))).toThrow();
    expect(() => parseUnitTable(file([{ ...unit, scale: -1000 }]))).toThrow();
    expect(() => parseUnitTable(file([{ ...unit, scale: '1000' }]))).toThrow();
  });

  it('with a synonym of an unknown unit, or of one with another dimension or scale', () => {
    const kg = { unit: 'kg', dimension: 'mass', scale: 1, name_en: 'kg' };
    expect(() => parseUnitTable(file([{ ...kg, synonym_of: 'kilô' }]))).toThrow(/synonym/);
    expect(() => parseUnitTable(file([unit, { ...kg, synonym_of: 'tấn' }]))).toThrow(/synonym/);
    expect(() =>
      parseUnitTable(file([], [{ noun: 'trường học', name_en: 'schools', synonym_of: 'trường' }])),
    ).toThrow(/unknown noun "trường"/);
  });

  it('with a dimension that is not an id, or a missing English name', () => {
    expect(() => parseUnitTable(file([{ ...unit, dimension: 'Khối lượng' }]))).toThrow();
    expect(() => parseUnitTable(file([{ ...unit, name_en: '' }]))).toThrow();
    expect(() => parseUnitTable({ units: [unit] })).toThrow();
  });
});

describe('convert', () => {
  it('converts within a dimension, exactly for powers of ten', () => {
    expect(convert(30.6, 'tỷ USD', 'triệu USD')).toBe(30600);
    expect(convert(5500, 'triệu USD', 'tỷ USD')).toBe(5.5);
    expect(convert(3.2, 'triệu lượt', 'nghìn lượt')).toBe(3200);
    expect(convert(850, 'nghìn lượt', 'lượt người')).toBe(850000);
    expect(convert(1.5, 'nghìn tỷ đồng', 'tỷ đồng')).toBe(1500);
    expect(convert(54449.1, 'tỷ đồng', 'nghìn tỷ đồng')).toBe(54.4491);
    expect(convert(2, 'nghìn ha', 'ha')).toBe(2000);
    expect(convert(1, 'km2', 'ha')).toBe(100);
    expect(convert(-2.96, '%', '%')).toBe(-2.96);
  });

  it('gives null across dimensions and for units it does not know', () => {
    expect(convert(1, 'tỷ USD', 'tỷ đồng')).toBeNull();
    expect(convert(1, '%', 'điểm %')).toBeNull();
    expect(convert(1, 'xã', 'thôn')).toBeNull();
    expect(convert(1, 'ha', 'km')).toBeNull();
    expect(convert(1, 'dặm', 'km')).toBeNull();
    expect(convert(1, 'km', '')).toBeNull();
    expect(sameDimension(null, null)).toBe(false);
    expect(sameDimension('km', 'dặm')).toBe(false);
  });

  it('keeps NaN and infinities as they are, since a missing value is not a zero', () => {
    expect(convert(Number.NaN, 'tấn', 'kg')).toBeNaN();
    expect(convert(Number.POSITIVE_INFINITY, 'tấn', 'kg')).toBe(Number.POSITIVE_INFINITY);
    expect(scaleValue(7, 1e9, 1e6)).toBe(7000);
  });
});

describe('unit names for display', () => {
  it('shows one spelling per unit and the English name in English', () => {
    expect(canonicalUnit('trường học')).toBe('trường');
    expect(canonicalUnit('lượt người')).toBe('lượt');
    expect(canonicalUnit('tỷ USD')).toBe('tỷ USD');
    expect(canonicalUnit('dặm')).toBe('dặm');
    expect(unitLabel('tỷ đồng', 'en')).toBe('billion VND');
    expect(unitLabel('xã', 'en')).toBe('communes');
    expect(unitLabel('tỷ đồng', 'vi')).toBe('tỷ đồng');
    expect(unitLabel('dặm', 'en')).toBe('dặm');
    expect(unitLabel(null, 'en')).toBe('');
  });

  it('has an English name for every unit that is not the Vietnamese spelling, except international symbols', () => {
    const symbols = new Set(['USD', 'kg', 'ha', 'm', 'km', 'MW', '%']);
    const untranslated = UNIT_TABLE.filter(
      (entry) => entry.name_en === entry.unit && !symbols.has(entry.unit),
    );
    expect(untranslated.map((entry) => entry.unit)).toEqual([]);
  });
});
