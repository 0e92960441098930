import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JsonValue, StoreKey } from '../shared/ipc-contract.ts';
import { writeFileAtomic } from './atomic-file.ts';

/** Named JSON documents in userData/store, one file each, written atomically and in order. */
export class DocumentStore {
  readonly dir: string;
  #writes: Promise<unknown> = Promise.resolve();

  constructor(userDataDir: string) {
    this.dir = join(userDataDir, 'store');
  }

  /** The document, or null when it was never written or cannot be read (the file is left as it is). */
  async read(key: StoreKey): Promise<JsonValue | null> {
    try {
      return JSON.parse(await readFile(this.#path(key), 'utf8')) as JsonValue;
    } catch {
      return null;
    }
  }

  write(key: StoreKey, value: JsonValue): Promise<void> {
    const write = this.#writes.then(() => writeFileAtomic(this.#path(key), JSON.stringify(value)));
    this.#writes = write.catch(() => undefined);
    return write;
  }

  #path(key: StoreKey): string {
    return join(this.dir, `${key}.json`);
  }
}
