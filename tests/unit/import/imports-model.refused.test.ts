import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ImportsModel } from '../../../renderer/src/features/import/imports-model.svelte.ts';
import { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { appObject } from '../../../renderer/src/lib/db/sql.ts';
import { ImportStore } from '../../../renderer/src/lib/import/import-store.ts';
import { Workspace } from '../../../renderer/src/lib/warehouse/workspace.ts';
import { nodeConnector, readDataAsset } from '../../../scripts/lib/node-duckdb.ts';
import { fileStore } from '../../support/file-store.ts';

// The import worker's own jobs, run in this process: vitest has no Web Worker to start it in.
vi.mock('../../../renderer/src/features/import/import-worker-client.ts', async () => {
  const { prepareUserTable } = await import('../../../renderer/src/lib/import/user-table.ts');
  return {
    ImportWorker: class {
      run(kind: string, input: { fileName: string; bytes: Uint8Array }) {
        if (kind !== 'table') throw new Error(`not run in this test: ${kind}`);
        return prepareUserTable(input.fileName, input.bytes);
      }
    },
  };
});

const ROWS = 120_000;
const csv = () => {
  const lines = ['Chỉ tiêu;Năm;Giá trị'];
  for (let i = 0; i < ROWS; i++) lines.push(`Chỉ tiêu thử ${i % 4000};${2000 + (i % 26)};${i},5`);
  return new File([`${lines.join('\n')}\n`], 'rat-lon.csv');
};

// An engine with little memory: the mapped table's figures do not fit, and the model must neither
// keep the mapping nor say it made figures.
describe('a mapped user table whose figures the workspace refuses', () => {
  const db = new WorkbenchDatabase(nodeConnector);
  const workspace = new Workspace(db, readDataAsset);
  let userData = '';

  const observations = async () => {
    const rows = await db.queryRows(`SELECT count(*) AS n FROM ${appObject('observations')}`, [], (row) =>
      Number(row.n),
    );
    if (!rows.ok) throw new Error(rows.error.message);
    return rows.value[0]!;
  };

  beforeAll(async () => {
    userData = await mkdtemp(join(tmpdir(), 'ctw-imports-'));
    const limited = await db.query("SET memory_limit = '64MB'");
    if (!limited.ok) throw new Error(limited.error.message);
    const loaded = await workspace.load();
    if (!loaded.ok) throw new Error(loaded.error.message);
  }, 120_000);
  afterAll(() => db.close());

  it(
    'says memory ran short with the sizes, adds no figure, and keeps the table unmapped',
    { timeout: 300_000 },
    async () => {
      const model = new ImportsModel(db, workspace, fileStore(userData), async () => {});
      await model.restore();
      const before = await observations();
      await model.importTable(csv());
      expect(model.tables.map((table) => table.id)).toEqual(['rat_lon']);
      await model.mapTable({
        table: 'rat_lon',
        indicator: 'Chỉ tiêu',
        year: 'Năm',
        value: 'Giá trị',
        title: 'Thử',
      });
      expect(model.notice).toMatchObject({
        kind: 'problem',
        problem: { key: 'importArea.tooLargeForMemory' },
      });
      expect(await observations()).toBe(before);
      expect(model.tables[0]?.mapping).toBeNull();
      // What the next start reads: the table, not its mapping.
      const stored = await new ImportStore(fileStore(userData)).tables();
      expect(stored.map(({ entry }) => [entry.id, entry.mapping])).toEqual([['rat_lon', null]]);
    },
  );
});
