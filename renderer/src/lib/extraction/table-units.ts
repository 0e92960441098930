import { unitSpelling } from '../units/unit-spelling.ts';
import { readUnit } from './units.ts';

/**
 * A unit as a table writes it (`Ha`, `Tấn`, `Nghìn USD`, `%`, `Con`, `Triệu đồng/người`), in the
 * warehouse's spelling when the unit lexicon knows it, else lower case as written; '' for no unit.
 */
export function tableUnit(written: string): string {
  const text = written
    .replace(/^\s*(?:đơn vị tính|đơn vị|đvt)\s*:?\s*/iu, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '' || /^[-x…]+$/iu.test(text)) return '';
  const known = readUnit(` ${text}`);
  if (known && known.length >= text.length) return known.unit;
  // Words that are no unit ("Ghi chú", a sentence): at most three short words make one.
  const words = text.split(' ');
  return words.length <= 3 && text.length <= 24 ? unitSpelling(lowerFirst(text)) : '';
}

/** The unit stated above a table: `(Đơn vị: triệu USD)`, `ĐVT: tỷ đồng`; '' when none. */
export function captionUnit(caption: string): string {
  const stated = /(?:đơn vị tính|đơn vị|đvt)\s*:\s*([^();\n]+?)\s*(?:\)|;|$)/iu.exec(caption);
  return stated ? tableUnit(stated[1] ?? '') : '';
}

/** A row label's own unit: `Tổng thu ngân sách (tỷ đồng)`, `Tỷ lệ hộ nghèo, %`; and the label without it. */
export function labelUnit(label: string): { label: string; unit: string } {
  const bracket = /\s*\(([^()]+)\)\s*$/u.exec(label);
  if (bracket) {
    const unit = tableUnit(bracket[1] ?? '');
    if (unit && readUnit(` ${bracket[1] ?? ''}`))
      return { label: label.slice(0, bracket.index).trim(), unit };
  }
  const comma = /\s*,\s*(%|[\p{L}/ ]{1,20})$/u.exec(label);
  if (comma) {
    const known = readUnit(` ${comma[1] ?? ''}`);
    if (known && known.length >= (comma[1] ?? '').length) {
      return { label: label.slice(0, comma.index).trim(), unit: known.unit };
    }
  }
  return { label, unit: '' };
}

/** What a `Số …` label counts: "Số doanh nghiệp thành lập mới" counts `doanh nghiệp`; '' otherwise. */
export function countedNoun(label: string): string {
  const counted = /^số(?: lượng)?\s+(.+)$/iu.exec(label);
  const noun = counted ? readUnit(` ${counted[1] ?? ''}`) : null;
  return noun?.kind === 'count' ? noun.unit : '';
}

/** The first letter lower-cased, unless the word reads as a name or an abbreviation (`GRDP`, `Trung Quốc`). */
export function lowerFirst(text: string): string {
  const [first = '', second = ''] = text.split(' ');
  if (/^\p{Lu}{2,}$/u.test(first) || /^\p{Lu}/u.test(second)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}
