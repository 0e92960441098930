import { DataType, RecordBatchReader, type Field } from 'apache-arrow';

// Every message of an Arrow IPC stream starts with this marker, then its metadata's length.
const CONTINUATION = 0xffffffff;
// The end-of-stream marker every complete stream ends with (continuation, zero length).
const END_OF_STREAM = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

/**
 * The rows of several Arrow IPC streams of one schema as one stream: the first stream's schema,
 * then every stream's record batches in order. Null when they cannot be joined so: a stream that
 * is cut short or not framed as Arrow writes it now, schemas that differ by a byte, or a schema
 * with dictionaries (each stream numbers its own). DuckDB creates a table from one stream about
 * three times faster than it appends another stream's rows to it.
 */
export function joinArrowStreams(streams: readonly Uint8Array[]): Uint8Array | null {
  const [first] = streams;
  if (first === undefined) return null;
  const schemaEnd = schemaMessageEnd(first);
  if (schemaEnd === null || !isCompleteArrowStream(first)) return null;
  const schema = first.subarray(0, schemaEnd);
  for (const stream of streams) {
    if (!isCompleteArrowStream(stream) || schemaMessageEnd(stream) !== schemaEnd) return null;
    if (!sameBytes(stream.subarray(0, schemaEnd), schema)) return null;
  }
  if (hasDictionaries(first)) return null;
  const batches = streams.map((stream) =>
    stream.subarray(schemaEnd, stream.byteLength - END_OF_STREAM.length),
  );
  const joined = new Uint8Array(
    schemaEnd + sum(batches.map((part) => part.byteLength)) + END_OF_STREAM.length,
  );
  joined.set(schema, 0);
  let offset = schemaEnd;
  for (const part of batches) {
    joined.set(part, offset);
    offset += part.byteLength;
  }
  joined.set(END_OF_STREAM, offset);
  return joined;
}

// Where the stream's first message (its schema, which has no body) ends.
function schemaMessageEnd(stream: Uint8Array): number | null {
  if (stream.byteLength < 8) return null;
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  if (view.getUint32(0, true) !== CONTINUATION) return null;
  const end = 8 + view.getInt32(4, true);
  return end > 8 && end <= stream.byteLength - END_OF_STREAM.length ? end : null;
}

/** Whether the stream ends as every complete Arrow IPC stream does (not cut short, and Arrow at all). */
export function isCompleteArrowStream(stream: Uint8Array): boolean {
  const tail = stream.subarray(stream.byteLength - END_OF_STREAM.length);
  return stream.byteLength > END_OF_STREAM.length && sameBytes(tail, END_OF_STREAM);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);
}

function hasDictionaries(stream: Uint8Array): boolean {
  const reader = RecordBatchReader.from(stream);
  const dictionary = (field: Field): boolean =>
    DataType.isDictionary(field.type) || (field.type.children ?? []).some(dictionary);
  return reader.open().schema.fields.some(dictionary);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
