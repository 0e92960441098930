import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { Workspace } from '../../../renderer/src/lib/warehouse/workspace.ts';
import { nodeConnector, openWarehouseDatabase, readDataAsset } from '../../../scripts/lib/node-duckdb.ts';

async function scalar(
  db: WorkbenchDatabase,
  sql: string,
  params: (string | number)[] = [],
): Promise<unknown> {
  const result = await db.query(sql, params);
  if (!result.ok) throw new Error(result.error.message);
  return Object.values(result.value.get(0)?.toJSON() ?? {})[0];
}

describe('the workspace over the real warehouse', () => {
  let db: WorkbenchDatabase;
  let workspace: Workspace;
  let observationCount: number;

  beforeAll(async () => {
    ({ db, workspace } = await openWarehouseDatabase());
    observationCount = Number(await scalar(db, 'SELECT count(*) FROM observations'));
  });
  afterAll(() => db.close());

  it('restores a base table a user drops, and says so', async () => {
    expect((await db.userQuery('DROP TABLE observations')).ok).toBe(true);
    expect(await workspace.protect()).toEqual({ ok: true, value: ['observations'] });
    expect(Number(await scalar(db, 'SELECT count(*) FROM observations'))).toBe(observationCount);
    expect(Number(await scalar(db, 'SELECT count(*) FROM v_observations'))).toBe(observationCount);
  });

  it('restores values a user changes in place', async () => {
    await db.userQuery("UPDATE observations SET value_low = -123456.75 WHERE indicator_id = 'grdp_growth'");
    expect(await workspace.protect()).toEqual({
      ok: true,
      value: ['observations'],
    });
    expect(Number(await scalar(db, 'SELECT count(*) FROM observations WHERE value_low = -123456.75'))).toBe(
      0,
    );
  });

  it('puts user tables in their own schema and gives views back after a DROP VIEW', async () => {
    await db.userQuery('CREATE TABLE ghi_chu AS SELECT 1 AS x');
    expect(
      await scalar(db, "SELECT table_schema FROM information_schema.tables WHERE table_name = 'ghi_chu'"),
    ).toBe('workspace');
    await db.userQuery('DROP VIEW v_conflicts');
    expect(await workspace.protect()).toEqual({ ok: true, value: [] });
    expect(Number(await scalar(db, 'SELECT count(*) FROM v_conflicts'))).toBeGreaterThan(0);
  });

  it('resets the workspace: user tables gone, warehouse intact', async () => {
    expect((await workspace.reset()).ok).toBe(true);
    expect(
      Number(await scalar(db, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'ghi_chu'")),
    ).toBe(0);
    expect(Number(await scalar(db, 'SELECT count(*) FROM observations'))).toBe(observationCount);
    await db.userQuery('CREATE TABLE after_reset AS SELECT 1 AS x');
    expect(
      await scalar(db, "SELECT table_schema FROM information_schema.tables WHERE table_name = 'after_reset'"),
    ).toBe('workspace');
  });

  it('lists the GRDP growth 2021–2025 disagreement among the conflicts (7,1% against 6,79%)', async () => {
    const result = await db.query(
      `SELECT list(DISTINCT value_low ORDER BY value_low) AS values FROM v_conflicts
       WHERE indicator_id = 'grdp_growth' AND measure = 'actual' AND period_start = 2021 AND period_end = 2025`,
    );
    expect(result.ok && [...(result.value.get(0)?.values ?? [])]).toEqual(
      expect.arrayContaining([6.79, 7.1]),
    );
  });

  it('sets each target beside its result', async () => {
    const result = await db.query(
      `SELECT target_low, target_high, actual_value, status FROM v_target_vs_actual
       WHERE indicator_id = 'grdp_growth' AND period_start = 2021 AND period_end = 2025 AND basis = 'annual_avg'
       ORDER BY target_low`,
    );
    expect(result.ok).toBe(true);
    const rows = result.ok ? result.value.toArray().map((row) => row.toJSON()) : [];
    expect(rows[0]).toMatchObject({ target_low: 7, target_high: 7.5, status: 'không đạt' });
  });

  it('prefers the latest official document over news, and news over nothing', async () => {
    const base = `SELECT * REPLACE (? AS obs_id, ? AS doc_id, 2026 AS period_start, 2026 AS period_end, '2026-2030' AS term,
                  'target' AS measure, 'level' AS basis, ? AS value_low, ? AS value_high) FROM observations WHERE indicator_id = 'grdp_growth' LIMIT 1`;
    await db.query(
      `INSERT INTO documents SELECT * REPLACE ('tin-moi' AS doc_id, 'tin_bao' AS doc_type, '2026-01-01' AS issued_on) FROM documents LIMIT 1`,
    );
    await db.query(`INSERT INTO observations ${base}`, ['news-1', 'tin-moi', 12, 12]);
    const preferred = async (): Promise<unknown> =>
      scalar(
        db,
        "SELECT value_low FROM v_term_pivot WHERE indicator_id = 'grdp_growth' AND measure = 'target' AND period_start = 2026 AND period_end = 2026",
      );
    // The resolution (10–11%, issued 2025-12-10) beats a later news item (12%).
    expect(await preferred()).toBe(10);
    expect(await workspace.protect()).toEqual({ ok: true, value: ['documents', 'observations'] });
  });

  it('searches without diacritics through fold()', async () => {
    expect(await scalar(db, "SELECT fold('Tăng trưởng Đảng bộ')")).toBe('tang truong dang bo');
    const found = Number(
      await scalar(db, "SELECT count(*) FROM indicators WHERE fold(name_vi) LIKE '%tang truong%'"),
    );
    expect(found).toBeGreaterThan(0);
  });
});

describe('achievement(): every comparator and direction', () => {
  let db: WorkbenchDatabase;
  beforeAll(async () => {
    ({ db } = await openWarehouseDatabase());
  });
  afterAll(() => db.close());

  const cases: [string, boolean | null, number, number, number | null, string][] = [
    ['=', true, 10, 11, 10.5, 'đạt'],
    ['=', true, 10, 11, 12, 'vượt'],
    ['=', true, 10, 11, 9, 'không đạt'],
    ['~', null, 50, 51, 50, 'đạt'],
    ['>=', true, 10, 10, 10, 'đạt'],
    ['>=', true, 10, 10, 10.2, 'vượt'],
    ['>=', true, 10, 10, 9.9, 'không đạt'],
    ['>', true, 90, 90, 90, 'không đạt'],
    ['>', true, 90, 90, 91, 'vượt'],
    ['<', false, 3, 3, 1.36, 'vượt'],
    ['<', false, 3, 3, 3, 'không đạt'],
    ['<=', false, 3, 3, 3, 'đạt'],
    ['<=', false, 3, 3, 4, 'không đạt'],
    ['=', false, 2, 2, 1.5, 'vượt'],
    ['=', false, 2, 2, 2.5, 'không đạt'],
    ['>=', true, 5, 5, null, 'chưa có số liệu'],
  ];
  it.each(cases)(
    '%s target (higher is better: %s) %d–%d, result %s → %s',
    async (comparator, higher, low, high, actual, status) => {
      const result = await db.query('SELECT achievement(?, ?::BOOLEAN, ?, ?, ?::DOUBLE) AS s', [
        comparator,
        higher,
        low,
        high,
        actual,
      ]);
      expect(result.ok && result.value.get(0)?.s).toBe(status);
    },
  );
});

describe('the moment the workspace is loaded', () => {
  it('runs no user statement before it has recorded what protect() compares with', async () => {
    const db = new WorkbenchDatabase(nodeConnector);
    const workspace = new Workspace(db, readDataAsset);
    try {
      expect((await workspace.load()).ok).toBe(true);
      // Issued at once: the record is made when the engine is idle, and the statement waits for it.
      expect((await db.userQuery('DROP TABLE observations')).ok).toBe(true);
      expect(await workspace.protect()).toEqual({ ok: true, value: ['observations'] });
      // After a reset as well; a statement held meanwhile still honours a cancel.
      const resetting = workspace.reset();
      const held = db.userQuery('DROP TABLE documents');
      await db.cancelUserSql();
      expect((await resetting).ok).toBe(true);
      expect(await held).toMatchObject({ ok: false });
      expect(Number(await scalar(db, 'SELECT count(*) FROM documents'))).toBe(5);
      expect((await db.userQuery('DROP TABLE documents')).ok).toBe(true);
      expect(await workspace.protect()).toEqual({ ok: true, value: ['documents'] });
    } finally {
      await db.close();
    }
  });
});
