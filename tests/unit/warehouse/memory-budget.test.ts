import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { appObject } from '../../../renderer/src/lib/db/sql.ts';
import { WAREHOUSE_COLUMNS, type WarehouseRow } from '../../../renderer/src/lib/warehouse/columns.ts';
import { encodeArrowIpc } from '../../../renderer/src/lib/warehouse/encode-arrow.ts';
import {
  DATA_SHARE,
  TABLE_BYTES_PER_ARROW_BYTE,
  loadSize,
  memoryNeed,
  parseByteSize,
} from '../../../renderer/src/lib/db/memory-budget.ts';
import { arrowPath } from '../../../renderer/src/lib/warehouse/tables.ts';
import { Workspace } from '../../../renderer/src/lib/warehouse/workspace.ts';
import { nodeConnector, readDataAsset } from '../../../scripts/lib/node-duckdb.ts';
import { userRowChunks } from '../../../scripts/lib/user-row-chunks.ts';

const shippedRows = (table: 'observations' | 'documents') =>
  tableFromIPC(readFileSync(`data/${arrowPath(table)}`))
    .toArray()
    .map((row) => row.toJSON() as WarehouseRow);

describe('the memory a load needs', () => {
  it('reads sizes as DuckDB writes its settings', () => {
    expect(parseByteSize('3.1 GiB')).toBeCloseTo(3.1 * 2 ** 30);
    expect(parseByteSize('150.0 MB')).toBe(150e6);
    expect(parseByteSize('512 bytes')).toBe(512);
    expect(parseByteSize('64KiB')).toBe(65_536);
    expect(parseByteSize('unlimited')).toBeNull();
    expect(parseByteSize('12 parsecs')).toBeNull();
  });

  it('counts what the tables grow by, their largest chunk once more, against the data share left', () => {
    const load = loadSize([new Uint8Array(600), new Uint8Array(400)], [new Uint8Array(200)]);
    expect(load).toEqual({ addedBytes: 1000, replacedBytes: 200, largestChunkBytes: 600 });
    // 800 bytes more of Arrow, stored at 1.6×, and the 600-byte chunk copied on the way in.
    expect(memoryNeed(load, { limitBytes: 10_000, usedBytes: 1000 })).toEqual({
      neededBytes: 800 * TABLE_BYTES_PER_ARROW_BYTE + 600,
      availableBytes: 10_000 * DATA_SHARE - 1000,
    });
    // Fewer rows than before never need more; an engine already past its share has nothing left.
    const smaller = loadSize([new Uint8Array(100)], [new Uint8Array(900)]);
    expect(memoryNeed(smaller, { limitBytes: 1000, usedBytes: 900 })).toEqual({
      neededBytes: 100,
      availableBytes: 0,
    });
  });
});

// An engine with little memory, as 5M rows meet the 3.1 GiB of the real one: whatever goes wrong,
// the tables keep exactly the rows the workspace says they have.
describe('additions that do not fit or fail halfway', () => {
  const db = new WorkbenchDatabase(nodeConnector);
  const workspace = new Workspace(db, readDataAsset);
  const observations = shippedRows('observations');
  const [firstDocument] = shippedRows('documents');
  const small = [...userRowChunks(observations, 2_000, 2_000)];
  const corrupt = small[0]!.slice(0, Math.floor(small[0]!.byteLength / 2));
  let shipped = 0;

  const count = async (table: 'observations' | 'documents') => {
    const rows = await db.queryRows(`SELECT count(*) AS n FROM ${appObject(table)}`, [], (row) =>
      Number(row.n),
    );
    if (!rows.ok) throw new Error(rows.error.message);
    return rows.value[0]!;
  };
  // The rows protect() puts back once a user statement has emptied the table: what the workspace holds.
  const restoredCount = async () => {
    expect((await db.userQuery('DELETE FROM observations')).ok).toBe(true);
    expect((await workspace.protect()).ok).toBe(true);
    return count('observations');
  };

  beforeAll(async () => {
    const limited = await db.query("SET memory_limit = '64MB'");
    if (!limited.ok) throw new Error(limited.error.message);
    const loaded = await workspace.load();
    if (!loaded.ok) throw new Error(loaded.error.message);
    shipped = await count('observations');
    const added = await workspace.setAdditions(new Map([['observations', small]]));
    if (!added.ok) throw new Error(added.error.message);
  }, 120_000);
  afterAll(() => db.close());

  it('refuses rows beyond the memory before the engine takes any, with the sizes', async () => {
    const big = [...userRowChunks(observations, 100_000, 25_000)];
    const refused = await workspace.setAdditions(new Map([['observations', [...small, ...big]]]));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toMatchObject({ code: 'load', advice: 'memory' });
    expect(refused.error.memory!.neededBytes).toBeGreaterThan(refused.error.memory!.availableBytes);
    const appended = await workspace.addRows(new Map([['observations', big[0]!]]));
    expect(appended.ok).toBe(false);
    expect(await count('observations')).toBe(shipped + 2_000);
    expect(await restoredCount()).toBe(shipped + 2_000);
  });

  it('keeps the previous additions when a new set fails to load halfway', async () => {
    const failed = await workspace.setAdditions(
      new Map([['observations', [...small, small[0]!.slice(), corrupt]]]),
    );
    expect(failed.ok).toBe(false);
    expect(await count('observations')).toBe(shipped + 2_000);
    expect(await restoredCount()).toBe(shipped + 2_000);
  });

  it('takes back the rows of an addition whose later table fails', async () => {
    const documents = await count('documents');
    const document = encodeArrowIpc(WAREHOUSE_COLUMNS.documents, [{ ...firstDocument!, doc_id: 'them-vao' }]);
    const failed = await workspace.addRows(
      new Map([
        ['documents', document],
        ['observations', corrupt],
      ]),
    );
    expect(failed.ok).toBe(false);
    expect(await count('documents')).toBe(documents);
    expect(await count('observations')).toBe(shipped + 2_000);
    // And a good addition still goes in afterwards.
    expect((await workspace.addRows(new Map([['documents', document]]))).ok).toBe(true);
    expect(await count('documents')).toBe(documents + 1);
  });
});
