// How the matcher tells whether a figure's unit fits an indicator's.
import type { CatalogueEntry } from './catalogue.ts';
import { canonicalVietnamese } from './vietnamese-text.ts';

type UnitClass =
  'pct' | 'usd' | 'vnd' | 'visits' | 'area' | 'mass' | 'ratio' | 'per10k' | 'criteria' | 'none' | 'count';

/** The kind of quantity a unit measures, as the matcher tells indicators apart by it. */
export function unitClass(unit: string): UnitClass {
  if (unit === '%') return 'pct';
  if (unit === '') return 'none';
  if (unit.includes('USD')) return 'usd';
  if (unit.includes('đồng')) return 'vnd';
  if (unit.includes('lượt')) return 'visits';
  if (/\bha\b/.test(unit)) return 'area';
  if (unit.includes('tấn')) return 'mass';
  if (unit === 'lần') return 'ratio';
  if (unit.includes('vạn dân')) return 'per10k';
  if (unit.includes('/xã')) return 'criteria';
  return 'count';
}

/** Whether a figure in `unit` (a change or not) can be a value of `entry`. */
export function unitsFit(entry: CatalogueEntry, unit: string, isChange: boolean): boolean {
  const wanted = unitClass(entry.unit);
  const got = unitClass(unit);
  if (wanted === 'count' && got === 'count') return sameCountedThing(entry.unit, unit);
  if (wanted === got || got === 'none' || wanted === 'none') return true;
  // A change is stated in % or "lần" of whatever the indicator measures.
  return isChange && (got === 'pct' || got === 'ratio');
}

// Counted nouns that name the same things: a count of "lao động" may be written in "người".
const COUNTED_SYNONYMS: readonly (readonly string[])[] = [
  ['người', 'lao động', 'lượt người', 'nghìn người', 'nghìn lao động', 'cán bộ', 'học sinh', 'hộ'],
  ['xã', 'đơn vị', 'đơn vị hành chính', 'thôn', 'xã, phường', 'phường'],
  ['tổ chức', 'tổ chức đảng', 'tổ chức cơ sở đảng', 'chi bộ', 'đảng bộ'],
  ['sản phẩm', 'sản phẩm ocop'],
];

// Units are few and asked for at every candidate indicator: each is made canonical once.
const canonicalUnits = new Map<string, string>();
const MAX_CANONICAL_UNITS = 1024;

function canonicalUnit(unit: string): string {
  let canonical = canonicalUnits.get(unit);
  if (canonical === undefined) {
    if (canonicalUnits.size >= MAX_CANONICAL_UNITS) canonicalUnits.clear();
    canonical = canonicalVietnamese(unit);
    canonicalUnits.set(unit, canonical);
  }
  return canonical;
}

/** "7.712 tổ chức đảng và 23.498 đảng viên": counts of different nouns are different indicators. */
function sameCountedThing(wanted: string, got: string): boolean {
  const a = canonicalUnit(wanted);
  const b = canonicalUnit(got);
  if (a === b || a.startsWith(`${b} `) || b.startsWith(`${a} `) || a.endsWith(` ${b}`) || b.endsWith(` ${a}`))
    return true;
  return COUNTED_SYNONYMS.some((group) => group.includes(a) && group.includes(b));
}
