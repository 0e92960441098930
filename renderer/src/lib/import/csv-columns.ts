import { makeData, makeVector, Table, tableToIPC, Utf8, type Vector } from 'apache-arrow';
import Papa from 'papaparse';

/** A CSV file as text columns: the header's names (made unique) and each column's fields. */
export interface CsvColumns {
  names: string[];
  columns: (string | null)[][];
}

/**
 * Parses CSV text as a spreadsheet exports it: the first row names the columns, empty fields are
 * null, short rows are padded and cells past the header dropped, an unclosed quote runs to the end.
 */
export function parseCsvColumns(text: string, delimiter: string): CsvColumns {
  const rows = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' }).data;
  const header = rows[0] ?? [];
  const seen = new Map<string, number>();
  const names = header.map((raw, index) => {
    const base = raw.trim() === '' ? `cot_${index + 1}` : raw.trim();
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}_${count}`;
  });
  const columns = names.map((_, column) =>
    rows.slice(1).map((row) => {
      const field = row[column];
      return field === undefined || field === '' ? null : field;
    }),
  );
  return { names, columns };
}

/**
 * Encodes text columns as an Arrow IPC stream from raw buffers: Arrow's builders compile code with
 * `new Function`, which the app's CSP forbids (STACK-NOTES), and DuckDB's own CSV reader is locked
 * away with every other file access once the warehouse is loaded.
 */
export function textColumnsToIpc({ names, columns }: CsvColumns): Uint8Array {
  const vectors: Record<string, Vector<Utf8>> = {};
  names.forEach((name, index) => (vectors[name] = utf8Vector(columns[index] ?? [])));
  return tableToIPC(new Table(vectors), 'stream');
}

/** A text column as an Arrow vector built from raw buffers (no code generation, so it runs under the CSP). */
export function utf8Vector(values: readonly (string | null)[]): Vector<Utf8> {
  const encoder = new TextEncoder();
  const encoded = values.map((value) => (value === null ? null : encoder.encode(value)));
  const valueOffsets = new Int32Array(values.length + 1);
  const nullBitmap = new Uint8Array((values.length + 7) >> 3);
  let length = 0;
  let nullCount = 0;
  encoded.forEach((bytes, index) => {
    if (bytes === null) nullCount++;
    else nullBitmap[index >> 3]! |= 1 << (index & 7);
    length += bytes?.length ?? 0;
    valueOffsets[index + 1] = length;
  });
  const data = new Uint8Array(length);
  encoded.forEach((bytes, index) => bytes && data.set(bytes, valueOffsets[index]));
  return makeVector(
    makeData({ type: new Utf8(), length: values.length, nullCount, nullBitmap, valueOffsets, data }),
  );
}
