import {
  makeData,
  type Bool,
  type Data,
  type Float,
  type Int8,
  type Int16,
  type Int32,
  type Uint8,
  type Uint16,
  type Uint32,
  type List,
  type Struct,
  type Utf8,
} from 'apache-arrow';

// Arrow data built straight from a column of plain values, instead of through apache-arrow's
// builders (vectorFromArray), which cost the report CLI about 100 ms of CPU a run for its ~40,000
// result cells: each value went through the builder's generic per-value calls, cold.

/** The integer types a JS number holds exactly. */
export type SmallInt = Int8 | Int16 | Int32 | Uint8 | Uint16 | Uint32;

interface Validity {
  nullCount: number;
  nullBitmap?: Uint8Array;
}

const encoder = new TextEncoder();

// A bitmap with a bit set for each value there; none when every value is.
function validity(values: readonly unknown[]): Validity {
  let nullBitmap: Uint8Array | undefined;
  let nullCount = 0;
  for (let index = 0; index < values.length; index++) {
    if (values[index] !== null && values[index] !== undefined) continue;
    nullBitmap ??= new Uint8Array((values.length + 7) >> 3).fill(0xff);
    nullBitmap[index >> 3] = nullBitmap[index >> 3]! & ~(1 << (index & 7));
    nullCount++;
  }
  return nullBitmap ? { nullCount, nullBitmap } : { nullCount };
}

/** A whole-number column (nulls where missing) in `type`'s own typed array (32 bits or fewer). */
export function intData(type: SmallInt, values: readonly (number | null)[]): Data<SmallInt> {
  const data = filled(new type.ArrayType(values.length), values);
  return makeData({ type, length: values.length, ...validity(values), data });
}

/** A floating-point column (nulls where missing) in `type`'s own typed array. */
export function floatData(type: Float, values: readonly (number | null)[]): Data<Float> {
  const data = filled(new type.ArrayType(values.length), values);
  return makeData({ type, length: values.length, ...validity(values), data });
}

function filled<A extends { [index: number]: number }>(data: A, values: readonly (number | null)[]): A {
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (value !== null && value !== undefined) data[index] = value;
  }
  return data;
}

/** A boolean column, one bit a value. */
export function boolData(type: Bool, values: readonly (boolean | null)[]): Data<Bool> {
  const data = new Uint8Array((values.length + 7) >> 3);
  for (let index = 0; index < values.length; index++) {
    if (values[index]) data[index >> 3] = data[index >> 3]! | (1 << (index & 7));
  }
  return makeData({ type, length: values.length, ...validity(values), data });
}

/** A text column: every string's UTF-8 bytes one after the other, and where each ends. */
export function utf8Data(type: Utf8, values: readonly (string | null)[]): Data<Utf8> {
  const valueOffsets = new Int32Array(values.length + 1);
  const texts: string[] = [];
  let end = 0;
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (value !== null && value !== undefined) {
      texts.push(value);
      end += Buffer.byteLength(value, 'utf8');
    }
    valueOffsets[index + 1] = end;
  }
  return makeData({
    type,
    length: values.length,
    ...validity(values),
    valueOffsets,
    data: encoder.encode(texts.join('')),
  });
}

/** A list column: where each row's items end, and the items of all rows as one child column. */
export function listData(
  type: List,
  values: readonly (readonly unknown[] | null)[],
  itemData: (items: unknown[]) => Data,
): Data<List> {
  const valueOffsets = new Int32Array(values.length + 1);
  const items: unknown[] = [];
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (value !== null && value !== undefined) for (const item of value) items.push(item);
    valueOffsets[index + 1] = items.length;
  }
  return makeData({ type, length: values.length, ...validity(values), valueOffsets, child: itemData(items) });
}

/** A struct column: one child column a field, null in every field of a missing row. */
export function structData(
  type: Struct,
  values: readonly (Readonly<Record<string, unknown>> | null)[],
  fieldData: readonly ((values: unknown[]) => Data)[],
): Data<Struct> {
  const children = type.children.map((field, index) =>
    fieldData[index]!(
      values.map((value) => (value === null || value === undefined ? null : (value[field.name] ?? null))),
    ),
  );
  return makeData({ type, length: values.length, ...validity(values), children });
}
