import type { DuckDBResultReader, DuckDBType } from '@duckdb/node-api';
import {
  Bool,
  DataType,
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
  convert: Convert;
}

const asNumber: Convert = (value) => (value === null ? null : Number(value));
const asMilliseconds: Convert = (value) => (value === null ? null : (value as Date).getTime());
const asText: Convert = (value) => (value === null ? null : String(value));

/**
 * The Arrow type DuckDB-WASM gives a DuckDB type, opened with castBigIntToDouble and
 * castDecimalToDouble as the app opens it (BIGINT, HUGEINT and DECIMAL come out as Float64), and
 * how to turn @duckdb/node-api's JS value into what that Arrow vector holds. A type the app never
 * reads as such (BLOB, INTERVAL, MAP, ...) comes out as its text.
 */
function arrowColumn(type: DuckDBType): ArrowColumn {
  switch (type.typeId as number) {
    case TYPE.BOOLEAN:
      return { type: new Bool(), convert: (value) => value };
    case TYPE.TINYINT:
      return { type: new Int8(), convert: asNumber };
    case TYPE.SMALLINT:
      return { type: new Int16(), convert: asNumber };
    case TYPE.INTEGER:
      return { type: new Int32(), convert: asNumber };
    case TYPE.UTINYINT:
      return { type: new Uint8(), convert: asNumber };
    case TYPE.USMALLINT:
      return { type: new Uint16(), convert: asNumber };
    case TYPE.UINTEGER:
      return { type: new Uint32(), convert: asNumber };
    case TYPE.FLOAT:
      return { type: new Float32(), convert: asNumber };
    case TYPE.BIGINT:
    case TYPE.UBIGINT:
    case TYPE.HUGEINT:
    case TYPE.UHUGEINT:
    case TYPE.DECIMAL:
    case TYPE.DOUBLE:
      return { type: new Float64(), convert: asNumber };
    case TYPE.DATE:
      return { type: new DateDay(), convert: asMilliseconds };
    case TYPE.TIMESTAMP:
    case TYPE.TIMESTAMP_S:
    case TYPE.TIMESTAMP_MS:
    case TYPE.TIMESTAMP_NS:
    case TYPE.TIMESTAMP_TZ:
      return { type: new TimestampMillisecond(), convert: asMilliseconds };
    case TYPE.LIST: {
      const item = arrowColumn((type as Extract<DuckDBType, { valueType: DuckDBType }>).valueType);
      return {
        type: new List(new Field('l', item.type, true)),
        convert: (value) => (value === null ? null : (value as unknown[]).map(item.convert)),
      };
    }
    case TYPE.STRUCT: {
      const struct = type as Extract<DuckDBType, { entryNames: readonly string[] }>;
      const entries = struct.entryNames.map((name, index) => ({
        name,
        ...arrowColumn(struct.entryTypes[index]!),
      }));
      return {
        type: new Struct(entries.map((entry) => new Field(entry.name, entry.type, true))),
        convert: (value) => {
          if (value === null) return null;
          const record = value as Record<string, unknown>;
          return Object.fromEntries(
            entries.map((entry) => [entry.name, entry.convert(record[entry.name] ?? null)]),
          );
        },
      };
    }
    case TYPE.VARCHAR:
    case TYPE.ENUM:
    case TYPE.UUID:
      return { type: new Utf8(), convert: asText };
    default:
      return {
        type: new Utf8(),
        convert: (value) => (value === null ? null : JSON.stringify(value, jsonSafe)),
      };
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
  const children = columns.map((column, index) => {
    const vector = vectorFromArray((values[index] ?? []).map(column.convert), column.type);
    // vectorFromArray fills one chunk; a second would mean the rows were split.
    if (vector.data.length !== 1) throw new Error(`column ${names[index]}: ${vector.data.length} chunks`);
    return vector.data[0]!;
  });
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
