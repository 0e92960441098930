import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { appObject } from '../../../renderer/src/lib/db/sql.ts';
import { WAREHOUSE_COLUMNS, type WarehouseRow } from '../../../renderer/src/lib/warehouse/columns.ts';
import { encodeArrowIpc } from '../../../renderer/src/lib/warehouse/encode-arrow.ts';
import {
  DATA_SHARE,
  TABLE_BYTES_PER_ARROW_BYTE,
  joinedLoadSize,
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

  it('counts the largest copy of a joined load as its largest table, all its chunks at once', () => {
    const load = joinedLoadSize(
      [[new Uint8Array(600), new Uint8Array(400)], [new Uint8Array(700)]],
      [new Uint8Array(200)],
    );
    expect(load).toEqual({ addedBytes: 1700, replacedBytes: 200, largestChunkBytes: 1000 });
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

// The rows are the same either way; joined into one stream with the shipped ones they load faster,
// and a load too large to copy at once still goes in chunk by chunk.
describe('additions joined to the shipped rows, or appended when only that fits', () => {
  const observations = shippedRows('observations');
  const first = [...userRowChunks(observations, 4_000, 1_000)];
  const more = [...userRowChunks(observations, 12_000, 1_000)];
  const db = new WorkbenchDatabase(nodeConnector);
  const workspace = new Workspace(db, readDataAsset);
  // On the class: the workspace appends through the handle its exclusive turn is given.
  const appends = vi.spyOn(WorkbenchDatabase.prototype, 'appendArrow');
  let shipped = 0;

  const counts = async (engine: WorkbenchDatabase) => {
    const rows = await engine.queryRows(
      `SELECT count(*) AS n, count(DISTINCT obs_id) FILTER (WHERE obs_id LIKE '%~u%') AS added,
              (SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()) AS used
       FROM ${appObject('observations')}`,
      [],
      (row) => ({ total: Number(row.n), added: Number(row.added), used: Number(row.used) }),
    );
    if (!rows.ok) throw new Error(rows.error.message);
    return rows.value[0]!;
  };

  // The engine's limit is locked once the warehouse is in: it is set from what another engine used
  // after the same steps, halfway between what `more` needs joined and what it needs chunk by chunk.
  beforeAll(async () => {
    const probe = new WorkbenchDatabase(nodeConnector);
    const probed = new Workspace(probe, readDataAsset);
    try {
      if (!(await probed.load()).ok || !(await probed.setAdditions(new Map([['observations', first]]))).ok) {
        throw new Error('probe load failed');
      }
      const { used } = await counts(probe);
      const need = (load: ReturnType<typeof loadSize>) =>
        memoryNeed(load, { limitBytes: 0, usedBytes: 0 }).neededBytes;
      const between = (need(joinedLoadSize([more], first)) + need(loadSize(more, first))) / 2;
      const limited = await db.query(
        `SET memory_limit = '${Math.floor((used + between) / DATA_SHARE / 1000)}KB'`,
      );
      if (!limited.ok) throw new Error(limited.error.message);
    } finally {
      await probe.close();
    }
    const loaded = await workspace.load();
    if (!loaded.ok) throw new Error(loaded.error.message);
    shipped = (await counts(db)).total;
  }, 120_000);
  afterAll(async () => {
    appends.mockRestore();
    await db.close();
  });

  it('joins them when the engine has room, and reloads them so after a user emptied the table', async () => {
    appends.mockClear();
    expect((await workspace.setAdditions(new Map([['observations', first]]))).ok).toBe(true);
    expect(await counts(db)).toMatchObject({ total: shipped + 4_000, added: 4_000 });
    expect((await db.userQuery('DELETE FROM observations')).ok).toBe(true);
    expect((await workspace.protect()).ok).toBe(true);
    expect(await counts(db)).toMatchObject({ total: shipped + 4_000, added: 4_000 });
    expect(appends).not.toHaveBeenCalled();
  });

  it('appends chunk by chunk when the engine has room for that but not for all at once', async () => {
    appends.mockClear();
    const loaded = await workspace.setAdditions(new Map([['observations', more]]));
    expect(loaded.ok ? null : loaded.error.message).toBeNull();
    expect(appends).toHaveBeenCalledTimes(more.length);
    expect(await counts(db)).toMatchObject({ total: shipped + 12_000, added: 12_000 });
  });
});
