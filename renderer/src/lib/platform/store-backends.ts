import { openDB, type IDBPDatabase } from 'idb';
import type {
  CollectionChanges,
  StoredCollection,
  StoredItem,
} from '../../../../electron/shared/ipc-contract.ts';
import { legacyCollections } from '../../../../electron/shared/legacy-documents.ts';
import { desktopBridge } from './bridge.ts';
import { UserStore, type InvalidItem, type StoreBackend } from './user-store.ts';
import type { WorkbenchBridge } from '../../../../electron/shared/ipc-contract.ts';

const DB_NAME = 'chi-tieu-workbench';
const ITEMS = 'items';
const COLLECTIONS = 'collections';
// Version 1 kept each list as one document here; version 2 keeps items by [collection, id].
const LEGACY = 'documents';

function openUserDatabase(): Promise<IDBPDatabase> {
  return openDB(DB_NAME, 2, {
    async upgrade(db, oldVersion, _newVersion, transaction) {
      db.createObjectStore(ITEMS);
      db.createObjectStore(COLLECTIONS);
      if (oldVersion !== 1 || !db.objectStoreNames.contains(LEGACY)) return;
      // Same transaction as the new stores: the upgrade is all or nothing.
      const legacy = transaction.objectStore(LEGACY);
      for (const key of await legacy.getAllKeys()) {
        for (const changes of legacyCollections(String(key), await legacy.get(key))) {
          for (const item of changes.put)
            await transaction.objectStore(ITEMS).put(item, [changes.collection, item.id]);
          await transaction.objectStore(COLLECTIONS).put(true, changes.collection);
        }
      }
    },
  });
}

/** IndexedDB: one transaction per batch, acknowledged on `complete` with strict durability (flushed to disk). */
export function indexedDbBackend(): StoreBackend {
  let database: Promise<IDBPDatabase> | undefined;
  const db = (): Promise<IDBPDatabase> => {
    database ??= openUserDatabase();
    // A failed open is retried on the next call rather than remembered.
    database.catch(() => (database = undefined));
    return database;
  };
  return {
    async read(collection: string): Promise<StoredCollection> {
      const transaction = (await db()).transaction([ITEMS, COLLECTIONS], 'readonly');
      // [name] sorts before every [name, id] and [name, []] after every one (arrays sort after strings).
      const range = IDBKeyRange.bound([collection], [collection, []]);
      const [items, marker] = await Promise.all([
        transaction.objectStore(ITEMS).getAll(range),
        transaction.objectStore(COLLECTIONS).get(collection),
      ]);
      return { items, exists: marker !== undefined };
    },
    async write(changes: CollectionChanges[]): Promise<void> {
      const transaction = (await db()).transaction([ITEMS, COLLECTIONS], 'readwrite', {
        durability: 'strict',
      });
      const items = transaction.objectStore(ITEMS);
      const requests: Promise<unknown>[] = [];
      for (const change of changes) {
        for (const item of change.put) requests.push(items.put(item, [change.collection, item.id]));
        for (const id of change.delete) requests.push(items.delete([change.collection, id]));
        requests.push(transaction.objectStore(COLLECTIONS).put(true, change.collection));
      }
      // Commit now rather than at the end of the task: on pagehide there may be no later task.
      transaction.commit();
      await Promise.all([...requests, transaction.done]);
    },
    // One readwrite transaction: IndexedDB runs those of every page of the profile one at a time,
    // so the marker is checked and set with nothing in between.
    async seed(collection: string, seedItems: StoredItem[]): Promise<StoredCollection> {
      const transaction = (await db()).transaction([ITEMS, COLLECTIONS], 'readwrite', {
        durability: 'strict',
      });
      const [items, markers] = [transaction.objectStore(ITEMS), transaction.objectStore(COLLECTIONS)];
      if ((await markers.get(collection)) === undefined) {
        await Promise.all([
          ...seedItems.map((item) => items.put(item, [collection, (item as { id: string }).id])),
          markers.put(true, collection),
        ]);
      }
      const stored = await items.getAll(IDBKeyRange.bound([collection], [collection, []]));
      await transaction.done;
      return { items: stored, exists: true };
    },
  };
}

/** Electron: main keeps each collection in a userData file, written atomically and fsync'd. */
export function bridgeBackend(bridge: WorkbenchBridge): StoreBackend {
  return {
    async read(collection: string): Promise<StoredCollection> {
      const result = await bridge.readCollection({ collection });
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    },
    async write(changes: CollectionChanges[]): Promise<void> {
      const result = await bridge.writeCollections({ changes });
      if (!result.ok) throw new Error(result.error.message);
    },
  };
}

/**
 * The app's user store on the platform it runs on, with writes still queued sent as the page goes
 * away (a page cannot wait on unload, but a transaction it has started is committed).
 */
export function openUserStore(onInvalid: (invalid: InvalidItem[]) => void): UserStore {
  const bridge = desktopBridge();
  const store = new UserStore(bridge ? bridgeBackend(bridge) : indexedDbBackend(), onInvalid);
  if (typeof window !== 'undefined') {
    for (const event of ['pagehide', 'beforeunload'] as const) {
      window.addEventListener(event, () => void store.flush());
    }
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') void store.flush();
      else store.resume();
    });
    window.addEventListener('pageshow', () => store.resume());
  }
  return store;
}
