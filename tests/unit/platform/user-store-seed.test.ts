import { describe, expect, it } from 'vitest';
import type { CollectionChanges, StoredItem } from '../../../electron/shared/ipc-contract.ts';
import { UserStore, type StoreBackend } from '../../../renderer/src/lib/platform/user-store.ts';
import { savedQuerySchema } from '../../../renderer/src/features/sql/sql-storage.ts';
import { STARTER_QUERIES } from '../../../renderer/src/features/sql/starter-queries.ts';

/**
 * One profile's storage shared by several pages, with IndexedDB's rule that transactions run one
 * at a time in the order they were asked for. A page can be held: its writes (and seeds) wait until
 * it goes on, as when its transaction is scheduled after another page's.
 */
function sharedProfile() {
  const items = new Map<string, Map<string, StoredItem>>();
  const written = new Set<string>();
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => T): Promise<T> => {
    const result = turn.then(work);
    turn = result.catch(() => undefined);
    return result;
  };
  const snapshot = (collection: string) => ({
    items: [...(items.get(collection)?.values() ?? [])].map((item) => structuredClone(item)),
    exists: written.has(collection),
  });
  const apply = (changes: CollectionChanges[]) => {
    for (const change of changes) {
      const byId = items.get(change.collection) ?? new Map<string, StoredItem>();
      for (const item of change.put) byId.set(item.id, structuredClone(item));
      for (const id of change.delete) byId.delete(id);
      items.set(change.collection, byId);
      written.add(change.collection);
    }
  };
  const page = () => {
    let gate: Promise<void> = Promise.resolve();
    let go: () => void = () => {};
    const backend: StoreBackend = {
      read: (collection) => inTurn(() => snapshot(collection)),
      write: async (changes) => (await gate, inTurn(() => apply(changes))),
      seed: async (collection, seed) => (
        await gate,
        inTurn(() => {
          if (!written.has(collection)) apply([{ collection, put: seed, delete: [] }]);
          return snapshot(collection);
        })
      ),
    };
    return {
      backend,
      hold: () => (gate = new Promise((resolve) => (go = resolve))),
      go: () => go(),
    };
  };
  return { page, ids: (collection: string) => [...(items.get(collection)?.keys() ?? [])] };
}

const queries = (backend: StoreBackend) =>
  new UserStore(backend).collection('saved-queries', savedQuerySchema, { seed: STARTER_QUERIES });
const byId = <T extends { id: string }>(items: T[]) => items.toSorted((x, y) => x.id.localeCompare(y.id));

describe('seeding the starter state from several pages at once', () => {
  it('ends with exactly one starter set when two pages find the profile empty together', async () => {
    const profile = sharedProfile();
    const [a, b] = [queries(profile.page().backend), queries(profile.page().backend)];
    const [seenByA, seenByB] = await Promise.all([a.all(), b.all()]);
    expect(seenByA).toEqual(STARTER_QUERIES);
    expect(seenByB).toEqual(STARTER_QUERIES);
    expect(profile.ids('saved-queries')).toEqual(STARTER_QUERIES.map((query) => query.id));
  });

  it('never lets a late seed land on what another page saved, renamed or deleted meanwhile', async () => {
    const profile = sharedProfile();
    const [pageA, pageB] = [profile.page(), profile.page()];
    const [a, b] = [queries(pageA.backend), queries(pageB.backend)];
    // Both open on the empty profile; B's transaction comes after A has seeded and changed things.
    pageB.hold();
    const seenByB = b.all();
    const [first, second] = await a.all();
    if (!first || !second) throw new Error('the starter set has at least two queries');
    const mine = { id: 'q-a', name: 'Của thẻ A', folder: 'Chung', sql: 'SELECT 1' };
    await Promise.all([a.put(mine), a.put({ ...first, name: 'Đổi tên ở thẻ A' }), a.delete(second.id)]);
    pageB.go();
    const expected = byId([{ ...first, name: 'Đổi tên ở thẻ A' }, ...STARTER_QUERIES.slice(2), mine]);
    expect(byId(await seenByB)).toEqual(expected);
    expect(byId(await a.all())).toEqual(expected);
  });

  it('validates the seed like any write: a starter the schema refuses is never stored', async () => {
    const profile = sharedProfile();
    const broken = new UserStore(profile.page().backend).collection('saved-queries', savedQuerySchema, {
      seed: [{ id: 'bad', name: '', folder: 'Chung', sql: 'SELECT 1' }],
    });
    await expect(broken.all()).rejects.toThrow(/saved-queries/);
    expect(profile.ids('saved-queries')).toEqual([]);
  });
});
