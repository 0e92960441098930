import { openDB, type IDBPDatabase } from 'idb';
import type { JsonValue, StoreKey } from '../../../../electron/shared/ipc-contract.ts';
import { desktopBridge } from './bridge.ts';

const DB_NAME = 'chi-tieu-workbench';
const STORE = 'documents';

let database: Promise<IDBPDatabase> | undefined;

function browserDatabase(): Promise<IDBPDatabase> {
  database ??= openDB(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore(STORE);
    },
  });
  return database;
}

/** A named JSON document: in userData through main in Electron, in IndexedDB in the browser. */
export async function loadDocument(key: StoreKey): Promise<JsonValue | null> {
  const bridge = desktopBridge();
  if (bridge) {
    const result = await bridge.readStore({ key });
    return result.ok ? result.value : null;
  }
  try {
    return ((await (await browserDatabase()).get(STORE, key)) as JsonValue | undefined) ?? null;
  } catch {
    return null;
  }
}

/** Saves a named JSON document; throws a readable error when it cannot be kept. */
export async function saveDocument(key: StoreKey, value: JsonValue): Promise<void> {
  const bridge = desktopBridge();
  if (bridge) {
    const result = await bridge.writeStore({ key, value });
    if (!result.ok) throw new Error(result.error.message);
    return;
  }
  await (await browserDatabase()).put(STORE, value, key);
}
