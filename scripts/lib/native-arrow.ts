import type { DuckDBResultReader, DuckDBType } from '@duckdb/node-api';
import {
  Bool,
  type Data,
  DataType,
  type Float,
  Precision,
  DateDay,
  Field,
  Float32,
  Float64,
  Int16,
  Int32,
  Int8,
  List,
  RecordBatch,
  Schema,
  Struct,
  TimestampMillisecond,
  Uint16,
  Uint32,
  Uint8,
  Utf8,
  makeData,
  vectorFromArray,
  type Table,
} from 'apache-arrow';
import { boolData, floatData, intData, listData, structData, utf8Data, type SmallInt } from './arrow-data.ts';

// DuckDBTypeId's values: importing the enum would load the native bindings with this file.
const TYPE = {
  BOOLEAN: 1,
  TINYINT: 2,
  SMALLINT: 3,
  INTEGER: 4,
  BIGINT: 5,
  UTINYINT: 6,
  USMALLINT: 7,
  UINTEGER: 8,
  UBIGINT: 9,
  FLOAT: 10,
  DOUBLE: 11,
  TIMESTAMP: 12,
  DATE: 13,
  HUGEINT: 16,
  UHUGEINT: 32,
  VARCHAR: 17,
  DECIMAL: 19,
  TIMESTAMP_S: 20,
  TIMESTAMP_MS: 21,
  TIMESTAMP_NS: 22,
  ENUM: 23,
  LIST: 24,
  STRUCT: 25,
  UUID: 27,
  TIMESTAMP_TZ: 31,
} as const;

type Convert = (value: unknown) => unknown;

interface ArrowColumn {
  type: DataType;
  /** The Arrow data of a column of @duckdb/node-api's JS values of this type. */
  data: (values: unknown[]) => Data;
}

const asNumber = (value: unknown): number | null => (value === null ? null : Number(value));
const asMilliseconds: Convert = (value) => (value === null ? null : (value as Date).getTime());
const asText = (value: unknown): string | null => (value === null ? null : String(value));
const asJson = (value: unknown): string | null => (value === null ? null : JSON.stringify(value, jsonSafe));

const ints = (type: SmallInt): ArrowColumn => ({
  type,
  data: (values) => intData(type, values.map(asNumber)),
});
const floats = (type: Float): ArrowColumn => ({
  type,
  data: (values) => floatData(type, values.map(asNumber)),
});
const texts = (convert: (value: unknown) => string | null): ArrowColumn => {
  const type = new Utf8();
  return { type, data: (values) => utf8Data(type, values.map(convert)) };
};
// Dates and timestamps go through apache-arrow's builder, which knows their layouts.
const built = (type: DataType, convert: Convert): ArrowColumn => ({
  type,
  data: (values) => {
    const vector = vectorFromArray(values.map(convert), type);
    // vectorFromArray fills one chunk; a second would mean the rows were split.
    if (vector.data.length !== 1) throw new Error(`${String(type)}: ${vector.data.length} chunks`);
    return vector.data[0]!;
  },
});

/**
 * The Arrow type DuckDB-WASM gives a DuckDB type, opened with castBigIntToDouble and
 * castDecimalToDouble as the app opens it (BIGINT, HUGEINT and DECIMAL come out as Float64), and
 * how @duckdb/node-api's JS values of it become that Arrow data. A type the app never reads as
 * such (BLOB, INTERVAL, MAP, ...) comes out as its text.
 */
function arrowColumn(type: DuckDBType): ArrowColumn {
  switch (type.typeId as number) {
    case TYPE.BOOLEAN: {
      const bool = new Bool();
      return { type: bool, data: (values) => boolData(bool, values as (boolean | null)[]) };
    }
    case TYPE.TINYINT:
      return ints(new Int8());
    case TYPE.SMALLINT:
      return ints(new Int16());
    case TYPE.INTEGER:
      return ints(new Int32());
    case TYPE.UTINYINT:
      return ints(new Uint8());
    case TYPE.USMALLINT:
      return ints(new Uint16());
    case TYPE.UINTEGER:
      return ints(new Uint32());
    case TYPE.FLOAT:
      return floats(new Float32());
    case TYPE.BIGINT:
    case TYPE.UBIGINT:
    case TYPE.HUGEINT:
    case TYPE.UHUGEINT:
    case TYPE.DECIMAL:
    case TYPE.DOUBLE:
      return floats(new Float64());
    case TYPE.DATE:
      return built(new DateDay(), asMilliseconds);
    case TYPE.TIMESTAMP:
    case TYPE.TIMESTAMP_S:
    case TYPE.TIMESTAMP_MS:
    case TYPE.TIMESTAMP_NS:
    case TYPE.TIMESTAMP_TZ:
      return built(new TimestampMillisecond(), asMilliseconds);
    case TYPE.LIST: {
      const item = arrowColumn((type as Extract<DuckDBType, { valueType: DuckDBType }>).valueType);
      const list = new List(new Field('l', item.type, true));
      return { type: list, data: (values) => listData(list, values as (unknown[] | null)[], item.data) };
    }
    case TYPE.STRUCT: {
      const struct = type as Extract<DuckDBType, { entryNames: readonly string[] }>;
      const entries = struct.entryTypes.map(arrowColumn);
      const arrowStruct = new Struct(
        struct.entryNames.map((name, index) => new Field(name, entries[index]!.type, true)),
      );
      return {
        type: arrowStruct,
        data: (values) =>
          structData(
            arrowStruct,
            values as (Record<string, unknown> | null)[],
            entries.map((entry) => entry.data),
          ),
      };
    }
    case TYPE.VARCHAR:
    case TYPE.ENUM:
    case TYPE.UUID:
      return texts(asText);
    default:
      return texts(asJson);
  }
}

const jsonSafe = (_key: string, value: unknown): unknown =>
  typeof value === 'bigint' ? value.toString() : value;

/** A native result as the one Arrow record batch DuckDB-WASM would have streamed for it. */
export function recordBatchOf(reader: DuckDBResultReader): RecordBatch {
  const names = reader.columnNames();
  const columns = reader.columnTypes().map(arrowColumn);
  const values = reader.getColumnsJS();
  const fields = names.map((name, index) => new Field(name, columns[index]!.type, true));
  const children = columns.map((column, index) => column.data(values[index] ?? []));
  const data = makeData({ type: new Struct(fields), length: reader.currentRowCount, nullCount: 0, children });
  return new RecordBatch(new Schema(fields), data);
}

/** The SQL type a column of the warehouse's Arrow files becomes, as DuckDB-WASM's Arrow insert makes it. */
export function sqlTypeOf(type: DataType): string {
  if (DataType.isUtf8(type)) return 'VARCHAR';
  if (DataType.isBool(type)) return 'BOOLEAN';
  if (DataType.isFloat(type) && type.precision === Precision.DOUBLE) return 'DOUBLE';
  if (DataType.isInt(type) && type.isSigned) {
    const name = INTEGER_TYPES[type.bitWidth];
    if (name) return name;
  }
  throw new Error(`Arrow type ${String(type)} has no native loader`);
}

const INTEGER_TYPES: Record<number, string> = { 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' };

/** The rows of an Arrow table, column by column, as plain values (null where missing). */
export function columnValues(table: Table): unknown[][] {
  return table.schema.fields.map((_field, index) => {
    const vector = table.getChildAt(index);
    return vector ? [...vector] : [];
  });
}
