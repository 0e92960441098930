import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ImportsModel } from '../../../renderer/src/features/import/imports-model.svelte.ts';
import { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { Workspace } from '../../../renderer/src/lib/warehouse/workspace.ts';
import { nodeConnector, readDataAsset } from '../../../scripts/lib/node-duckdb.ts';
import { fileStore } from '../../support/file-store.ts';
import { pivotReads } from '../../support/pivot-figures-view.ts';

vi.mock(
  '../../../renderer/src/features/import/import-worker-client.ts',
  () => import('../../support/import-worker-in-process.ts'),
);
vi.stubGlobal('document', { baseURI: pathToFileURL(join(process.cwd(), 'data/')).href });

// Whether the pivot reads the table of its figures, not the view computed on every read.
const pivotReadsTable = async (db: WorkbenchDatabase) => /pivot_figures_table/.test(await pivotReads(db));

// The pivot's table of figures is idle work: computed after an import has told the app what changed
// (it took 9 s at 1M rows, and the "done" notice waited for it).
describe('an import and the idle table of the pivot figures', () => {
  const db = new WorkbenchDatabase(nodeConnector);
  const workspace = new Workspace(db, readDataAsset);

  beforeAll(async () => {
    const loaded = await workspace.load();
    if (!loaded.ok) throw new Error(loaded.error.message);
    await db.idleQuery('SELECT 1');
  }, 120_000);
  afterAll(() => db.close());

  it('reads the schema again before the table is computed again, and computes it after', async () => {
    expect(await pivotReadsTable(db)).toBe(true);
    const seen: boolean[] = [];
    const model = new ImportsModel(
      db,
      workspace,
      fileStore(await mkdtemp(join(tmpdir(), 'ctw-idle-'))),
      async () => {
        seen.push(await pivotReadsTable(db));
      },
    );
    await model.restore();
    const lines = ['Chỉ tiêu;Năm;Giá trị', 'Tỷ lệ hộ nghèo;2024;4,1', 'Tỷ lệ hộ nghèo;2025;3,2'];
    await model.importTable(new File([`${lines.join('\n')}\n`], 'ho-ngheo.csv'));
    seen.length = 0;
    await model.mapTable({
      table: 'ho_ngheo',
      indicator: 'Chỉ tiêu',
      year: 'Năm',
      value: 'Giá trị',
      title: 'Hộ nghèo',
    });
    expect(model.notice).toMatchObject({ kind: 'done', key: 'importArea.tableMapped' });
    // The change pointed the pivot back at the view; the schema was read before the table came back.
    expect(seen).toEqual([false]);
    await db.idleQuery('SELECT 1');
    expect(await pivotReadsTable(db)).toBe(true);
  }, 120_000);
});
