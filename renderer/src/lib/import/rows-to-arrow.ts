import { Bool, Float64, Int32, makeData, makeVector, Table, tableToIPC, type Vector } from 'apache-arrow';
import type { ColumnSpec, WarehouseRow } from '../warehouse/columns.ts';
import { utf8Vector } from './csv-columns.ts';

/**
 * Encodes warehouse rows as an Arrow IPC stream from raw buffers, in the app and its workers: the
 * CLI's `encodeArrowIpc` uses Arrow's builders, which compile code and are refused by the CSP.
 */
export function rowsToArrowIpc(columns: readonly ColumnSpec[], rows: readonly WarehouseRow[]): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const column of columns) {
    const values = rows.map((row) => row[column.name] ?? null);
    if (column.type === 'string') vectors[column.name] = utf8Vector(values.map(textOf));
    else if (column.type === 'bool') vectors[column.name] = boolVector(values);
    else vectors[column.name] = numberVector(values, column.type === 'int');
  }
  return tableToIPC(new Table(vectors), 'stream');
}

function textOf(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function validity(values: readonly unknown[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array((values.length + 7) >> 3);
  let nullCount = 0;
  values.forEach((value, index) => {
    if (value === null || value === undefined) nullCount++;
    else nullBitmap[index >> 3]! |= 1 << (index & 7);
  });
  return { nullBitmap, nullCount };
}

function numberVector(values: readonly unknown[], integer: boolean): Vector {
  const numbers = values.map((value) => (value === null || value === undefined ? 0 : Number(value)));
  const props = { length: values.length, ...validity(values) };
  return integer
    ? makeVector(makeData({ type: new Int32(), ...props, data: Int32Array.from(numbers) }))
    : makeVector(makeData({ type: new Float64(), ...props, data: Float64Array.from(numbers) }));
}

function boolVector(values: readonly unknown[]): Vector {
  const data = new Uint8Array((values.length + 7) >> 3);
  values.forEach((value, index) => {
    if (value === true) data[index >> 3]! |= 1 << (index & 7);
  });
  return makeVector(makeData({ type: new Bool(), length: values.length, ...validity(values), data }));
}
