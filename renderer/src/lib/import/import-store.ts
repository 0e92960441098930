import { z } from 'zod';
import type { UserStore } from '../platform/user-store.ts';
import type { WarehouseRow } from '../warehouse/columns.ts';
import type { UserTableMapping } from './user-observations.ts';

// Each write stays well under the desktop store's 8 MB per write, each content collection under its 16 MB.
const PART_CHARS = 1_500_000;

const rowSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

const documentEntrySchema = z.object({
  id: z.string().min(1),
  fileName: z.string(),
  format: z.enum(['txt', 'md', 'docx', 'pdf']),
  title: z.string(),
  sha256: z.string(),
  importedAt: z.string(),
  figures: z.number().int().nonnegative(),
  /** The collection holding the document's text and rows, in parts. */
  content: z.string().regex(/^imported-doc-[a-z0-9]{1,24}$/),
  parts: z.number().int().positive(),
});

const mappingSchema = z.object({
  table: z.string(),
  indicator: z.string(),
  year: z.string(),
  value: z.string(),
  unit: z.string().optional(),
  measure: z.string().optional(),
  title: z.string(),
});

const tableEntrySchema = z.object({
  /** The table's name in the user schema. */
  id: z.string().min(1),
  fileName: z.string(),
  importedAt: z.string(),
  rows: z.number().int().nonnegative(),
  content: z.string().regex(/^user-table-[a-z0-9]{1,24}$/),
  parts: z.number().int().positive(),
  /** Set once the user mapped the table to observations of a "user" source. */
  mapping: mappingSchema.nullable(),
});

const partSchema = z.object({ id: z.string().regex(/^part-\d+$/), text: z.string() });

const documentContentSchema = z.object({
  text: z.string(),
  document: rowSchema,
  observations: z.array(rowSchema),
  indicators: z.array(rowSchema),
});

/** An imported document as listed (its text and rows are stored apart, in parts). */
export type ImportedDocumentEntry = z.infer<typeof documentEntrySchema>;
/** An imported user table as listed, with the mapping that makes it a source, if any. */
export type UserTableEntry = z.infer<typeof tableEntrySchema>;
/** A user table's mapping to observations, and the title its source document gets. */
export type StoredMapping = UserTableMapping & { title: string };
/** What is kept of an imported document: its text and the rows its extraction gave. */
export interface ImportedDocumentContent {
  text: string;
  document: WarehouseRow;
  observations: WarehouseRow[];
  indicators: WarehouseRow[];
}

/** An entry whose content could not be read back whole: listed so the user can remove it. */
export interface BrokenEntry {
  id: string;
  reason: string;
  kind: 'document' | 'table';
  /** What the store holds of it, so removing it forgets the entry and whatever parts it still has. */
  stored: Pick<ImportedDocumentEntry, 'id' | 'content' | 'parts'>;
}

/**
 * Imported documents and user tables in the one durable user store: a list entry per item, and
 * the item's content (text, rows, CSV) in a collection of its own, in parts. Content is written
 * before the entry and removed after it, so an entry always names complete content.
 */
export class ImportStore {
  readonly #store: UserStore;
  readonly #documents;
  readonly #tables;

  constructor(store: UserStore) {
    this.#store = store;
    this.#documents = store.collection('imported-documents', documentEntrySchema);
    this.#tables = store.collection('user-tables', tableEntrySchema);
  }

  /** Every imported document with its content; entries whose content is incomplete come back as broken. */
  async documents(): Promise<{
    items: { entry: ImportedDocumentEntry; content: ImportedDocumentContent }[];
    broken: BrokenEntry[];
  }> {
    const items: { entry: ImportedDocumentEntry; content: ImportedDocumentContent }[] = [];
    const broken: BrokenEntry[] = [];
    for (const entry of await this.#documents.all()) {
      const text = await this.#readParts(entry.content, entry.parts);
      const parsed = text === null ? null : documentContentSchema.safeParse(safeJson(text));
      if (parsed?.success) items.push({ entry, content: parsed.data });
      else
        broken.push({
          id: entry.id,
          reason: text === null ? 'missing parts' : 'unreadable content',
          kind: 'document',
          stored: { id: entry.id, content: entry.content, parts: entry.parts },
        });
    }
    return { items, broken };
  }

  /** Keeps an imported document; resolves once it is durable. */
  async putDocument(
    entry: Omit<ImportedDocumentEntry, 'content' | 'parts'>,
    content: ImportedDocumentContent,
  ): Promise<ImportedDocumentEntry> {
    const collection = `imported-doc-${randomId()}`;
    const parts = await this.#writeParts(collection, JSON.stringify(content));
    const stored = { ...entry, content: collection, parts };
    await this.#documents.put(stored);
    return stored;
  }

  /** Forgets an imported document (its entry first, then its content). */
  async removeDocument(entry: Pick<ImportedDocumentEntry, 'id' | 'content' | 'parts'>): Promise<void> {
    await this.#documents.delete(entry.id);
    await this.#deleteParts(entry.content, entry.parts);
  }

  /** Every user table entry with its CSV text (null when its parts cannot be read back). */
  async tables(): Promise<{ entry: UserTableEntry; csvText: string | null }[]> {
    const entries = await this.#tables.all();
    return Promise.all(
      entries.map(async (entry) => ({ entry, csvText: await this.#readParts(entry.content, entry.parts) })),
    );
  }

  /** Keeps a user table's CSV text under its table name; resolves once it is durable. */
  async putTable(entry: Omit<UserTableEntry, 'content' | 'parts'>, csvText: string): Promise<UserTableEntry> {
    const collection = `user-table-${randomId()}`;
    const parts = await this.#writeParts(collection, csvText);
    const stored = { ...entry, content: collection, parts };
    await this.#tables.put(stored);
    return stored;
  }

  /** Replaces a table's entry (its mapping changed); the content stays. */
  updateTable(entry: UserTableEntry): Promise<void> {
    return this.#tables.put(entry);
  }

  /** Forgets a user table (its entry first, then its content). */
  async removeTable(entry: Pick<UserTableEntry, 'id' | 'content' | 'parts'>): Promise<void> {
    await this.#tables.delete(entry.id);
    await this.#deleteParts(entry.content, entry.parts);
  }

  async #writeParts(collection: string, text: string): Promise<number> {
    const parts = this.#store.collection(collection, partSchema);
    const count = Math.max(1, Math.ceil(text.length / PART_CHARS));
    // One part per write: each stays under the desktop store's limit for a single write.
    for (let n = 0; n < count; n++) {
      await parts.put({ id: `part-${n}`, text: text.slice(n * PART_CHARS, (n + 1) * PART_CHARS) });
    }
    return count;
  }

  async #readParts(collection: string, count: number): Promise<string | null> {
    const parts = await this.#store.collection(collection, partSchema).all();
    const byId = new Map(parts.map((part) => [part.id, part.text]));
    const texts: string[] = [];
    for (let n = 0; n < count; n++) {
      const text = byId.get(`part-${n}`);
      if (text === undefined) return null;
      texts.push(text);
    }
    return texts.join('');
  }

  async #deleteParts(collection: string, count: number): Promise<void> {
    const ids = Array.from({ length: count }, (_, n) => `part-${n}`);
    await this.#store.collection(collection, partSchema).write({ delete: ids });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function randomId(): string {
  return crypto.randomUUID().replaceAll('-', '').slice(0, 16);
}
