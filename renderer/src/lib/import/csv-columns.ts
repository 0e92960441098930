import { Table, tableToIPC, type Vector } from 'apache-arrow';
import Papa from 'papaparse';
import { stringVector } from '../warehouse/encode-arrow.ts';

/** A CSV file as text columns: the header's names (made unique) and each column's fields. */
export interface CsvColumns {
  names: string[];
  columns: (string | null)[][];
}

/** Rows parsed before they are encoded as one Arrow record batch: all the parse holds at once besides the text. */
export const CSV_BATCH_ROWS = 50_000;

/**
 * Parses CSV text as a spreadsheet exports it (the first row names the columns, empty fields are
 * null, short rows are padded and cells past the header dropped, an unclosed quote runs to the end)
 * straight into Arrow IPC streams of Utf8 columns, one stream per `batchRows` rows, so each loads
 * into the engine as one short step. The rows of one batch are all it holds besides the text and
 * the encoded bytes: the whole file as JS rows and columns took 835 MB more for a 38 MB CSV
 * (issue 14), five times that for 5M rows. A file of no data rows is one stream of the header alone.
 */
export function csvToIpc(text: string, delimiter: string, batchRows = CSV_BATCH_ROWS): Uint8Array[] {
  let names: string[] | null = null;
  let pending: string[][] = [];
  const streams: Uint8Array[] = [];
  const flush = (header: string[]) => {
    streams.push(textColumnsToIpc({ names: header, columns: toColumns(header.length, pending) }));
    pending = [];
  };
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: 'greedy',
    step: ({ data }) => {
      if (names === null) names = uniqueNames(data);
      else if (pending.push(data) >= batchRows) flush(names);
    },
  });
  // TypeScript cannot see the callback's assignment, so it still narrows `names` to null here.
  const header = names as string[] | null;
  if (header === null) return [textColumnsToIpc({ names: [], columns: [] })];
  if (pending.length > 0 || streams.length === 0) flush(header);
  return streams;
}

// The header's names, blanks named by position and repeats numbered.
function uniqueNames(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, index) => {
    const base = raw.trim() === '' ? `cot_${index + 1}` : raw.trim();
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}_${count}`;
  });
}

function toColumns(width: number, rows: readonly string[][]): (string | null)[][] {
  return Array.from({ length: width }, (_, column) =>
    rows.map((row) => {
      const field = row[column];
      return field === undefined || field === '' ? null : field;
    }),
  );
}

// Text columns as an Arrow IPC stream from raw buffers: Arrow's builders compile code with
// `new Function`, which the app's CSP forbids (STACK-NOTES), and DuckDB's own CSV reader is locked
// away with every other file access once the warehouse is loaded.
function textColumnsToIpc(columns: CsvColumns): Uint8Array {
  return tableToIPC(textColumnsTable(columns), 'stream');
}

function textColumnsTable({ names, columns }: CsvColumns): Table {
  const vectors: Record<string, Vector> = {};
  names.forEach((name, index) => (vectors[name] = stringVector(columns[index] ?? [])));
  return new Table(vectors);
}
