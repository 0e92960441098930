import { DataType, type Table, type Vector } from 'apache-arrow';
import { numberKindOfColumn } from '../../lib/format/column-kind.ts';
import { tsvBoolean, tsvNumber, type TsvDecimals } from '../../lib/format/format-export.ts';
import { formatByKind, type NumberKind } from '../../lib/format/format-number.ts';
import type { Locale } from '../../lib/format/locale.ts';

export interface ResultColumn {
  name: string;
  numeric: boolean;
  /** How the column's numbers are written: years and offsets/ids plain, the rest as quantities. */
  kind: NumberKind;
  vector: Vector;
  /** Column holding the unit of this column's values, if the result has one. */
  unitColumn: number | null;
}

const UNIT_COLUMNS = ['unit', 'don_vi'];
const VALUE_COLUMN = /^(value|target|actual|gia_tri|chi_tieu|ket_qua)/;

/** The columns of an Arrow result, with which are numbers and which carry a unit. */
export function resultColumns(table: Table): ResultColumn[] {
  const names = table.schema.fields.map((field) => field.name);
  const unitIndex = names.findIndex((name) => UNIT_COLUMNS.includes(name));
  return table.schema.fields.map((field, index) => {
    const numeric =
      DataType.isInt(field.type) || DataType.isFloat(field.type) || DataType.isDecimal(field.type);
    return {
      name: field.name,
      numeric,
      kind: numberKindOfColumn(field.name),
      vector: table.getChildAt(index) as Vector,
      unitColumn: numeric && unitIndex >= 0 && VALUE_COLUMN.test(field.name) ? unitIndex : null,
    };
  });
}

/** A cell as the user reads it: Vietnamese numbers, the unit where known, `null` shown as such. */
export function displayCell(
  columns: readonly ResultColumn[],
  column: ResultColumn,
  row: number,
  locale: Locale,
): string | null {
  const value: unknown = column.vector.get(row);
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint' && column.kind !== 'quantity') return value.toString();
  if (typeof value === 'number' || typeof value === 'bigint') {
    const text = formatByKind(Number(value), column.kind, locale, 4);
    if (column.kind !== 'quantity') return text;
    const unit = column.unitColumn === null ? null : columns[column.unitColumn]?.vector.get(row);
    return unit && unit !== '%' ? `${text} ${String(unit)}` : unit === '%' ? `${text}%` : text;
  }
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object')
    return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? Number(item) : item));
  return String(value);
}

/**
 * A cell as data: numbers never grouped, every significant digit kept, with a decimal comma (`vi`,
 * what Excel in Vietnamese reads as a number) or a decimal point (`raw`), so spreadsheets read them
 * as numbers; booleans `có`/`không` (`vi`) or `TRUE`/`FALSE` (`raw`).
 */
export function rawCell(column: ResultColumn, row: number, decimals: TsvDecimals = 'raw'): string {
  const value: unknown = column.vector.get(row);
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return tsvNumber(value, decimals);
  if (typeof value === 'boolean') return tsvBoolean(value, decimals);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object')
    return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? Number(item) : item));
  return String(value);
}

/**
 * Tab-separated text of a block of cells, clean to paste into Excel (tabs and newlines in text are
 * spaces), numbers with the decimal sign chosen.
 */
export function toTsv(
  columns: readonly ResultColumn[],
  rows: readonly number[],
  withHeader: boolean,
  decimals: TsvDecimals = 'raw',
): string {
  const clean = (text: string): string => text.replace(/[\t\r\n]+/g, ' ');
  const lines = rows.map((row) => columns.map((column) => clean(rawCell(column, row, decimals))).join('\t'));
  return (withHeader ? [columns.map((column) => clean(column.name)).join('\t'), ...lines] : lines).join('\n');
}

/** The decimal sign a TSV copy uses unless the user picks another: the UI language's. */
export function defaultTsvDecimals(locale: Locale): TsvDecimals {
  return locale === 'vi' ? 'vi' : 'raw';
}

/** Row order sorted by one column (nulls last), computed on the Arrow vector without building row objects. */
export function sortedOrder(column: ResultColumn, rowCount: number, direction: 'asc' | 'desc'): number[] {
  const order = Array.from({ length: rowCount }, (_, index) => index);
  const values = order.map((row) => column.vector.get(row) as unknown);
  const sign = direction === 'asc' ? 1 : -1;
  const collator = new Intl.Collator('vi');
  order.sort((a, b) => {
    const x = values[a];
    const y = values[b];
    if (x === null || x === undefined) return y === null || y === undefined ? a - b : 1;
    if (y === null || y === undefined) return -1;
    const compared =
      typeof x === 'number' || typeof x === 'bigint'
        ? Number(x) - Number(y)
        : collator.compare(String(x), String(y));
    return compared === 0 ? a - b : sign * compared;
  });
  return order;
}
