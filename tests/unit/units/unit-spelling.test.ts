import { describe, expect, it } from 'vitest';
import { tableUnit } from '../../../renderer/src/lib/extraction/table-units.ts';
import { countedNounAfter, readUnit } from '../../../renderer/src/lib/extraction/units.ts';
import { convert } from '../../../renderer/src/lib/units/convert-unit.ts';
import { unitFit } from '../../../renderer/src/lib/units/unit-fit.ts';
import { unitSpelling } from '../../../renderer/src/lib/units/unit-spelling.ts';
import { canonicalUnit, parseUnitTable, unitEntry } from '../../../renderer/src/lib/units/unit-table.ts';

describe('one spelling for the two tone-mark placements', () => {
  it('puts the tone of a final oa, oe, uy on the first vowel, for every tone and in capitals', () => {
    expect(unitSpelling('thoả thuận')).toBe('thỏa thuận');
    expect(unitSpelling('hoà')).toBe('hòa');
    expect(unitSpelling('khoẻ')).toBe('khỏe');
    expect(unitSpelling('thuỷ')).toBe('thủy');
    expect(unitSpelling('uỷ ban')).toBe('ủy ban');
    expect(unitSpelling('hoá')).toBe('hóa');
    expect(unitSpelling('hoạ')).toBe('họa');
    expect(unitSpelling('xoè')).toBe('xòe');
    expect(unitSpelling('loé')).toBe('lóe');
    expect(unitSpelling('toà án')).toBe('tòa án');
    expect(unitSpelling('văn hoá/người')).toBe('văn hóa/người');
    expect(unitSpelling('HOÀ')).toBe('HÒA');
    expect(unitSpelling('THUỶ')).toBe('THỦY');
  });

  it('composes decomposed text (NFC) and keeps the length in UTF-16 units', () => {
    const decomposed = 'thoa\u0309 thua\u0302\u0323n';
    expect(unitSpelling(decomposed)).toBe('thỏa thuận');
    expect(unitSpelling('thoả thuận')).toHaveLength('thoả thuận'.length);
    expect(unitSpelling('ho\u0300a')).toBe('hòa');
  });

  it('leaves the placements that have one spelling only as they are', () => {
    // A final consonant or vowel after the pair: the tone is on the second vowel in both styles.
    for (const word of ['hoàng', 'toán', 'khoét', 'huýt', 'huỳnh', 'ngoài', 'khoái', 'ngoẻo']) {
      expect(unitSpelling(word)).toBe(word);
    }
    // After q the u is part of the consonant: one vowel, one place.
    for (const word of ['quý', 'quả', 'quỹ', 'quà']) expect(unitSpelling(word)).toBe(word);
    for (const word of ['thỏa thuận', 'hòa', 'tỷ đồng', 'hoặc', 'khuya', 'USD', '%', '']) {
      expect(unitSpelling(word)).toBe(word);
    }
  });
});

describe('the unit reader and the unit table read both placements as one unit', () => {
  it('writes a counted noun in the one spelling, whichever the document uses', () => {
    expect(readUnit(' thoả thuận cấp tỉnh')).toEqual({ unit: 'thỏa thuận', length: 11, kind: 'count' });
    expect(readUnit(' thỏa thuận cấp tỉnh')).toEqual({ unit: 'thỏa thuận', length: 11, kind: 'count' });
    expect(countedNounAfter(' toà án nhân dân')).toEqual({ unit: 'tòa án', length: 7 });
    expect(tableUnit('Thoả thuận')).toBe('thỏa thuận');
    expect(tableUnit('ĐVT: Toà nhà')).toBe('tòa nhà');
  });

  it('finds the entry of either spelling and converts one into the other', () => {
    expect(unitEntry('thoả thuận')?.unit).toBe('thỏa thuận');
    expect(canonicalUnit('thoả thuận')).toBe('thỏa thuận');
    expect(convert(8, 'thoả thuận', 'thỏa thuận')).toBe(8);
    expect(unitFit('thỏa thuận', 'thoả thuận')).toBe('converts');
    expect(unitEntry('nhà văn hoá')?.unit).toBe('nhà văn hóa');
  });

  it('refuses a unit file that lists the second placement, so no word is listed twice', () => {
    const noun = (name: string, synonym?: string) => ({
      noun: name,
      name_en: 'x',
      ...(synonym ? { synonym_of: synonym } : {}),
    });
    expect(() => parseUnitTable({ units: [], counted_nouns: [noun('thoả thuận')] })).toThrow(
      /write "thoả thuận" as "thỏa thuận"/,
    );
    const measured = (unit: string, synonym?: string) => ({
      unit,
      dimension: 'mass',
      scale: 1,
      name_en: 'x',
      ...(synonym ? { synonym_of: synonym } : {}),
    });
    expect(() =>
      parseUnitTable({ units: [measured('hòa'), measured('hoa', 'hoà')], counted_nouns: [] }),
    ).toThrow(/write "hoà" as "hòa"/);
    expect(parseUnitTable({ units: [], counted_nouns: [noun('thỏa thuận')] })).toHaveLength(1);
  });
});
