import { parquetWriteBuffer } from 'hyparquet-writer';
import type { ColumnSpec, ColumnType, WarehouseRow } from './columns.ts';

const PARQUET_TYPES = {
  string: 'STRING',
  int: 'INT32',
  double: 'DOUBLE',
  bool: 'BOOLEAN',
} as const satisfies Record<ColumnType, string>;

/** Encodes rows as a Parquet file with a pure-JS writer (DuckDB-WASM cannot write Parquet offline). */
export function encodeParquet(columns: readonly ColumnSpec[], rows: readonly WarehouseRow[]): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: columns.map((column) => ({
      name: column.name,
      type: PARQUET_TYPES[column.type],
      data: rows.map((row) => row[column.name] ?? null),
    })),
    createdBy: 'chi-tieu-workbench',
  });
  return new Uint8Array(buffer);
}
