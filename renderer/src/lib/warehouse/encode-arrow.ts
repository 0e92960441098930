import { Bool, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType } from 'apache-arrow';
import type { ColumnSpec, ColumnType, WarehouseRow } from './columns.ts';

const ARROW_TYPES: Record<ColumnType, () => DataType> = {
  string: () => new Utf8(),
  int: () => new Int32(),
  double: () => new Float64(),
  bool: () => new Bool(),
};

/**
 * Encodes rows as an Arrow IPC stream. Arrow's builders compile code with `new Function`,
 * so this runs where no CSP applies (the CLI); the app only reads the result.
 */
export function encodeArrowIpc(columns: readonly ColumnSpec[], rows: readonly WarehouseRow[]): Uint8Array {
  const vectors = Object.fromEntries(
    columns.map((column) => [
      column.name,
      vectorFromArray(
        rows.map((row) => row[column.name] ?? null),
        ARROW_TYPES[column.type](),
      ),
    ]),
  );
  return tableToIPC(new Table(vectors), 'stream');
}
