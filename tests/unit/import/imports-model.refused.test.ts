import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { ImportsModel } from '../../../renderer/src/features/import/imports-model.svelte.ts';
import { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { appObject } from '../../../renderer/src/lib/db/sql.ts';
import { ImportStore } from '../../../renderer/src/lib/import/import-store.ts';
import { Workspace } from '../../../renderer/src/lib/warehouse/workspace.ts';
import { nodeConnector, readDataAsset } from '../../../scripts/lib/node-duckdb.ts';
import { CollectionStore } from '../../../electron/main/collection-store.ts';
import { UserStore } from '../../../renderer/src/lib/platform/user-store.ts';
import { fileStore } from '../../support/file-store.ts';

vi.mock(
  '../../../renderer/src/features/import/import-worker-client.ts',
  () => import('../../support/import-worker-in-process.ts'),
);
vi.stubGlobal('document', { baseURI: pathToFileURL(join(process.cwd(), 'data/')).href });

const ROWS = 120_000;
const csv = (rows = ROWS, name = 'rat-lon.csv') => {
  const lines = ['Chỉ tiêu;Năm;Giá trị'];
  for (let i = 0; i < rows; i++) lines.push(`Chỉ tiêu thử ${i % 4000};${2000 + (i % 26)};${i},5`);
  return new File([`${lines.join('\n')}\n`], name);
};
const mapping = (table: string) => ({
  table,
  indicator: 'Chỉ tiêu',
  year: 'Năm',
  value: 'Giá trị',
  title: table,
});

/** The user store in `userData` whose writes fail once `writesLeft()` reaches 0 ("disk full"). */
function fillingStore(userData: string, writesLeft: () => number, wrote: () => void): UserStore {
  const files = new CollectionStore(userData);
  return new UserStore({
    read: (collection) => files.read(collection),
    write: (changes) => {
      if (writesLeft() <= 0) return Promise.reject(new Error('disk full'));
      wrote();
      return files.write(changes);
    },
  });
}

// An engine with little memory: the mapped table's figures do not fit, and the model must neither
// keep the mapping nor say it made figures.
describe('a mapped user table whose figures the workspace refuses', () => {
  const db = new WorkbenchDatabase(nodeConnector);
  const workspace = new Workspace(db, readDataAsset);
  let userData = '';

  const observations = async () => {
    const rows = await db.queryRows(`SELECT count(*) AS n FROM ${appObject('observations')}`, [], (row) =>
      Number(row.n),
    );
    if (!rows.ok) throw new Error(rows.error.message);
    return rows.value[0]!;
  };

  beforeAll(async () => {
    userData = await mkdtemp(join(tmpdir(), 'ctw-imports-'));
    const limited = await db.query("SET memory_limit = '64MB'");
    if (!limited.ok) throw new Error(limited.error.message);
    const loaded = await workspace.load();
    if (!loaded.ok) throw new Error(loaded.error.message);
  }, 120_000);
  afterAll(() => db.close());

  it(
    'says memory ran short with the sizes, adds no figure, and keeps the table unmapped',
    { timeout: 300_000 },
    async () => {
      const model = new ImportsModel(db, workspace, fileStore(userData), async () => {});
      await model.restore();
      const before = await observations();
      await model.importTable(csv());
      expect(model.tables.map((table) => table.id)).toEqual(['rat_lon']);
      await model.mapTable({
        table: 'rat_lon',
        indicator: 'Chỉ tiêu',
        year: 'Năm',
        value: 'Giá trị',
        title: 'Thử',
      });
      expect(model.notice).toMatchObject({
        kind: 'problem',
        problem: { key: 'importArea.tooLargeForMemory' },
      });
      expect(await observations()).toBe(before);
      expect(model.tables[0]?.mapping).toBeNull();
      // What the next start reads: the table, not its mapping.
      const stored = await new ImportStore(fileStore(userData)).tables();
      expect(stored.map(({ entry }) => [entry.id, entry.mapping])).toEqual([['rat_lon', null]]);
    },
  );

  it('writes no mapping the workspace refused, so no revert can fail and leave one for the next start', async () => {
    let writesLeft = Number.POSITIVE_INFINITY;
    const dir = await mkdtemp(join(tmpdir(), 'ctw-imports-'));
    const store = fillingStore(
      dir,
      () => writesLeft,
      () => writesLeft--,
    );
    const model = new ImportsModel(db, workspace, store, async () => {});
    await model.restore();
    await model.importTable(csv(ROWS, 'lon-nua.csv'));
    // One write left: enough for a mapping, not for taking it back.
    writesLeft = 1;
    await model.mapTable(mapping('lon_nua'));
    expect(model.notice).toMatchObject({ kind: 'problem', problem: { key: 'importArea.tooLargeForMemory' } });
    expect(writesLeft).toBe(1);
    const stored = await new ImportStore(fileStore(dir)).tables();
    expect(stored.map(({ entry }) => [entry.id, entry.mapping])).toEqual([['lon_nua', null]]);
    writesLeft = Number.POSITIVE_INFINITY;
    await model.removeTable('lon_nua');
  }, 300_000);

  it('takes the figures out again when the mapping cannot be saved', async () => {
    let writesLeft = Number.POSITIVE_INFINITY;
    const dir = await mkdtemp(join(tmpdir(), 'ctw-imports-'));
    const model = new ImportsModel(
      db,
      workspace,
      fillingStore(
        dir,
        () => writesLeft,
        () => writesLeft--,
      ),
      async () => {},
    );
    await model.restore();
    const before = await observations();
    await model.importTable(csv(30, 'nho.csv'));
    writesLeft = 0;
    await model.mapTable(mapping('nho'));
    expect(model.notice).toMatchObject({ kind: 'problem', problem: { key: 'importArea.saveFailed' } });
    expect(await observations()).toBe(before);
    expect(model.tables[0]?.mapping).toBeNull();
    const stored = await new ImportStore(fileStore(dir)).tables();
    expect(stored.map(({ entry }) => [entry.id, entry.mapping])).toEqual([['nho', null]]);
    // A removal the store cannot write keeps the table, on screen and saved, and says why.
    await model.removeTable('nho');
    expect(model.notice).toMatchObject({ kind: 'problem', problem: { key: 'importArea.removeFailed' } });
    expect(model.tables.map((table) => table.id)).toEqual(['nho']);
    expect((await new ImportStore(fileStore(dir)).tables()).map(({ entry }) => entry.id)).toEqual(['nho']);
  }, 300_000);

  it('forgets a document and a table it cannot read back, for good', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ctw-imports-'));
    // Their entries reach the disk, their parts never do (a crash between the two writes).
    const files = new CollectionStore(dir);
    const lossy = new ImportStore(
      new UserStore({
        read: (collection) => files.read(collection),
        write: (changes) =>
          files.write(changes.filter((change) => !/^(imported-doc|user-table)-/.test(change.collection))),
      }),
    );
    await lossy.putDocument(
      {
        id: 'mat',
        fileName: 'mat.txt',
        format: 'txt',
        title: 'Mất',
        sha256: 'x',
        importedAt: '2026-12-03',
        figures: 0,
      },
      { text: 'x', document: {}, observations: [], indicators: [] },
    );
    await lossy.putTable(
      { id: 'mat_bang', fileName: 'mat.csv', importedAt: '2026-12-03', rows: 1, mapping: null },
      'a\n1\n',
    );
    const model = new ImportsModel(db, workspace, fileStore(dir), async () => {});
    await model.restore();
    expect(model.broken.map((entry) => [entry.id, entry.kind])).toEqual([
      ['mat', 'document'],
      ['mat_bang', 'table'],
    ]);
    await model.removeBroken('mat');
    await model.removeBroken('mat_bang');
    expect(model.broken).toEqual([]);
    // The next start finds neither.
    const reopened = new ImportStore(fileStore(dir));
    expect((await reopened.documents()).broken).toEqual([]);
    expect(await reopened.tables()).toEqual([]);
  }, 300_000);
});

// A document read and confirmed whose figures the workspace then refuses: it is taken out of the
// store again, so the next start does not bring back a document this one never loaded.
describe('an imported document the workspace refuses', () => {
  it('keeps no document whose figures the workspace refused: the store says what is loaded', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ctw-imports-'));
    const db = new WorkbenchDatabase(nodeConnector);
    onTestFinished(() => db.close());
    // Less memory still: a plan of thousands of targets is saved (under the store's 16 MB a
    // collection) but its figures do not fit beside the rest.
    expect((await db.query("SET memory_limit = '32MB'")).ok).toBe(true);
    const workspace = new Workspace(db, readDataAsset);
    expect((await workspace.load()).ok).toBe(true);
    const model = new ImportsModel(db, workspace, fileStore(dir), async () => {});
    await model.restore();
    const before = await countIn(db);
    const lines = Array.from(
      { length: 20_000 },
      (_, i) => `Phấn đấu đến năm 2030, tỷ lệ che phủ rừng của xã thứ ${i + 1} đạt ${50 + (i % 40)},5%.`,
    );
    await model.readDocument(new File([lines.join('\n')], 'ke-hoach-xa.txt'));
    expect(model.pending?.fileName).toBe('ke-hoach-xa.txt');
    await model.addPending();
    // Refused before the insert (the sizes known) or by the engine while inserting: memory, in words.
    expect(model.notice?.kind).toBe('problem');
    expect(['importArea.tooLargeForMemory', 'importArea.outOfMemory']).toContain(
      model.notice?.kind === 'problem' ? model.notice.problem.key : null,
    );
    expect(model.documents).toEqual([]);
    expect(await countIn(db)).toBe(before);
    const stored = await new ImportStore(fileStore(dir)).documents();
    expect(stored).toEqual({ items: [], broken: [] });
  }, 300_000);
});

// Sources saved on a machine with memory to spare, opened where one of them does not fit: the others
// are loaded, the one left out is marked with why, and nothing in the store changes.
describe('a start where one saved source does not fit', () => {
  const roomy = new WorkbenchDatabase(nodeConnector);
  const tight = new WorkbenchDatabase(nodeConnector);
  let userData = '';
  afterAll(async () => {
    await roomy.close();
    await tight.close();
  });

  it(
    'loads the sources that fit, marks the other as not loaded, and tries it again at the next full load',
    { timeout: 600_000 },
    async () => {
      userData = await mkdtemp(join(tmpdir(), 'ctw-imports-'));
      const first = new Workspace(roomy, readDataAsset);
      expect((await first.load()).ok).toBe(true);
      const saving = new ImportsModel(roomy, first, fileStore(userData), async () => {});
      await saving.restore();
      await saving.importTable(csv(40, 'nho.csv'));
      await saving.mapTable(mapping('nho'));
      await saving.importTable(csv());
      await saving.mapTable(mapping('rat_lon'));
      expect(saving.tables.map((table) => [table.id, table.mapping !== null])).toEqual([
        ['nho', true],
        ['rat_lon', true],
      ]);

      expect((await tight.query("SET memory_limit = '64MB'")).ok).toBe(true);
      const second = new Workspace(tight, readDataAsset);
      expect((await second.load()).ok).toBe(true);
      const shipped = await countIn(tight);
      const opened = new ImportsModel(tight, second, fileStore(userData), async () => {});
      await opened.restore();
      expect(opened.notice).toMatchObject({
        kind: 'problem',
        problem: { key: 'importArea.someNotLoaded', values: { count: 1, total: 2 } },
      });
      expect(opened.notLoadedReason('nho')).toBeNull();
      expect(opened.notLoadedReason('rat_lon')).toMatchObject({
        problem: { key: 'importArea.tooLargeForMemory' },
      });
      // The small table's 40 figures are in; the large one's are not, and both stay saved as mapped.
      expect(await countIn(tight)).toBe(shipped + 40);
      const stored = await new ImportStore(fileStore(userData)).tables();
      expect(stored.map(({ entry }) => [entry.id, entry.mapping !== null])).toEqual([
        ['nho', true],
        ['rat_lon', true],
      ]);
      // Room made: removing the small one is a full reload, which the large one still does not fit.
      await opened.removeTable('nho');
      expect(await countIn(tight)).toBe(shipped);
      expect(opened.notLoadedReason('rat_lon')).not.toBeNull();
    },
  );
});

async function countIn(db: WorkbenchDatabase): Promise<number> {
  const rows = await db.queryRows(`SELECT count(*) AS n FROM ${appObject('observations')}`, [], (row) =>
    Number(row.n),
  );
  if (!rows.ok) throw new Error(rows.error.message);
  return rows.value[0]!;
}
