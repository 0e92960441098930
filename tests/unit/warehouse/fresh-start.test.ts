import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import type { FreshStart, Workspace } from '../../../renderer/src/lib/warehouse/workspace.ts';
import { openWarehouseDatabase } from '../../../scripts/lib/node-duckdb.ts';

async function count(db: WorkbenchDatabase, sql: string): Promise<number> {
  const result = await db.query(sql);
  if (!result.ok) throw new Error(result.error.message);
  return Number(Object.values(result.value.get(0)?.toJSON() ?? {})[0]);
}

async function userRun(db: WorkbenchDatabase, workspace: Workspace, sql: string): Promise<void> {
  const result = await db.userQuery(sql);
  if (!result.ok) throw new Error(`${sql}: ${result.error.message}`);
  const checked = await workspace.protect();
  if (!checked.ok) throw new Error(checked.error.message);
}

describe('a fresh database (a reset, a detached catalogue) over the real engine', () => {
  let db: WorkbenchDatabase;
  let workspace: Workspace;
  let observations: number;
  const fresh: FreshStart[] = [];

  beforeAll(async () => {
    ({ db, workspace } = await openWarehouseDatabase());
    workspace.onFreshStart((event) => fresh.push(event));
    observations = await count(db, 'SELECT count(*) FROM memory.main.observations');
  }, 120_000);
  afterAll(() => db.close());

  it('says which tables, views and macros users made were dropped by a reset, and nothing else', async () => {
    fresh.length = 0;
    await userRun(db, workspace, 'CREATE TABLE ghi_chu AS SELECT 1 AS x');
    await userRun(db, workspace, 'CREATE VIEW tong_so AS SELECT count(*) AS n FROM observations');
    await userRun(db, workspace, 'CREATE MACRO gap_doi(x) AS x * 2');
    await userRun(db, workspace, 'CREATE TABLE memory.main.ban_nhap AS SELECT 2 AS y');
    expect((await workspace.reset()).ok).toBe(true);
    expect(fresh).toEqual([
      {
        cause: 'reset',
        lost: ['main.ban_nhap', 'workspace.gap_doi', 'workspace.ghi_chu', 'workspace.tong_so'],
      },
    ]);
    expect(await count(db, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'ghi_chu'")).toBe(0);
    expect(await count(db, 'SELECT count(*) FROM memory.main.observations')).toBe(observations);
  });

  it('reports an empty list when a reset finds nothing users made', async () => {
    fresh.length = 0;
    expect((await workspace.reset()).ok).toBe(true);
    expect(fresh).toEqual([{ cause: 'reset', lost: [] }]);
  });

  it('says the user table is gone when a statement detaches the app catalogue', async () => {
    fresh.length = 0;
    await userRun(db, workspace, 'CREATE TABLE so_lieu_rieng AS SELECT 42 AS x');
    await userRun(db, workspace, "ATTACH ':memory:' AS khac; USE khac; DETACH memory");
    expect(fresh).toEqual([{ cause: 'detached', lost: ['workspace.so_lieu_rieng'] }]);
    expect(await count(db, 'SELECT count(*) FROM memory.main.observations')).toBe(observations);
  });

  it('does not report a fresh start when a statement only damages a base table', async () => {
    fresh.length = 0;
    await userRun(db, workspace, 'DELETE FROM observations');
    expect(fresh).toEqual([]);
    expect(await count(db, 'SELECT count(*) FROM memory.main.observations')).toBe(observations);
  });

  // Regression: a query issued while the reset was rebuilding ran in between its steps, and read an
  // empty catalogue (or no table at all) as if that were the answer.
  it('makes a query issued during a reset wait for it, so it reads the whole warehouse', async () => {
    await userRun(db, workspace, 'CREATE TABLE ghi_chu AS SELECT 1 AS x');
    const resetting = workspace.reset();
    // Issued after the reset began: on the app's connection and on the user's.
    const appCount = db.query('SELECT count(*) AS n FROM memory.main.observations');
    const tables = db.userQuery(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'observations'",
    );
    const userTable = db.userQuery('SELECT count(*) AS n FROM ghi_chu');
    expect((await resetting).ok).toBe(true);
    const app = await appCount;
    expect(app.ok && Number(app.value.get(0)?.n)).toBe(observations);
    const listed = await tables;
    expect(listed.ok && Number(listed.value.get(0)?.n)).toBe(1);
    // The user's own table is gone after the reset: an error, never an empty answer.
    const gone = await userTable;
    expect(gone.ok).toBe(false);
  });

  it('lets a query queued before a reset finish on the database it was asked of', async () => {
    await userRun(db, workspace, 'CREATE TABLE truoc_reset AS SELECT 7 AS x');
    const before = db.userQuery('SELECT x FROM truoc_reset');
    const resetting = workspace.reset();
    const answer = await before;
    expect(answer.ok && Number(answer.value.get(0)?.x)).toBe(7);
    expect((await resetting).ok).toBe(true);
  });
});
