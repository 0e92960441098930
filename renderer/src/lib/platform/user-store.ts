import type { z } from 'zod';
import type {
  CollectionChanges,
  StoredCollection,
  StoredItem,
} from '../../../../electron/shared/ipc-contract.ts';

/** Where the user store keeps its collections: IndexedDB in the browser, userData files in Electron. */
export interface StoreBackend {
  read(collection: string): Promise<StoredCollection>;
  /** Resolves only once every change is durable. */
  write(changes: CollectionChanges[]): Promise<void>;
  /**
   * Atomically: when `collection` was never written, stores `items` (and marks it written); then
   * reads it. Two pages seeding at once thus end with one starter set, and a seed never lands on
   * (or brings back) what another page saved. Without it, a read-then-write stands in: fine for
   * one window (Electron), racy for two pages.
   */
  seed?(collection: string, items: StoredItem[]): Promise<StoredCollection>;
}

/** A stored item that failed its collection's schema: skipped when loading, left untouched on disk. */
export interface InvalidItem {
  collection: string;
  id: string | null;
  reason: string;
}

type Change = { kind: 'put'; item: StoredItem } | { kind: 'delete' };

interface Batch {
  changes: Map<string, Map<string, Change>>;
  started: boolean;
  done: Promise<void>;
  settle: (error?: unknown) => void;
}

/**
 * The one durable store of user state (saved queries, history, tabs, pivot layouts, ...).
 * Items are kept per id, so a save merges into what is stored and never rewrites a whole list.
 * Writes made while another is on its way are coalesced into the next batch; every promise a
 * write returns settles only when its batch is durable.
 */
export class UserStore {
  readonly #backend: StoreBackend;
  readonly #onInvalid: (invalid: InvalidItem[]) => void;
  #next: Batch | null = null;
  #chain: Promise<void> = Promise.resolve();
  #inFlight = new Set<Promise<void>>();
  #leaving = false;

  constructor(backend: StoreBackend, onInvalid: (invalid: InvalidItem[]) => void = () => {}) {
    this.#backend = backend;
    this.#onInvalid = onInvalid;
  }

  /** A typed collection; `seed` is written the first time the collection is read and found never written. */
  collection<T extends { id: string }>(
    name: string,
    schema: z.ZodType<T>,
    options: { seed?: readonly T[] } = {},
  ): Collection<T> {
    if (!/^[a-z][a-z0-9-]{0,39}$/.test(name)) throw new Error(`invalid collection name "${name}"`);
    return new Collection(this, name, schema, options.seed ?? []);
  }

  /**
   * Sends writes still waiting for an earlier one now (the page is being hidden), and every write
   * made after it at once too, until `resume()`: a page going away may get no later task, so a
   * write made in its last moments (typed text a listener commits after this one) cannot wait for
   * an earlier one to land. Resolves when all are durable.
   */
  flush(): Promise<void> {
    this.#leaving = true;
    const next = this.#next;
    if (next && !next.started) this.#commit(next);
    return Promise.all([...this.#inFlight]).then(() => undefined);
  }

  /** The page is shown again: writes queue behind the one on its way again. */
  resume(): void {
    this.#leaving = false;
  }

  /** True while a write is queued or on its way. */
  get pending(): boolean {
    return this.#next !== null || this.#inFlight.size > 0;
  }

  /** @internal */
  read(collection: string): Promise<StoredCollection> {
    return this.#backend.read(collection);
  }

  /** @internal Reads the collection, seeding it first (once, ever) when it was never written. */
  async readSeeded(collection: string, seed: StoredItem[]): Promise<StoredCollection> {
    if (this.#backend.seed) return this.#backend.seed(collection, seed);
    const stored = await this.#backend.read(collection);
    if (stored.exists) return stored;
    await this.enqueue(
      collection,
      seed.map((item) => [itemId(item), { kind: 'put', item }]),
    );
    return { items: seed, exists: true };
  }

  /** @internal */
  report(invalid: InvalidItem[]): void {
    if (invalid.length > 0) this.#onInvalid(invalid);
  }

  /** @internal Queues changes to one collection; resolves when they are durable. */
  enqueue(collection: string, changes: [id: string, change: Change][]): Promise<void> {
    if (!this.#next) {
      const batch = newBatch();
      this.#next = batch;
      // Batches go one after another: the next starts when the one before has settled; while the
      // page is going away, once this task's writes are in it (a microtask later).
      this.#chain = this.#chain.then(() =>
        batch.started ? batch.done.catch(() => {}) : this.#commit(batch),
      );
      if (this.#leaving) queueMicrotask(() => void (batch.started || this.#commit(batch)));
    }
    const byId = this.#next.changes.get(collection) ?? new Map<string, Change>();
    for (const [id, change] of changes) byId.set(id, change);
    this.#next.changes.set(collection, byId);
    return this.#next.done;
  }

  #commit(batch: Batch): Promise<void> {
    batch.started = true;
    if (this.#next === batch) this.#next = null;
    const changes: CollectionChanges[] = [...batch.changes].map(([collection, byId]) => ({
      collection,
      put: [...byId.values()].flatMap((change) => (change.kind === 'put' ? [change.item] : [])),
      delete: [...byId].flatMap(([id, change]) => (change.kind === 'delete' ? [id] : [])),
    }));
    const write = this.#backend.write(changes).then(
      () => batch.settle(),
      (error: unknown) => batch.settle(error ?? new Error('write failed')),
    );
    this.#inFlight.add(write);
    void write.finally(() => this.#inFlight.delete(write));
    return write;
  }
}

// Items are cleaned (validated, plain JSON) with a string id before they reach the store.
function itemId(item: StoredItem): string {
  return String((item as { id: string }).id);
}

function newBatch(): Batch {
  let settle: (error?: unknown) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    settle = (error) => (error === undefined ? resolve() : reject(error));
  });
  // A failed batch is reported to each writer; unobserved, it must not surface as unhandled.
  done.catch(() => {});
  return { changes: new Map(), started: false, done, settle };
}

/** One kind of user state, validated by its zod schema on every load and every write. */
export class Collection<T extends { id: string }> {
  readonly name: string;
  readonly #store: UserStore;
  readonly #schema: z.ZodType<T>;
  readonly #seed: readonly T[];

  constructor(store: UserStore, name: string, schema: z.ZodType<T>, seed: readonly T[]) {
    this.#store = store;
    this.name = name;
    this.#schema = schema;
    this.#seed = seed;
  }

  /** Every valid item; invalid ones are reported and skipped (and stay as they are on disk). */
  async all(): Promise<T[]> {
    const stored =
      this.#seed.length > 0
        ? await this.#store.readSeeded(
            this.name,
            this.#seed.map((item) => this.#clean(item)),
          )
        : await this.#store.read(this.name);
    const items: T[] = [];
    const invalid: InvalidItem[] = [];
    for (const raw of stored.items) {
      const parsed = this.#schema.safeParse(raw);
      if (parsed.success) items.push(parsed.data);
      else {
        const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : null;
        const issue = parsed.error.issues[0];
        invalid.push({
          collection: this.name,
          id,
          reason: `${issue?.path.join('.') || 'item'}: ${issue?.message ?? 'invalid'}`,
        });
      }
    }
    this.#store.report(invalid);
    return items;
  }

  /** Stores the item under its id (replacing that id only); resolves once it is durable. */
  put(item: T): Promise<void> {
    return this.write({ put: [item] });
  }

  /** Removes the item with this id; resolves once that is durable. */
  delete(id: string): Promise<void> {
    return this.write({ delete: [id] });
  }

  /** Several puts and deletes written together; resolves once all are durable. */
  write({
    put = [],
    delete: remove = [],
  }: {
    put?: readonly T[];
    delete?: readonly string[];
  }): Promise<void> {
    let changes: [string, Change][];
    try {
      changes = [
        ...put.map((item): [string, Change] => {
          const clean = this.#clean(item);
          return [clean.id, { kind: 'put', item: clean }];
        }),
        ...remove.map((id): [string, Change] => [id, { kind: 'delete' }]),
      ];
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return this.#store.enqueue(this.name, changes);
  }

  // Only what the schema accepts is written, as plain JSON (never a reactive proxy).
  #clean(item: T): StoredItem {
    const parsed = this.#schema.safeParse(item);
    if (!parsed.success) {
      throw new Error(`${this.name}: ${parsed.error.issues[0]?.message ?? 'invalid item'}`);
    }
    return JSON.parse(JSON.stringify(parsed.data)) as StoredItem;
  }
}
