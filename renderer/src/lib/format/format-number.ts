/**
 * The one number formatter of the product: vi-VN by default (`1.234,5`), en-US in English
 * (`1,234.5`). Quantities are grouped and rounded to the decimals a reader needs; years and ids are
 * never grouped; percentages and percentage points carry their sign. Pure: no state but a cache.
 */
import type { Locale } from './locale.ts';

/** What a number is, which decides how it is written. */
export type NumberKind = 'quantity' | 'percent' | 'percentage_point' | 'year' | 'id';

/** Decimals a quantity shows unless asked otherwise (`54.449,1`, `6,79`). */
export const DEFAULT_DECIMALS = 2;

/** Written for a missing value (null, NaN) wherever a number would stand. */
export const MISSING = '–';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    // signDisplay 'negative': a value that rounds to zero is "0", never "-0".
    cached = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', {
      signDisplay: 'negative',
      ...options,
    });
    formatters.set(key, cached);
  }
  return cached;
}

/** A number the way a Vietnamese reader writes it: `1.234,5` (English: `1,234.5`); `–` for NaN. */
export function formatNumber(
  value: number,
  locale: Locale = 'vi',
  maximumFractionDigits = DEFAULT_DECIMALS,
): string {
  if (Number.isNaN(value)) return MISSING;
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  // A tiny non-zero value (0,0004 with 2 decimals) keeps two significant digits rather than reading "0".
  if (value !== 0 && maximumFractionDigits > 0 && Math.abs(value) < 10 ** -maximumFractionDigits) {
    return formatter(locale, { maximumSignificantDigits: 2 }).format(value);
  }
  return formatter(locale, { maximumFractionDigits }).format(value);
}

/** How many decimals `formatNumber(value, locale, maximumFractionDigits)` shows (`7` → 0, `6,79` → 2). */
export function shownDecimals(value: number, maximumFractionDigits = DEFAULT_DECIMALS): number {
  if (!Number.isFinite(value)) return 0;
  const text = formatNumber(value, 'en', maximumFractionDigits);
  const fraction = /\.(\d+)/.exec(text);
  return fraction?.[1]?.length ?? 0;
}

/** A year or an id (`2016`, offset `1952`): digits only, never grouped, never rounded to decimals. */
export function formatPlain(value: number | bigint | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'bigint') return value.toString();
  if (!Number.isFinite(value)) return Number.isNaN(value) ? MISSING : formatNumber(value);
  return Number.isInteger(value) ? String(value) : String(Math.trunc(value));
}

/** `6,79%` (English `6.79%`): a value already in percent, not a fraction. */
export function formatPercent(value: number, locale: Locale = 'vi', decimals = DEFAULT_DECIMALS): string {
  return Number.isNaN(value) ? MISSING : `${formatNumber(value, locale, decimals)}%`;
}

/** A gap in percentage points: `1,5 điểm %` (English `1.5 pp`). */
export function formatPercentagePoints(
  value: number,
  locale: Locale = 'vi',
  decimals = DEFAULT_DECIMALS,
): string {
  if (Number.isNaN(value)) return MISSING;
  return `${formatNumber(value, locale, decimals)} ${locale === 'vi' ? 'điểm %' : 'pp'}`;
}

/** A number by what it is: years and ids plain, percentages and points labelled, quantities grouped. */
export function formatByKind(
  value: number,
  kind: NumberKind,
  locale: Locale = 'vi',
  decimals = DEFAULT_DECIMALS,
): string {
  switch (kind) {
    case 'year':
    case 'id':
      return formatPlain(value);
    case 'percent':
      return formatPercent(value, locale, decimals);
    case 'percentage_point':
      return formatPercentagePoints(value, locale, decimals);
    case 'quantity':
      return formatNumber(value, locale, decimals);
  }
}

const COMPARATOR_SIGNS: Readonly<Record<string, string>> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  // Not `~`: at a chart label's size it reads as a minus (`~130` as `-130`).
  '~': '≈',
};

/** The sign written before a figure for a contract comparator: `>=` → `≥`, `~` → `≈`, `=` → nothing. */
export function comparatorPrefix(comparator: string | null | undefined): string {
  return comparator ? (COMPARATOR_SIGNS[comparator] ?? '') : '';
}

/** A figure as the contract stores it: low, high, comparator and unit. */
export interface Figure {
  low: number | null;
  high?: number | null;
  comparator?: string | null;
  /** The unit as written in the warehouse; `%` and `điểm %` are written after the number without a space. */
  unit?: string | null;
}

/**
 * A figure as a reader writes it: `≥7–7,5%`, `≈1.500 tỷ đồng`, `1,5 điểm %`; empty when there is no
 * value. The unit label is passed as shown (the caller translates it); `%` is glued to the number.
 */
export function formatFigure(
  figure: Figure,
  locale: Locale = 'vi',
  decimals = DEFAULT_DECIMALS,
  unitLabel: string | null = figure.unit ?? null,
): string {
  if (figure.low === null || Number.isNaN(figure.low)) return '';
  const high = figure.high ?? null;
  const low = formatNumber(figure.low, locale, decimals);
  const range = high !== null && high !== figure.low ? `${low}–${formatNumber(high, locale, decimals)}` : low;
  const unit = figure.unit === 'điểm %' ? (locale === 'vi' ? 'điểm %' : 'pp') : unitLabel;
  const withUnit = !unit ? range : figure.unit === '%' ? `${range}%` : `${range} ${unit}`;
  return `${comparatorPrefix(figure.comparator)}${withUnit}`;
}

/** `có` / `không` (English `yes` / `no`); empty for a missing value. */
export function formatBoolean(value: boolean | null | undefined, locale: Locale = 'vi'): string {
  if (value === null || value === undefined) return '';
  if (locale === 'vi') return value ? 'có' : 'không';
  return value ? 'yes' : 'no';
}
