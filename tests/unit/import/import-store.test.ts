import { describe, expect, it } from 'vitest';
import type {
  CollectionChanges,
  StoredCollection,
  StoredItem,
} from '../../../electron/shared/ipc-contract.ts';
import { guessMapping } from '../../../renderer/src/lib/import/guess-mapping.ts';
import { ImportStore } from '../../../renderer/src/lib/import/import-store.ts';
import { UserStore, type StoreBackend } from '../../../renderer/src/lib/platform/user-store.ts';

/** The store's contract in memory: items by collection and id, each write's size recorded. */
function memoryBackend(): StoreBackend & { writes: number[]; data: Map<string, Map<string, StoredItem>> } {
  const data = new Map<string, Map<string, StoredItem>>();
  const writes: number[] = [];
  return {
    data,
    writes,
    read(collection: string): Promise<StoredCollection> {
      const items = data.get(collection);
      return Promise.resolve({ items: [...(items?.values() ?? [])], exists: items !== undefined });
    },
    write(changes: CollectionChanges[]): Promise<void> {
      writes.push(JSON.stringify({ changes }).length);
      for (const change of changes) {
        const items = data.get(change.collection) ?? new Map<string, StoredItem>();
        for (const item of change.put) items.set(item.id, item);
        for (const id of change.delete) items.delete(id);
        data.set(change.collection, items);
      }
      return Promise.resolve();
    },
  };
}

const entry = {
  id: 'ke-hoach',
  fileName: 'Kế hoạch.docx',
  format: 'docx' as const,
  title: 'Kế hoạch',
  sha256: 'a'.repeat(64),
  importedAt: '2026-12-01T00:00:00.000Z',
  figures: 1,
};

describe('the import store', () => {
  it('keeps a long document in parts under the desktop store’s 8 MB per write, and reads it back whole', async () => {
    const backend = memoryBackend();
    const store = new ImportStore(new UserStore(backend));
    const text = 'Tỷ lệ che phủ rừng đạt 65,7%.\n'.repeat(200_000);
    const content = {
      text,
      document: { doc_id: 'ke-hoach', title: 'Kế hoạch' },
      observations: [{ obs_id: 'ke-hoach:23-28', value_low: 65.7, is_estimate: false, base_year: null }],
      indicators: [],
    };
    const stored = await store.putDocument(entry, content);
    expect(stored.parts).toBeGreaterThan(3);
    expect(Math.max(...backend.writes)).toBeLessThan(8 * 1024 * 1024);
    const { items, broken } = await new ImportStore(new UserStore(backend)).documents();
    expect(broken).toEqual([]);
    expect(items).toHaveLength(1);
    expect(items[0]?.content).toEqual(content);
  });

  it('lists a document whose parts are missing as broken, and removes entry and parts', async () => {
    const backend = memoryBackend();
    const store = new ImportStore(new UserStore(backend));
    const stored = await store.putDocument(entry, {
      text: 'x',
      document: {},
      observations: [],
      indicators: [],
    });
    backend.data.get(stored.content)?.delete('part-0');
    expect(await store.documents()).toEqual({
      items: [],
      broken: [
        {
          id: 'ke-hoach',
          reason: 'missing parts',
          kind: 'document',
          stored: { id: 'ke-hoach', content: stored.content, parts: stored.parts },
        },
      ],
    });
    await store.removeDocument(stored);
    expect((await store.documents()).broken).toEqual([]);
    expect(backend.data.get(stored.content)?.size).toBe(0);
  });

  it('keeps a user table’s CSV text and its mapping', async () => {
    const backend = memoryBackend();
    const store = new ImportStore(new UserStore(backend));
    const table = await store.putTable(
      { id: 'dan_so', fileName: 'Dân số.csv', importedAt: entry.importedAt, rows: 1, mapping: null },
      'chi_tieu;nam;gia_tri\nDân số;2024;812.000\n',
    );
    const mapping = {
      table: 'dan_so',
      indicator: 'chi_tieu',
      year: 'nam',
      value: 'gia_tri',
      title: 'Cục Thống kê',
    };
    await store.updateTable({ ...table, mapping });
    const [read] = await store.tables();
    expect(read?.csvText).toBe('chi_tieu;nam;gia_tri\nDân số;2024;812.000\n');
    expect(read?.entry.mapping).toEqual(mapping);
    await store.removeTable(table);
    expect(await store.tables()).toEqual([]);
  });
});

describe('the guided mapping’s first guess', () => {
  it('reads Vietnamese and English column names, diacritics ignored', () => {
    expect(
      guessMapping([
        { name: 'Chỉ tiêu', type: 'VARCHAR' },
        { name: 'Năm', type: 'BIGINT' },
        { name: 'Giá trị', type: 'DOUBLE' },
        { name: 'ĐVT', type: 'VARCHAR' },
      ]),
    ).toEqual({ indicator: 'Chỉ tiêu', year: 'Năm', value: 'Giá trị', unit: 'ĐVT', measure: '' });
    expect(
      guessMapping([
        { name: 'indicator_id', type: 'VARCHAR' },
        { name: 'year', type: 'BIGINT' },
        { name: 'value', type: 'DOUBLE' },
      ]),
    ).toEqual({ indicator: 'indicator_id', year: 'year', value: 'value', unit: '', measure: '' });
  });

  it('falls back on column types when the names say nothing', () => {
    expect(
      guessMapping([
        { name: 'a', type: 'VARCHAR' },
        { name: 'b', type: 'BIGINT' },
        { name: 'c', type: 'DOUBLE' },
      ]),
    ).toMatchObject({ indicator: 'a', year: 'b', value: 'c' });
  });
});
