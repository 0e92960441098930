import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CollectionStore } from '../../../electron/main/collection-store.ts';
import type { CollectionChanges } from '../../../electron/shared/ipc-contract.ts';
import {
  UserStore,
  type InvalidItem,
  type StoreBackend,
} from '../../../renderer/src/lib/platform/user-store.ts';
import { savedQuerySchema } from '../../../renderer/src/features/sql/sql-storage.ts';

// The user store over the real Electron-side files (the IndexedDB side runs in the e2e tests).
async function fileBackend(dir?: string) {
  const userData = dir ?? (await mkdtemp(join(tmpdir(), 'ctw-user-store-')));
  const files = new CollectionStore(userData);
  const writes: CollectionChanges[][] = [];
  const backend: StoreBackend = {
    read: (collection) => files.read(collection),
    write: (changes) => (writes.push(changes), files.write(changes)),
  };
  return { userData, backend, writes };
}

const itemName = (item: unknown) => String((item as { id: string }).id);
const query = (id: string, name = id) => ({ id, name, folder: 'Chung', sql: `SELECT '${id}'` });

describe('the user store', () => {
  it('merges by id: a store that never read the collection adds to it, replacing nothing else', async () => {
    const { userData, backend } = await fileBackend();
    const first = new UserStore(backend).collection('saved-queries', savedQuerySchema);
    await first.put(query('a'));
    await first.put(query('b'));
    // A second session, as when a save comes before the list was read.
    const later = new UserStore((await fileBackend(userData)).backend).collection(
      'saved-queries',
      savedQuerySchema,
    );
    await later.put(query('c'));
    await later.put({ ...query('a'), name: 'a renamed' });
    expect(await later.all()).toEqual([{ ...query('a'), name: 'a renamed' }, query('b'), query('c')]);
  });

  it('acknowledges a write only when it is on disk, and coalesces writes made meanwhile', async () => {
    const { userData, backend, writes } = await fileBackend();
    const tabs = new UserStore(backend).collection(
      'sql-tabs',
      z.object({ id: z.string(), text: z.string() }),
    );
    const typed = Array.from({ length: 50 }, (_, index) =>
      tabs.put({ id: 'tab-1', text: 'x'.repeat(index + 1) }),
    );
    await typed[0];
    const onDisk = JSON.parse(await readFile(join(userData, 'collections', 'sql-tabs.json'), 'utf8'));
    expect(onDisk.items[0].text.length).toBeGreaterThanOrEqual(1);
    await Promise.all(typed);
    expect(JSON.parse(await readFile(join(userData, 'collections', 'sql-tabs.json'), 'utf8'))).toEqual({
      items: [{ id: 'tab-1', text: 'x'.repeat(50) }],
    });
    expect(writes.length).toBeLessThanOrEqual(2);
  });

  it('flush() sends a queued batch now and resolves when everything is durable', async () => {
    const { backend } = await fileBackend();
    const store = new UserStore(backend);
    const history = store.collection('query-history', z.object({ id: z.string(), sql: z.string() }));
    void history.put({ id: 'r1', sql: 'SELECT 1' });
    void history.put({ id: 'r2', sql: 'SELECT 2' });
    expect(store.pending).toBe(true);
    await store.flush();
    expect(store.pending).toBe(false);
    expect(await history.all()).toHaveLength(2);
  });

  it('after flush(), sends a write at once beside the one on its way, until resume()', async () => {
    const landed: (() => void)[] = [];
    const written: string[][] = [];
    const store = new UserStore({
      read: () => Promise.resolve({ items: [], exists: true }),
      write: (changes) => {
        written.push(changes.flatMap((change) => change.put.map((item) => itemName(item))));
        return new Promise<void>((resolve) => landed.push(resolve));
      },
    });
    const titles = store.collection('chart-edits', z.object({ id: z.string(), title: z.string() }));
    const first = titles.put({ id: 'a', title: 'đang lưu' });
    await Promise.resolve();
    expect(written).toEqual([['a']]);
    // The page is hidden; a listener after the store's commits typed text: it must not wait for 'a'.
    void store.flush();
    const typed = titles.put({ id: 'b', title: 'gõ xong' });
    const alsoTyped = titles.put({ id: 'c', title: 'cùng lúc' });
    await Promise.resolve();
    expect(written).toEqual([['a'], ['b', 'c']]);
    landed.forEach((land) => land());
    await Promise.all([first, typed, alsoTyped]);
    // Shown again: a write waits for the one on its way, and coalesces with those made meanwhile.
    store.resume();
    landed.length = 0;
    const next = titles.put({ id: 'd', title: 'tiếp' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const queued = titles.put({ id: 'e', title: 'sau' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(written.slice(2)).toEqual([['d']]);
    landed.forEach((land) => land());
    await next;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(written.slice(2)).toEqual([['d'], ['e']]);
    landed.at(-1)?.();
    await queued;
  });

  it('reports and skips invalid stored items, and leaves them on disk when saving next to them', async () => {
    const { userData, backend } = await fileBackend();
    await mkdir(join(userData, 'collections'), { recursive: true });
    const stored = [query('good'), { id: 'bad', name: '', folder: 'Chung', sql: 1 }, 'not an item', null];
    await writeFile(join(userData, 'collections', 'saved-queries.json'), JSON.stringify({ items: stored }));
    const reported: InvalidItem[] = [];
    const saved = new UserStore(backend, (invalid) => reported.push(...invalid)).collection(
      'saved-queries',
      savedQuerySchema,
    );
    expect(await saved.all()).toEqual([query('good')]);
    expect(reported.map((item) => item.id)).toEqual(['bad', null, null]);
    expect(reported[0]?.reason).toMatch(/name|sql/);
    await saved.put(query('new'));
    const onDisk = JSON.parse(await readFile(join(userData, 'collections', 'saved-queries.json'), 'utf8'));
    expect(onDisk.items).toEqual([...stored, query('new')]);
  });

  it('refuses to write an item its schema rejects, and writes nothing', async () => {
    const { userData, backend, writes } = await fileBackend();
    const saved = new UserStore(backend).collection('saved-queries', savedQuerySchema);
    await expect(saved.put({ ...query('x'), name: '   ' })).rejects.toThrow(/saved-queries/);
    expect(writes).toEqual([]);
    expect(await readdir(userData)).toEqual([]);
  });

  it('writes the seed once: a seeded item the user deleted stays deleted', async () => {
    const { userData, backend } = await fileBackend();
    const seed = [query('starter-1'), query('starter-2')];
    const saved = new UserStore(backend).collection('saved-queries', savedQuerySchema, { seed });
    expect(await saved.all()).toEqual(seed);
    await saved.delete('starter-1');
    const again = new UserStore((await fileBackend(userData)).backend).collection(
      'saved-queries',
      savedQuerySchema,
      {
        seed,
      },
    );
    expect(await again.all()).toEqual([query('starter-2')]);
  });

  it('rejects the writes of a failed batch and keeps working for the next ones', async () => {
    const { backend } = await fileBackend();
    let fail = true;
    const flaky: StoreBackend = {
      read: backend.read,
      write: (changes) => (fail ? Promise.reject(new Error('disk full')) : backend.write(changes)),
    };
    const saved = new UserStore(flaky).collection('saved-queries', savedQuerySchema);
    await expect(saved.put(query('lost'))).rejects.toThrow('disk full');
    fail = false;
    await saved.put(query('kept'));
    expect(await saved.all()).toEqual([query('kept')]);
  });

  it("reads version 0.1's whole-list documents for collections not written since, and leaves them", async () => {
    const { userData, backend } = await fileBackend();
    const legacy = join(userData, 'store');
    await mkdir(legacy);
    const tabs = {
      tabs: [
        { id: 't1', title: 'A', text: 'SELECT 1' },
        { id: 't2', title: 'B', text: '' },
      ],
      active: 't2',
    };
    await writeFile(join(legacy, 'sql-tabs.json'), JSON.stringify(tabs));
    await writeFile(join(legacy, 'saved-queries.json'), JSON.stringify([query('old')]));
    await writeFile(
      join(legacy, 'pivot-layouts.json'),
      JSON.stringify([{ name: 'Kinh tế', config: { swapped: true } }]),
    );
    const store = new UserStore(backend);
    const any = z.looseObject({ id: z.string() });
    expect(await store.collection('sql-tabs', any).all()).toEqual([
      { id: 't1', title: 'A', text: 'SELECT 1', position: 0 },
      { id: 't2', title: 'B', text: '', position: 1 },
    ]);
    expect(await store.collection('sql-active-tab', any).all()).toEqual([{ id: 'active', tabId: 't2' }]);
    expect(await store.collection('saved-queries', savedQuerySchema, { seed: [query('s')] }).all()).toEqual([
      query('old'),
    ]);
    expect(await store.collection('pivot-layouts', any).all()).toEqual([
      { id: 'Kinh tế', name: 'Kinh tế', config: { swapped: true } },
    ]);
    expect(JSON.parse(await readFile(join(legacy, 'sql-tabs.json'), 'utf8'))).toEqual(tabs);
  });

  it('clears temp files left by a write that was cut short, and keeps the real file', async () => {
    const { userData, backend } = await fileBackend();
    await mkdir(join(userData, 'collections'));
    await writeFile(
      join(userData, 'collections', 'saved-queries.json'),
      JSON.stringify({ items: [query('a')] }),
    );
    await writeFile(join(userData, 'collections', 'saved-queries.json.123.456.abc.tmp'), '{"items": [');
    const saved = new UserStore(backend).collection('saved-queries', savedQuerySchema);
    expect(await saved.all()).toEqual([query('a')]);
    expect(await readdir(join(userData, 'collections'))).toEqual(['saved-queries.json']);
  });

  it('puts an unreadable collection file aside instead of writing over it', async () => {
    const { userData, backend } = await fileBackend();
    await mkdir(join(userData, 'collections'));
    await writeFile(join(userData, 'collections', 'saved-queries.json'), '{"items": [tor');
    const saved = new UserStore(backend).collection('saved-queries', savedQuerySchema);
    expect(await saved.all()).toEqual([]);
    await saved.put(query('new'));
    const files = await readdir(join(userData, 'collections'));
    const aside = files.find((name) => name.startsWith('saved-queries.json.unreadable-'));
    expect(aside).toBeDefined();
    expect(await readFile(join(userData, 'collections', aside!), 'utf8')).toBe('{"items": [tor');
  });
});
