import { csvToIpc } from './csv-columns.ts';
import type { WorkbenchDatabase } from '../db/database.ts';
import type { DbError } from '../db/db-error.ts';
import { literal, qualified } from '../db/sql.ts';
import { USER_SCHEMA } from '../warehouse/workspace.ts';
import { csvAsUtf8 } from './decode-csv.ts';
import { asResult, extensionOf, ImportError, megabytes, type ImportResult } from './import-problem.ts';
import { columnNames, tableNameFor } from './table-name.ts';

// ExcelJS (about 1 MB) loads with the first workbook, not with the app.
async function xlsxAsCsv(fileName: string, bytes: Uint8Array): Promise<string> {
  const { xlsxToCsv } = await import('./xlsx-to-csv.ts');
  return (await xlsxToCsv(fileName, bytes)).csv;
}

/** Larger files are refused before reading (1M rows of a few columns is about 30 MB). */
export const MAX_TABLE_BYTES = 256 * 1024 * 1024;

/** A user table as created in the `workspace` schema. */
export interface UserTable {
  schema: typeof USER_SCHEMA;
  name: string;
  columns: { name: string; type: 'DOUBLE' | 'BIGINT' | 'VARCHAR' }[];
  rows: number;
  /** The file was not UTF-8 and was read as Windows-1258. */
  reencoded: boolean;
}

// vi-VN numbers (`1.234,5`) and the other convention (`1234.5`, `1,234.5`).
const VI_NUMBER = String.raw`^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$`;
const EN_NUMBER = String.raw`^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$`;
const INTEGER = String.raw`^-?\d+$`;

let fileCounter = 0;

/** A user table file read and parsed, ready to load: the work that needs no database (a worker does it). */
export interface PreparedTable {
  fileName: string;
  /** Every field as text: Arrow IPC streams of Utf8 columns, one per record batch, in file order. */
  batches: Uint8Array[];
  /** The file as UTF-8 CSV text (an XLSX sheet converted): what is kept to load it again after a restart. */
  csvText: string;
  delimiter: string;
  /** The file was not UTF-8 and was read as Windows-1258. */
  reencoded: boolean;
}

/**
 * Loads a CSV or XLSX file as a table of the user schema (`workspace.<sanitised file name>`), joinable
 * with the warehouse: `prepareUserTable` then `createUserTable`.
 */
export async function loadUserTable(
  db: WorkbenchDatabase,
  fileName: string,
  bytes: Uint8Array,
  taken: ReadonlySet<string> = new Set(),
): Promise<ImportResult<UserTable>> {
  const prepared = await prepareUserTable(fileName, bytes);
  return prepared.ok ? createUserTable(db, prepared.value, tableNameFor(fileName, taken)) : prepared;
}

/**
 * Reads a CSV or XLSX file into text columns. CSV is parsed here and later loaded through Arrow
 * (DuckDB's file readers are locked once the warehouse is loaded); an XLSX sheet becomes CSV first.
 */
export function prepareUserTable(fileName: string, bytes: Uint8Array): Promise<ImportResult<PreparedTable>> {
  return asResult(async () => {
    const extension = extensionOf(fileName);
    if (extension !== 'csv' && extension !== 'xlsx')
      throw new ImportError('userTable.unsupported', { name: fileName });
    if (bytes.length > MAX_TABLE_BYTES) {
      throw new ImportError('userTable.tooLarge', {
        name: fileName,
        size: megabytes(bytes.length),
        limit: megabytes(MAX_TABLE_BYTES),
      });
    }
    if (bytes.length === 0) throw new ImportError('userTable.empty', { name: fileName });
    const csv =
      extension === 'xlsx'
        ? { bytes: new TextEncoder().encode(await xlsxAsCsv(fileName, bytes)), reencoded: false }
        : csvAsUtf8(fileName, bytes);
    const headerLine = firstLine(csv.bytes);
    if (headerLine.trim() === '') throw new ImportError('userTable.noHeader', { name: fileName });
    const delimiter = sniffDelimiter(headerLine);
    const csvText = new TextDecoder().decode(csv.bytes);
    let batches: Uint8Array[];
    try {
      batches = csvToIpc(csvText, delimiter);
    } catch (cause) {
      if (isOutOfMemory(cause)) throw new ImportError('userTable.outOfMemory', { name: fileName });
      throw cause;
    }
    return { fileName, batches, csvText, delimiter, reencoded: csv.reencoded };
  });
}

/** Creates `workspace.<name>` from a prepared file: columns whose every value is a number become DOUBLE (or BIGINT), vi-VN decimals included. */
export function createUserTable(
  db: WorkbenchDatabase,
  prepared: PreparedTable,
  name: string,
): Promise<ImportResult<UserTable>> {
  return asResult(async () => ({
    ...(await createFromText(db, prepared, name)),
    reencoded: prepared.reencoded,
  }));
}

async function createFromText(
  db: WorkbenchDatabase,
  { fileName, batches, delimiter }: PreparedTable,
  name: string,
): Promise<Omit<UserTable, 'reencoded'>> {
  let tableColumns: UserTable['columns'];
  // Every field as text first, read once into a scratch table; the header names exactly as written.
  const scratchName = `__import_${++fileCounter}`;
  const scratch = qualified(USER_SCHEMA, scratchName);
  const target = qualified(USER_SCHEMA, name);
  try {
    await loadInBatches(db, scratchName, batches, fileName);
    const described = await db.queryRows(`DESCRIBE ${scratch}`, [], (row) => String(row.column_name));
    if (!described.ok) throw engineFailure(fileName, described.error);
    const raw = described.value;
    const names = columnNames(raw);
    const columns = await inferTypes(db, scratch, raw, delimiter !== ',', fileName);
    const selects = raw.map(
      (column, i) => `${conversion(qualified(column), columns[i]!)} AS ${qualified(names[i]!)}`,
    );
    const created = await db.query(
      `CREATE OR REPLACE TABLE ${target} AS SELECT ${selects.join(', ')} FROM ${scratch}`,
    );
    if (!created.ok) throw engineFailure(fileName, created.error);
    tableColumns = names.map((column, i) => ({ name: column, type: columns[i]!.type }));
  } finally {
    await db.query(`DROP TABLE IF EXISTS ${scratch}`);
  }
  const counted = await db.queryRows(`SELECT count(*) AS n FROM ${target}`, [], (row) => Number(row.n));
  if (!counted.ok) {
    await db.query(`DROP TABLE IF EXISTS ${target}`);
    throw engineFailure(fileName, counted.error);
  }
  const rows = counted.value[0] ?? 0;
  if (rows === 0) {
    await db.query(`DROP TABLE IF EXISTS ${target}`);
    throw new ImportError('userTable.empty', { name: fileName });
  }
  return {
    schema: USER_SCHEMA,
    name,
    rows,
    columns: tableColumns,
  };
}

/**
 * Loads the file's record batches into `workspace.<scratch>` one at a time: each insert is a short
 * step of the engine, which answers the liveness ping between them (one insert of a 5M-row file
 * could outlast the ping's 60 s and be taken for a dead engine), and never holds a second copy of
 * the whole file in the engine's memory.
 */
async function loadInBatches(
  db: WorkbenchDatabase,
  scratchName: string,
  streams: readonly Uint8Array[],
  fileName: string,
): Promise<void> {
  const part = `${scratchName}_part`;
  for (const [index, stream] of streams.entries()) {
    const loaded = await db.loadArrowTable(index === 0 ? scratchName : part, stream, USER_SCHEMA);
    if (!loaded.ok) throw engineFailure(fileName, loaded.error);
    if (index === 0) continue;
    const appended = await db.query(
      `INSERT INTO ${qualified(USER_SCHEMA, scratchName)} SELECT * FROM ${qualified(USER_SCHEMA, part)}; DROP TABLE ${qualified(USER_SCHEMA, part)}`,
    );
    if (!appended.ok) {
      await db.query(`DROP TABLE IF EXISTS ${qualified(USER_SCHEMA, part)}`);
      throw engineFailure(fileName, appended.error);
    }
  }
}

type ColumnReading = { type: 'DOUBLE' | 'BIGINT' | 'VARCHAR'; convention: 'vi' | 'en' };

async function inferTypes(
  db: WorkbenchDatabase,
  source: string,
  columns: readonly string[],
  preferVi: boolean,
  fileName: string,
): Promise<ColumnReading[]> {
  if (columns.length === 0) return [];
  // One pass: per column, how many values are not vi-VN numbers, not others, not integers.
  const checks = columns.flatMap((column, i) => {
    const value = `nullif(trim(${qualified(column)}), '')`;
    return [
      `count(*) FILTER (WHERE ${value} IS NOT NULL AND NOT regexp_full_match(${value}, ${literal(VI_NUMBER)})) AS vi_${i}`,
      `count(*) FILTER (WHERE ${value} IS NOT NULL AND NOT regexp_full_match(${value}, ${literal(EN_NUMBER)})) AS en_${i}`,
      `count(*) FILTER (WHERE ${value} IS NOT NULL AND NOT regexp_full_match(${value}, ${literal(INTEGER)})) AS int_${i}`,
      `count(${value}) AS filled_${i}`,
    ];
  });
  const counted = await db.queryRows(`SELECT ${checks.join(', ')} FROM ${source}`, [], (row) => row);
  if (!counted.ok) throw engineFailure(fileName, counted.error);
  const stats = counted.value[0] ?? {};
  return columns.map((_, i): ColumnReading => {
    const viMisses = Number(stats[`vi_${i}`]);
    const enMisses = Number(stats[`en_${i}`]);
    if (Number(stats[`filled_${i}`]) === 0) return { type: 'VARCHAR', convention: 'vi' };
    const first: 'vi' | 'en' = preferVi ? 'vi' : 'en';
    const misses = { vi: viMisses, en: enMisses };
    // Whole numbers with no thousands separators stay integers (years, counts).
    if (misses[first] === 0)
      return { type: Number(stats[`int_${i}`]) === 0 ? 'BIGINT' : 'DOUBLE', convention: first };
    const other = first === 'vi' ? 'en' : 'vi';
    if (misses[other] === 0) return { type: 'DOUBLE', convention: other };
    return { type: 'VARCHAR', convention: first };
  });
}

function conversion(column: string, reading: ColumnReading): string {
  const value = `nullif(trim(${column}), '')`;
  if (reading.type === 'VARCHAR') return column;
  if (reading.type === 'BIGINT') return `CAST(${value} AS BIGINT)`;
  return reading.convention === 'vi'
    ? `CAST(replace(replace(${value}, '.', ''), ',', '.') AS DOUBLE)`
    : `CAST(replace(${value}, ',', '') AS DOUBLE)`;
}

function firstLine(bytes: Uint8Array): string {
  const end = bytes.indexOf(0x0a);
  return new TextDecoder().decode(bytes.subarray(0, end < 0 ? Math.min(bytes.length, 65536) : end));
}

/** The separator the header row uses most: `;` in Vietnamese Excel exports, `,` elsewhere. */
export function sniffDelimiter(header: string): string {
  const outsideQuotes = header.replace(/"[^"]*"/gu, '');
  const counts = [';', ',', '\t', '|'].map(
    (delimiter) => [delimiter, outsideQuotes.split(delimiter).length - 1] as const,
  );
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

/** The engine's refusal as the user reads it: out of memory says so in plain words (never a short table). */
function engineFailure(fileName: string, error: DbError): ImportError {
  if (error.advice === 'memory') return new ImportError('userTable.outOfMemory', { name: fileName });
  return new ImportError('userTable.csvInvalid', { name: fileName, detail: firstLineOf(error.message) });
}

// The parse holds every field of the file at once: a heap that cannot grow is the same refusal.
function isOutOfMemory(cause: unknown): boolean {
  return (
    cause instanceof RangeError && /allocation failed|invalid (string|array) length/iu.test(cause.message)
  );
}

function firstLineOf(message: string): string {
  return message.split('\n')[0] ?? message;
}
