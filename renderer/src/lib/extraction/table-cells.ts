import type { Comparator } from './observation.ts';
import { readUnit } from './units.ts';
import { NUMBER_PATTERN, parseVietnameseNumber } from './vietnamese-number.ts';

/** The figure a table cell holds: its value and where its number stands in the cell's text. */
export interface CellFigure {
  low: number;
  high: number;
  comparator: Comparator;
  /** `%` or a unit written in the cell itself (`12 xã`); '' when the cell is a bare number. */
  unit: string;
  /** `[start, end)` of the number (or range) in the cell's clean text. */
  start: number;
  end: number;
}

const COMPARATORS: readonly [RegExp, Comparator][] = [
  [/^(?:≥|>=|từ|tối thiểu|ít nhất|không dưới)$/iu, '>='],
  [/^(?:≤|<=|tối đa|không quá)$/iu, '<='],
  [/^(?:>|trên|hơn|vượt)$/iu, '>'],
  [/^(?:<|dưới)$/iu, '<'],
  [/^(?:~|≈|khoảng|gần|xấp xỉ)$/iu, '~'],
];
const COMPARATOR_WORDS = String.raw`≥|>=|≤|<=|>|<|~|≈|từ|tối thiểu|ít nhất|không dưới|tối đa|không quá|trên|hơn|vượt|dưới|khoảng|gần|xấp xỉ`;
const CELL = new RegExp(
  String.raw`^\s*(?:(${COMPARATOR_WORDS})\s*)?([-−]?)(${NUMBER_PATTERN})(\s*%)?` +
    String.raw`(?:\s*(?:[-–—]|đến)\s*(${NUMBER_PATTERN})(\s*%)?)?\s*(.*?)\s*$`,
  'iu',
);

/**
 * Reads a cell as one figure (`26.120`, `10 - 13%`, `≥ 95`, `-2,5`), or null when it holds
 * none: empty, `-`, `x`, `…`, or words.
 */
export function readCellFigure(text: string): CellFigure | null {
  const match = CELL.exec(text);
  if (!match) return null;
  const [, comparatorWord, minus = '', first = '', percentOne, second, percentTwo, rest = ''] = match;
  const low = parseVietnameseNumber(first);
  const high = second === undefined ? low : parseVietnameseNumber(second);
  if (low === null || high === null || high < low) return null;
  let unit = percentOne || percentTwo ? '%' : '';
  if (rest) {
    // Only a unit may follow the number; any other words make the cell text, not a figure.
    const written = readUnit(` ${rest}`);
    if (!written || written.length < rest.length || unit) return null;
    unit = written.unit;
  }
  const start = match.index + match[0].indexOf(minus + first, comparatorWord?.length ?? 0);
  const numbersEnd =
    second === undefined ? start + minus.length + first.length : text.lastIndexOf(second) + second.length;
  const sign = minus ? -1 : 1;
  const comparator = COMPARATORS.find(([pattern]) => pattern.test(comparatorWord ?? ''))?.[1] ?? '=';
  return {
    low: sign < 0 ? -high : low,
    high: sign < 0 ? -low : high,
    comparator,
    unit,
    start,
    end: numbersEnd,
  };
}

/** A column-number row (`1 | 2 | 3 …`, `(1) | (2) …`, `A | B | 1 | 2 …`) numbers columns; it holds no figures. */
export function isColumnNumberRow(cells: readonly string[]): boolean {
  const numbers = cells
    .filter((cell) => cell !== '')
    .map((cell) => /^\(?(\d{1,2})\)?$/.exec(cell)?.[1] ?? (/^\(?[A-E]\)?$/.test(cell) ? 'letter' : null));
  const digits = numbers.filter((value) => value !== 'letter').map(Number);
  if (numbers.length < 3 || numbers.some((value) => value === null) || digits.length < 2) return false;
  return digits.every((value, index) => index === 0 || value === (digits[index - 1] ?? 0) + 1);
}

/** A numbering cell: `I`, `1`, `1.2`, `a`, `a)`, `-`, `+`, `*`. */
export function isNumberingCell(text: string): boolean {
  return /^(?:[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,2})*|[a-zđ])[.)]?$|^[-+•*–]$/u.test(text);
}

/** How deep a numbering cell sits: roman 1, arabic 2, `1.2` or a letter 3, a dash 4; null when not numbering. */
export function numberingLevel(text: string): number | null {
  if (/^[IVXLC]{1,6}\.?$/.test(text)) return 1;
  if (/^\d{1,3}[.)]?$/.test(text)) return 2;
  if (/^\d{1,3}(?:\.\d{1,2})+\.?$|^[a-zđ][.)]?$/u.test(text)) return 3;
  if (/^[-+•*–]$/u.test(text)) return 4;
  return null;
}
