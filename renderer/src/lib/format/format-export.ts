/**
 * Numbers leaving the app: clipboard TSV (vi-VN or raw decimals) and Excel number formats whose
 * decimals match what the screen shows, so a pasted or exported figure reads as on screen and stays
 * a number.
 */
import { DEFAULT_DECIMALS, formatBoolean, shownDecimals, type NumberKind } from './format-number.ts';

/** How numbers are written into TSV: `vi` `5,45` (what Excel in Vietnamese reads), `raw` `5.45`. */
export type TsvDecimals = 'vi' | 'raw';

/**
 * A number as one TSV field: every significant digit kept (15, what Excel holds), never grouped (a
 * group dot would read as a decimal in one locale or the other), decimal comma in `vi`; empty for
 * null and NaN.
 */
export function tsvNumber(value: number | bigint | null | undefined, decimals: TsvDecimals): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'bigint') return value.toString();
  if (Number.isNaN(value)) return '';
  const text = Number.isFinite(value) ? plainDigits(value) : value > 0 ? 'Infinity' : '-Infinity';
  return decimals === 'vi' ? text.replace('.', ',') : text;
}

// DuckDB hands a DECIMAL 54449.1 over as the double 54449.100000000006: 15 significant digits (what a
// double holds exactly and what Excel keeps) give back the figure as written, with nothing spurious.
const SIGNIFICANT_DIGITS = 15;

/** `có`/`không` for a Vietnamese Excel (as the xlsx writes them), `TRUE`/`FALSE` (read as booleans) raw. */
export function tsvBoolean(value: boolean | null | undefined, decimals: TsvDecimals): string {
  if (value === null || value === undefined) return '';
  if (decimals === 'vi') return formatBoolean(value, 'vi');
  return value ? 'TRUE' : 'FALSE';
}

// String(1e-7) is "1e-7", which no spreadsheet reads as a number in every locale: write the digits out.
function plainDigits(exact: number): string {
  const value = Number(exact.toPrecision(SIGNIFICANT_DIGITS));
  const text = String(value);
  if (!/e/i.test(text)) return text;
  const digits = Math.min(100, Math.max(0, -Math.floor(Math.log10(Math.abs(value))) + 14));
  return Math.abs(value) >= 1
    ? BigInt(Math.round(value)).toString()
    : value.toFixed(digits).replace(/\.?0+$/, '');
}

/** Options of `excelNumberFormat`. */
export interface ExcelFormatOptions {
  kind?: NumberKind;
  locale?: 'vi' | 'en';
  maximumFractionDigits?: number;
  /**
   * Prefix the locale's code (`[$-42A]` vi-VN, `[$-409]` en-US) so the file groups and places the
   * decimal sign as the app does whatever the reader's settings: LibreOffice in English then shows
   * 54.449,1 and not 54,449.1 beside tables reading 54.449,1. Default true.
   */
  pinLocale?: boolean;
}

const LOCALE_TAGS = { vi: '[$-42A]', en: '[$-409]' } as const;

/**
 * The Excel `numFmt` (exceljs) or chart format code (pptxgenjs) for a value so that it shows the
 * decimals the screen shows: `#,##0.0` for 54.449,1, `0` for a year or an id, `#,##0.00"%"` for a
 * value already in percent, `#,##0.0" điểm %"` / `" pp"` for percentage points. The cell keeps its number.
 */
export function excelNumberFormat(value: number | null, options: ExcelFormatOptions = {}): string {
  const {
    kind = 'quantity',
    locale = 'vi',
    maximumFractionDigits = DEFAULT_DECIMALS,
    pinLocale = true,
  } = options;
  const tag = pinLocale ? LOCALE_TAGS[locale] : '';
  if (kind === 'year' || kind === 'id') return `${tag}0`;
  const decimals = value === null ? 0 : shownDecimals(value, maximumFractionDigits);
  const number = `${tag}${decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0'}`;
  if (kind === 'percent') return `${number}"%"`;
  if (kind === 'percentage_point') return `${number}"${locale === 'vi' ? ' điểm %' : ' pp'}"`;
  return number;
}

/** The format for a whole column: as many decimals as its most precise value shows. */
export function excelColumnFormat(
  values: readonly (number | null)[],
  options: ExcelFormatOptions = {},
): string {
  const max = options.maximumFractionDigits ?? DEFAULT_DECIMALS;
  const widest = values.reduce<number | null>(
    (best, value) =>
      value === null || !Number.isFinite(value)
        ? best
        : best === null || shownDecimals(value, max) > shownDecimals(best, max)
          ? value
          : best,
    null,
  );
  return excelNumberFormat(widest, options);
}
