import type { Table } from 'apache-arrow';
import type { WorkbenchDatabase } from '../db/database.ts';
import { appObject, qualified } from '../db/sql.ts';
import { termLabel } from '../extraction/periods.ts';
import { parseVietnameseNumber } from '../extraction/vietnamese-number.ts';
import { foldDiacritics } from '../format/fold-diacritics.ts';
import type { WarehouseRow } from '../warehouse/columns.ts';
import { USER_SCHEMA } from '../warehouse/workspace.ts';
import { asResult, ImportError, type ImportResult } from './import-problem.ts';

/** Which columns of a user table hold the indicator, the year, the value and, optionally, unit and measure. */
export interface UserTableMapping {
  table: string;
  indicator: string;
  year: string;
  value: string;
  unit?: string;
  measure?: string;
}

/** A user table's figures as a "user" source document of the warehouse, with provenance into a text of its rows. */
export interface UserSource {
  document: WarehouseRow;
  /** One line per table row (`chỉ tiêu | năm | giá trị đơn vị`): what provenance offsets point into. */
  text: string;
  observations: WarehouseRow[];
}

const MEASURES: Record<string, 'actual' | 'target' | 'change'> = {
  actual: 'actual',
  'ket qua': 'actual',
  'thuc hien': 'actual',
  target: 'target',
  'chi tieu': 'target',
  'ke hoach': 'target',
  change: 'change',
  'thay doi': 'change',
};

// A figure as its row's text shows it. One formatter for every row: `toLocaleString` with options
// builds a new one per call, 28 µs a row, most of the time a 1M-row table took to map (issue 14).
const SHOWN_NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 });

/**
 * Turns a mapped user table into observations of a source document `user:<table>`: the indicator
 * matched to the catalogue by id or by name (ignoring diacritics), else an `x_` id of its own.
 */
export function userTableObservations(
  db: WorkbenchDatabase,
  mapping: UserTableMapping,
  title: string,
): Promise<ImportResult<UserSource>> {
  return asResult(async () => {
    const table = qualified(USER_SCHEMA, mapping.table);
    const columns = await db.queryRows(`DESCRIBE ${table}`, [], (row) => String(row.column_name));
    if (!columns.ok) throw new ImportError('userTable.missingColumn', { table: mapping.table, column: '*' });
    for (const column of [mapping.indicator, mapping.year, mapping.value, mapping.unit, mapping.measure]) {
      if (column !== undefined && !columns.value.includes(column)) {
        throw new ImportError('userTable.missingColumn', { table: mapping.table, column });
      }
    }
    const pick = (column: string | undefined) =>
      column === undefined ? 'NULL' : `${qualified(column)}::VARCHAR`;
    const read = await db.query(
      // The value as stored: a number column stays a number, so `1.234` is never misread.
      `SELECT ${pick(mapping.indicator)} AS indicator, ${pick(mapping.year)} AS year, ${qualified(mapping.value)} AS value,
              ${pick(mapping.unit)} AS unit, ${pick(mapping.measure)} AS measure FROM ${table}`,
    );
    const known = await db.queryRows(
      `SELECT indicator_id, name_vi, unit FROM ${appObject('indicators')}`,
      [],
      (row) => ({
        id: String(row.indicator_id),
        name: String(row.name_vi),
        unit: row.unit === null ? '' : String(row.unit),
      }),
    );
    if (!read.ok || !known.ok)
      throw new ImportError('userTable.loadFailed', {
        table: mapping.table,
        detail: read.ok ? '' : read.error.message,
      });
    const byId = new Map(known.value.map((entry) => [entry.id, entry]));
    const byName = new Map(known.value.map((entry) => [foldDiacritics(entry.name), entry]));
    // A table names few indicators and measures many times: each distinct one is worked out once.
    const fold = memoised(foldDiacritics);
    const ownIndicatorId = memoised(
      (label) =>
        `x_${fold(label)
          .replace(/[^a-z0-9]+/gu, '_')
          .replace(/^_|_$/gu, '')}`,
    );
    const docId = `user:${mapping.table}`;
    let text = '';
    const observations: WarehouseRow[] = [];
    tableRows(read.value).forEach((row, i) => {
      const rowNumber = i + 2; // the header is row 1, as a spreadsheet shows it
      const label = (row.indicator ?? '').trim();
      const yearText = (row.year ?? '').trim();
      const valueText = row.value === null || row.value === undefined ? '' : String(row.value).trim();
      if (label === '' && yearText === '' && valueText === '') return;
      const year = Number(yearText);
      if (!Number.isInteger(year) || year < 1900 || year > 2100) {
        throw new ImportError('userTable.badValue', {
          table: mapping.table,
          row: rowNumber,
          value: yearText,
          expected: 'một năm (1900–2100)',
        });
      }
      const value = typeof row.value === 'number' ? row.value : numberOf(valueText);
      if (value === null) {
        throw new ImportError('userTable.badValue', {
          table: mapping.table,
          row: rowNumber,
          value: valueText,
          expected: 'một số',
        });
      }
      if (label === '')
        throw new ImportError('userTable.badValue', {
          table: mapping.table,
          row: rowNumber,
          value: '',
          expected: 'tên chỉ tiêu',
        });
      const entry = byId.get(label) ?? byName.get(fold(label));
      const unit = (row.unit ?? '').trim() || entry?.unit || '';
      const measure = MEASURES[fold((row.measure ?? '').trim())] ?? 'actual';
      const prefix = `${label} | ${year} | `;
      const shown = SHOWN_NUMBER.format(value);
      const lineText = `${prefix}${shown}${unit ? ` ${unit}` : ''}`;
      const lineStart = text.length;
      text += `${lineText}\n`;
      observations.push({
        obs_id: `${docId}:${rowNumber}`,
        doc_id: docId,
        char_start: lineStart + prefix.length,
        char_end: lineStart + prefix.length + shown.length,
        quote: lineText,
        indicator_id: entry?.id ?? ownIndicatorId(label),
        label_vi: label,
        value_low: value,
        value_high: value,
        unit,
        comparator: '=',
        measure,
        is_estimate: false,
        period_start: year,
        period_end: year,
        term: termLabel(year, year),
        basis: 'level',
        base_year: null,
        denominator: null,
        in_footnote: false,
        sentence_start: lineStart,
        sentence_end: lineStart + lineText.length,
        catalogued: entry !== undefined,
      });
    });
    const document: WarehouseRow = {
      doc_id: docId,
      title,
      doc_type: 'bang_nguoi_dung',
      issuer: 'người dùng',
      issued_on: null,
      char_count: text.length,
      sha256: null,
      source_path: null,
    };
    return { document, text, observations };
  });
}

function memoised(compute: (text: string) => string): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    let result = known.get(text);
    if (result === undefined) known.set(text, (result = compute(text)));
    return result;
  };
}

type MappedRow = Record<'indicator' | 'year' | 'unit' | 'measure', string | null> & { value: unknown };

// The rows read column by column: a million rows read through Arrow's row proxies took seconds.
function tableRows(table: Table): MappedRow[] {
  const column = (name: string): unknown[] => [...(table.getChild(name) ?? [])];
  const [indicator, year, value, unit, measure] = ['indicator', 'year', 'value', 'unit', 'measure'].map(
    column,
  );
  return Array.from({ length: table.numRows }, (_, i) => ({
    indicator: indicator![i] as string | null,
    year: year![i] as string | null,
    value: value![i],
    unit: unit![i] as string | null,
    measure: measure![i] as string | null,
  }));
}

// A text column holds numbers as the user typed them, the Vietnamese way (`12.450,5`).
function numberOf(text: string): number | null {
  const negative = /^[-−]/u.test(text);
  const parsed = parseVietnameseNumber(negative ? text.slice(1) : text);
  return parsed === null ? null : negative ? -parsed : parsed;
}
