import { describe, expect, it } from 'vitest';
import { foldDiacritics } from '../../../renderer/src/lib/format/fold-diacritics.ts';
import { formatNumber } from '../../../renderer/src/lib/format/format-number.ts';
import { en, vi } from '../../../renderer/src/lib/i18n/dictionary.ts';
import { domainKey } from '../../../renderer/src/lib/i18n/domains.ts';

describe('formatNumber', () => {
  it('writes numbers the Vietnamese way: dot for thousands, comma for decimals', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(111100)).toBe('111.100');
    expect(formatNumber(6.79)).toBe('6,79');
    expect(formatNumber(-2.96)).toBe('-2,96');
    expect(formatNumber(0)).toBe('0');
  });

  it('writes English numbers with comma thousands when asked', () => {
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
  });

  it('rounds to the requested number of decimals', () => {
    expect(formatNumber(2.34567, 'vi', 2)).toBe('2,35');
    expect(formatNumber(2.34567, 'vi', 0)).toBe('2');
  });
});

describe('foldDiacritics', () => {
  it('lets "tang truong" find "tăng trưởng", whatever the Unicode form', () => {
    expect(foldDiacritics('Tăng trưởng GRDP')).toBe('tang truong grdp');
    expect(foldDiacritics('Tăng trưởng'.normalize('NFD'))).toBe('tang truong');
    expect(foldDiacritics('Đảng bộ')).toBe('dang bo');
  });
});

describe('the dictionary', () => {
  it('has an English text for every Vietnamese key and no empty text', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const text of [...Object.values(vi), ...Object.values(en)]) expect(text.trim()).not.toBe('');
  });

  it('names each indicator domain, and anything else as unclassified', () => {
    expect(vi[domainKey('kinh_te')]).toBe('Kinh tế');
    expect(en[domainKey('xay_dung_dang')]).toBe('Party building');
    expect(domainKey('hanh_chinh')).toBe('domain.hanh_chinh');
    expect(domainKey(null)).toBe('domain.none');
    expect(domainKey('toString')).toBe('domain.none');
  });
});
