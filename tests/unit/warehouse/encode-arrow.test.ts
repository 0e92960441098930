import {
  Bool,
  Float64,
  Int32,
  Table,
  Utf8,
  tableFromIPC,
  tableToIPC,
  vectorFromArray,
  type DataType,
} from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  CellValue,
  ColumnSpec,
  ColumnType,
  WarehouseRow,
} from '../../../renderer/src/lib/warehouse/columns.ts';
import { encodeArrowIpc } from '../../../renderer/src/lib/warehouse/encode-arrow.ts';

const ARROW_TYPES: Record<ColumnType, () => DataType> = {
  string: () => new Utf8(),
  int: () => new Int32(),
  double: () => new Float64(),
  bool: () => new Bool(),
};

/** The stream Arrow's own builders give for the rows: what the direct buffers must equal byte for byte. */
function builtByArrow(columns: readonly ColumnSpec[], rows: readonly WarehouseRow[]): Uint8Array {
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

const columns: ColumnSpec[] = [
  { name: 'label', type: 'string' },
  { name: 'year', type: 'int' },
  { name: 'value', type: 'double' },
  { name: 'derived', type: 'bool' },
] as ColumnSpec[];

const orNull = <T extends CellValue>(value: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ arbitrary: value, weight: 3 }, { arbitrary: fc.constant(null), weight: 1 });
const row = fc.record({
  // Any UTF-16 text, lone surrogates included (the encoder writes U+FFFD for them).
  label: orNull(
    fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('Tỷ lệ hộ nghèo', 'GRDP bình quân đầu người', '', '\ud83c', '\udf3e😀', '😀\ud83c'),
    ),
  ),
  year: orNull(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 })),
  value: orNull(fc.double()),
  derived: orNull(fc.boolean()),
});

describe('the Arrow stream filled directly', () => {
  it('equals byte for byte what Arrow builders write, nulls, empty strings and all', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        expect(encodeArrowIpc(columns, rows)).toEqual(builtByArrow(columns, rows));
      }),
      { numRuns: 200 },
    );
  });

  it('equals it across the bitmap block sizes and for a column with no value at all', () => {
    for (const length of [0, 1, 511, 512, 513, 1100]) {
      const rows = Array.from({ length }, (_, index) => ({
        label: index % 7 === 0 ? null : `dòng ${index}`,
        year: index % 5 === 0 ? null : 2020 + (index % 6),
        value: null,
        derived: index % 3 === 0 ? null : index % 2 === 0,
      }));
      const stream = encodeArrowIpc(columns, rows);
      expect(stream).toEqual(builtByArrow(columns, rows));
      expect(tableFromIPC(stream).numRows).toBe(length);
    }
  });

  it('reads back the values written', () => {
    const rows = [
      { label: 'Tỷ lệ che phủ rừng', year: 2025, value: 64.5, derived: false },
      { label: null, year: null, value: null, derived: null },
    ];
    const table = tableFromIPC(encodeArrowIpc(columns, rows));
    expect(table.toArray().map((record) => ({ ...record.toJSON() }))).toEqual(rows);
  });
});
