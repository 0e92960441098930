import { describe, expect, it } from 'vitest';
import { DocumentsModel } from '../../../renderer/src/features/documents/documents-model.svelte.ts';
import { readDataAsset } from '../../../scripts/lib/node-duckdb.ts';
import { heldDatabase } from '../../support/held-database.ts';
import { useWarehouseDatabase } from '../../support/warehouse-database.ts';

const REPORT = '2025_bao-cao-ktxh-2021-2025_phuong-huong-2026-2030';
const PLAN = '2025-12-10_nghi-quyet-67-hdnd_ke-hoach-2026';

describe('the documents model when two openings overlap on the real engine', () => {
  const warehouse = useWarehouseDatabase();

  it('shows the document opened last even when the first one is answered after it', async () => {
    const held = heldDatabase(warehouse.db);
    const documents = new DocumentsModel(held.db, readDataAsset);
    await documents.loadDocuments();
    held.hold((_sql, params) => params.includes(REPORT));
    const older = documents.open(REPORT, { start: 0, end: 1 });
    expect(await documents.open(PLAN)).toBe(true);
    const planMarks = documents.marks;
    expect(planMarks.length).toBeGreaterThan(0);
    held.release();
    expect(await older).toBe(false);
    expect(documents.selectedId).toBe(PLAN);
    expect(documents.marks).toBe(planMarks);
    expect(documents.focus).toBeNull();
  });

  it('says a figure it cannot find is not found, and an unreadable file unreadable', async () => {
    const documents = new DocumentsModel(warehouse.db, async () => {
      throw new Error('ENOENT');
    });
    expect(await documents.openObservation('khong-co')).toBe(false);
    expect(documents.problem).toEqual({ kind: 'notFound' });
    expect(await documents.open(PLAN)).toBe(false);
    expect(documents.problem).toEqual({ kind: 'unreadable', cause: 'Error: ENOENT' });
  });

  it('reads a document opened before its list loaded at its own path, and never guesses a path', async () => {
    const read: string[] = [];
    const documents = new DocumentsModel(warehouse.db, async (path) => {
      read.push(path);
      return readDataAsset(path);
    });
    expect(await documents.open(PLAN)).toBe(true);
    expect(documents.selectedId).toBe(PLAN);
    const listed = documents.documents.find((doc) => doc.docId === PLAN);
    expect(read).toEqual([listed?.sourcePath]);
    expect(await documents.open('khong-co-tai-lieu-nay')).toBe(false);
    expect(documents.problem).toEqual({ kind: 'notFound' });
    expect(read).toHaveLength(1);
  });
});
