import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CollectionChanges, StoredCollection, StoredItem } from '../shared/ipc-contract.ts';
import { LEGACY_KEYS, legacyCollections } from '../shared/legacy-documents.ts';
import { writeFileAtomic } from './atomic-file.ts';

// A collection is a list of small JSON items (saved queries, history, layouts), never a dataset.
const MAX_COLLECTION_BYTES = 16 * 1024 * 1024;

/**
 * The user store's collections, one file each in userData/collections: `{ "items": [...] }`.
 * Operations run one at a time, so merges never interleave; a write resolves once its files are
 * durable (see writeFileAtomic). Version 0.1's whole-list documents in userData/store are read
 * (never changed) for any collection that has no file yet.
 */
export class CollectionStore {
  readonly dir: string;
  readonly #legacyDir: string;
  #queue: Promise<unknown> = Promise.resolve();
  #cache = new Map<string, StoredItem[] | null>();
  #legacy: Promise<Map<string, StoredItem[]>> | undefined;
  #swept: Promise<void> | undefined;

  constructor(userDataDir: string) {
    this.dir = join(userDataDir, 'collections');
    this.#legacyDir = join(userDataDir, 'store');
  }

  /** The collection's items in the order they were first written. */
  read(collection: string): Promise<StoredCollection> {
    return this.#run(async () => {
      const items = await this.#load(collection);
      return { items: items ?? [], exists: items !== null };
    });
  }

  /** Puts items by id and deletes ids; resolves once every changed file is on disk. */
  write(changes: CollectionChanges[]): Promise<void> {
    return this.#run(async () => {
      for (const change of changes) {
        const items = [...((await this.#load(change.collection)) ?? [])];
        const deleted = new Set(change.delete);
        const kept = items.filter((item) => !deleted.has(idOf(item) ?? ''));
        for (const item of change.put) {
          const at = kept.findIndex((existing) => idOf(existing) === item.id);
          if (at >= 0) kept[at] = item;
          else kept.push(item);
        }
        const text = JSON.stringify({ items: kept });
        if (text.length > MAX_COLLECTION_BYTES) throw new Error(`${change.collection}: collection too large`);
        await writeFileAtomic(this.#path(change.collection), text);
        this.#cache.set(change.collection, kept);
      }
    });
  }

  /** Resolves when every operation queued so far has finished (main waits for this before quitting). */
  idle(): Promise<void> {
    return this.#queue.then(() => undefined);
  }

  #run<T>(operation: () => Promise<T>): Promise<T> {
    this.#queue = this.#queue.then(() => (this.#swept ??= this.#sweepTempFiles()));
    const result = this.#queue.then(operation);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #load(collection: string): Promise<StoredItem[] | null> {
    const cached = this.#cache.get(collection);
    if (cached !== undefined) return cached;
    const path = this.#path(collection);
    const text = await readFile(path, 'utf8').catch(() => null);
    let items: StoredItem[] | null = null;
    if (text !== null) {
      items = parseCollection(text);
      // An unreadable file is kept aside for a person to look at, never overwritten.
      if (items === null) await rename(path, `${path}.unreadable-${Date.now()}`);
    }
    if (items === null) items = (await this.#legacyItems()).get(collection) ?? null;
    this.#cache.set(collection, items);
    return items;
  }

  // Temp files of writes cut short by a crash; the single-instance lock means none is in use now.
  async #sweepTempFiles(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(
      names.filter((name) => name.endsWith('.tmp')).map((name) => rm(join(this.dir, name), { force: true })),
    );
  }

  #legacyItems(): Promise<Map<string, StoredItem[]>> {
    this.#legacy ??= (async () => {
      const byCollection = new Map<string, StoredItem[]>();
      for (const key of LEGACY_KEYS) {
        let value: unknown;
        try {
          value = JSON.parse(await readFile(join(this.#legacyDir, `${key}.json`), 'utf8'));
        } catch {
          continue;
        }
        for (const change of legacyCollections(key, value)) byCollection.set(change.collection, change.put);
      }
      return byCollection;
    })();
    return this.#legacy;
  }

  #path(collection: string): string {
    return join(this.dir, `${collection}.json`);
  }
}

function parseCollection(text: string): StoredItem[] | null {
  try {
    const value = JSON.parse(text) as { items?: unknown };
    return Array.isArray(value.items) ? (value.items as StoredItem[]) : null;
  } catch {
    return null;
  }
}

// Items are checked on the way in, but a file edited by hand may hold anything: it is kept, not trusted.
function idOf(item: unknown): string | null {
  return typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string'
    ? item.id
    : null;
}
