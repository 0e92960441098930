import { CollectionStore } from '../../electron/main/collection-store.ts';
import { UserStore, type StoreBackend } from '../../renderer/src/lib/platform/user-store.ts';

/** The user store over the real Electron-side files in `userData`, as the desktop app keeps it. */
export function fileStore(userData: string, failWrites = false): UserStore {
  const files = new CollectionStore(userData);
  const backend: StoreBackend = {
    read: (collection) => files.read(collection),
    write: (changes) => (failWrites ? Promise.reject(new Error('disk full')) : files.write(changes)),
  };
  return new UserStore(backend);
}
