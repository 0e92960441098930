import { Dictionary, Int32, Table, Utf8, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { joinArrowStreams } from '../../../renderer/src/lib/db/arrow-streams.ts';
import { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { nodeConnector } from '../../../scripts/lib/node-duckdb.ts';

const stream = (ids: number[], names: string[]) =>
  tableToIPC(
    new Table({ id: vectorFromArray(ids, new Int32()), name: vectorFromArray(names, new Utf8()) }),
    'stream',
  );

describe('Arrow IPC streams joined into one', () => {
  const db = new WorkbenchDatabase(nodeConnector);
  afterAll(() => db.close());

  it('keeps every row of every stream, in order, and DuckDB reads the result as one table', async () => {
    const parts = [stream([1, 2], ['một', 'hai']), stream([], []), stream([3], ['ba \'ba\' "ba"'])];
    const joined = joinArrowStreams(parts);
    expect(joined).not.toBeNull();
    const rows = tableFromIPC(joined!)
      .toArray()
      .map((row) => row.toJSON());
    expect(rows).toEqual([
      { id: 1, name: 'một' },
      { id: 2, name: 'hai' },
      { id: 3, name: 'ba \'ba\' "ba"' },
    ]);
    expect((await db.loadArrowTable('joined', joined!)).ok).toBe(true);
    const read = await db.queryRows('SELECT id, name FROM joined ORDER BY id', [], (row) => row.name);
    expect(read).toEqual({ ok: true, value: ['một', 'hai', 'ba \'ba\' "ba"'] });
  });

  it('joins one stream to itself as a copy, and nothing to null', () => {
    const one = stream([7], ['bảy']);
    expect(joinArrowStreams([one])).toEqual(one);
    expect(joinArrowStreams([])).toBeNull();
  });

  it('refuses streams whose schemas differ, even by a column name or its type', () => {
    const renamed = tableToIPC(
      new Table({ id: vectorFromArray([4], new Int32()), label: vectorFromArray(['bốn'], new Utf8()) }),
      'stream',
    );
    const retyped = tableToIPC(
      new Table({ id: vectorFromArray(['4']), name: vectorFromArray(['bốn']) }),
      'stream',
    );
    expect(joinArrowStreams([stream([1], ['một']), renamed])).toBeNull();
    expect(joinArrowStreams([stream([1], ['một']), retyped])).toBeNull();
  });

  it('refuses a stream cut short, bytes that are not Arrow, and a file instead of a stream', () => {
    const whole = stream([1, 2], ['một', 'hai']);
    const file = tableToIPC(tableFromIPC(whole), 'file');
    expect(joinArrowStreams([whole, whole.slice(0, whole.byteLength - 3)])).toBeNull();
    expect(joinArrowStreams([whole, new TextEncoder().encode('obs_id,value\nx,1\n')])).toBeNull();
    expect(joinArrowStreams([new Uint8Array(4)])).toBeNull();
    expect(joinArrowStreams([file, file])).toBeNull();
  });

  // Each stream numbers its own dictionaries: joined, the second's batches would read the first's.
  it('refuses streams with dictionary columns', () => {
    const unit = new Dictionary(new Utf8(), new Int32());
    const coded = (values: string[]) =>
      tableToIPC(new Table({ unit: vectorFromArray(values, unit) }), 'stream');
    const [first, second] = [coded(['%', 'tỷ đồng']), coded(['ha'])];
    // The same schema, byte for byte: only the dictionaries stand in the way.
    const schemaBytes = (bytes: Uint8Array) =>
      bytes.subarray(0, 8 + new DataView(bytes.buffer).getInt32(4, true));
    expect(schemaBytes(second)).toEqual(schemaBytes(first));
    expect(joinArrowStreams([first, second])).toBeNull();
  });
});
