import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { meaningLayerStatements } from '../../../renderer/src/lib/meaning/meaning-statements.ts';
import { materialisePivotFigures, PIVOT_FIGURES } from '../../../renderer/src/lib/meaning/pivot-figures.ts';
import {
  CORRECTION_COLUMNS,
  CREATE_CORRECTIONS_TABLE,
  type OverlayRow,
} from '../../../renderer/src/lib/review/overlay-sql.ts';
import { WAREHOUSE_TABLES, arrowPath } from '../../../renderer/src/lib/warehouse/tables.ts';
import { Workspace } from '../../../renderer/src/lib/warehouse/workspace.ts';
import { nodeConnector, openWarehouseDatabase, readDataAsset } from '../../../scripts/lib/node-duckdb.ts';
import { pivotReads } from '../../support/pivot-figures-view.ts';

type Row = Record<string, unknown>;
const LIVE = 'temp.main.pivot_figures_live';

async function rows(db: WorkbenchDatabase, sql: string, params: string[] = []): Promise<Row[]> {
  const result = await db.query(sql, params);
  if (!result.ok) throw new Error(`${result.error.message}\n${sql}`);
  return result.value.toArray().map((row) => row.toJSON() as Row);
}

// The table must hold exactly what the view computes from the meaning layer as it now is.
async function differences(db: WorkbenchDatabase): Promise<number[]> {
  const count = async (sql: string) => Number((await rows(db, `SELECT count(*) AS n FROM (${sql})`))[0]?.n);
  return [
    await count(`FROM ${PIVOT_FIGURES} EXCEPT ALL FROM ${LIVE}`),
    await count(`FROM ${LIVE} EXCEPT ALL FROM ${PIVOT_FIGURES}`),
  ];
}

describe("the pivot's table of preferred figures", () => {
  let db: WorkbenchDatabase;
  let workspace: Workspace;
  beforeAll(async () => ({ db, workspace } = await openWarehouseDatabase()));
  afterAll(() => db.close());

  it('is computed once the load is done, holds what the meaning layer says, and users cannot see or change it', async () => {
    await db.idleQuery('SELECT 1');
    expect(await pivotReads(db)).toMatch(/pivot_figures_table/);
    expect(Number((await rows(db, `SELECT count(*) AS n FROM ${PIVOT_FIGURES}`))[0]?.n)).toBeGreaterThan(500);
    expect(await differences(db)).toEqual([0, 0]);
    // Temporary objects of the app's connection: the user's connection has no such table.
    const read = await db.userQuery(`SELECT * FROM ${PIVOT_FIGURES}`);
    expect(read.ok).toBe(false);
    const dropped = await db.userQuery('DROP TABLE temp.main.pivot_figures_table');
    expect(dropped.ok).toBe(false);
    expect(await pivotReads(db)).toMatch(/pivot_figures_table/);
    // Nor does the schema browser list it among the user's tables.
    const listed = await rows(
      db,
      "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'pivot_figures%' AND table_catalog <> 'temp'",
    );
    expect(listed).toEqual([]);
  });

  it('follows a correction: computed again when the review changes', async () => {
    await db.idleQuery('SELECT 1');
    const [figure] = await rows(
      db,
      `SELECT obs_id, display_low FROM ${PIVOT_FIGURES} WHERE display_low > 0 ORDER BY obs_id LIMIT 1`,
    );
    const empty = Object.fromEntries(CORRECTION_COLUMNS.map(([name]) => [name, null])) as OverlayRow;
    const correction: OverlayRow = {
      ...empty,
      correction_id: 'c1',
      kind: 'correct',
      status: 'applied',
      seq: 1,
      obs_id: String(figure!.obs_id),
      value_low: 987654,
      value_high: 987654,
      period_changed: false,
      note: 'sửa',
    };
    const value = async () =>
      (
        await rows(db, `SELECT DISTINCT display_low FROM ${PIVOT_FIGURES} WHERE obs_id = ?`, [
          String(figure!.obs_id),
        ])
      ).map((row) => row.display_low);
    expect((await workspace.setCorrections([correction])).ok).toBe(true);
    expect(await value()).not.toContain(figure!.display_low);
    expect(await differences(db)).toEqual([0, 0]);
    expect((await workspace.setCorrections([])).ok).toBe(true);
    expect(await value()).toEqual([figure!.display_low]);
  });

  it('is not waited for by a change, which the pivot reads at once; computed once after several', async () => {
    await db.idleQuery('SELECT 1');
    const computations = vi.spyOn(WorkbenchDatabase.prototype, 'query');
    const computed = () =>
      computations.mock.calls.filter(([sql]) => sql.includes('CREATE TEMP TABLE "pivot_figures_table"'))
        .length;
    const [figure] = await rows(
      db,
      `SELECT obs_id FROM ${PIVOT_FIGURES} WHERE display_low > 0 ORDER BY obs_id LIMIT 1`,
    );
    const empty = Object.fromEntries(CORRECTION_COLUMNS.map(([name]) => [name, null])) as OverlayRow;
    const correction = (value: number, seq: number): OverlayRow => ({
      ...empty,
      correction_id: `c${seq}`,
      kind: 'correct',
      status: 'applied',
      seq,
      obs_id: String(figure!.obs_id),
      value_low: value,
      value_high: value,
      period_changed: false,
      note: 'sửa',
    });
    let release = () => {};
    db.holdIdleWork(new Promise<void>((resolve) => (release = resolve)));
    try {
      // Each change is done while the engine is never idle: the pivot reads the figures' view.
      for (const [seq, value] of [111, 222, 333].entries())
        expect((await workspace.setCorrections([correction(value, seq + 1)])).ok).toBe(true);
      expect(await pivotReads(db)).toMatch(/pivot_figures_live/);
      const shown = await rows(db, `SELECT DISTINCT display_low FROM ${PIVOT_FIGURES} WHERE obs_id = ?`, [
        String(figure!.obs_id),
      ]);
      expect(shown.map((row) => row.display_low)).toEqual([333]);
      expect(computed()).toBe(0);
    } finally {
      release();
    }
    await db.idleQuery('SELECT 1');
    expect(await pivotReads(db)).toMatch(/pivot_figures_table/);
    expect(await differences(db)).toEqual([0, 0]);
    expect(computed()).toBe(1);
    computations.mockRestore();
    expect((await workspace.setCorrections([])).ok).toBe(true);
  });
});

describe("the pivot's figures where the engine lacks the memory for the table", () => {
  // The same data fails the same way again: several changes queued together try once, not once each.
  it('are tried once after several changes, not again for each', { timeout: 300_000 }, async () => {
    const used = async (engine: WorkbenchDatabase) =>
      Number((await rows(engine, 'SELECT sum(memory_usage_bytes) AS bytes FROM duckdb_memory()'))[0]?.bytes);
    // The engine's limit is locked once the warehouse is in: it is set from what another engine used
    // after the same load, before its table of figures. The load needs 6 MB more, the table over 40 MB.
    const probe = new WorkbenchDatabase(nodeConnector);
    probe.holdIdleWork(new Promise(() => {}));
    const loadedBytes = await new Workspace(probe, readDataAsset)
      .load()
      .then(() => used(probe))
      .finally(() => probe.close());
    const db = new WorkbenchDatabase(nodeConnector);
    const attempts = vi.spyOn(WorkbenchDatabase.prototype, 'query');
    const tried = () =>
      attempts.mock.calls.filter(([sql]) => sql.includes('CREATE TEMP TABLE "pivot_figures_table"')).length;
    try {
      await rows(db, `SET memory_limit = '${Math.ceil(loadedBytes / 1e6) + 16}MB'`);
      const workspace = new Workspace(db, readDataAsset);
      let release = () => {};
      db.holdIdleWork(new Promise<void>((resolve) => (release = resolve)));
      try {
        expect((await workspace.load()).ok).toBe(true);
        // Corrections of a figure that is not there: each still defines the views again.
        const empty = Object.fromEntries(CORRECTION_COLUMNS.map(([name]) => [name, null])) as OverlayRow;
        for (const seq of [1, 2, 3]) {
          const correction: OverlayRow = {
            ...empty,
            correction_id: `c${seq}`,
            kind: 'correct',
            status: 'applied',
            seq,
            obs_id: 'khong-co',
            value_low: seq,
            value_high: seq,
            period_changed: false,
            note: 'sửa',
          };
          expect((await workspace.setCorrections([correction])).ok).toBe(true);
        }
        expect(tried()).toBe(0);
      } finally {
        release();
      }
      await db.idleQuery('SELECT 1');
      expect(tried()).toBe(1);
      expect(await pivotReads(db)).toMatch(/pivot_figures_live/);
    } finally {
      attempts.mockRestore();
      await db.close();
    }
  });

  it(
    'stay the view computed on every read, with the engine message, and the load goes on',
    { timeout: 300_000 },
    async () => {
      const db = new WorkbenchDatabase(nodeConnector);
      try {
        for (const table of WAREHOUSE_TABLES) {
          const loaded = await db.loadArrowTable(table, await readDataAsset(arrowPath(table)));
          if (!loaded.ok) throw new Error(loaded.error.message);
        }
        for (const statement of [CREATE_CORRECTIONS_TABLE, ...meaningLayerStatements(false)])
          await rows(db, statement);
        const expected = await rows(db, `SELECT count(*) AS n FROM ${PIVOT_FIGURES}`);
        // Everything loaded fits in the limit; a table of every preferred figure does not.
        const [used] = await rows(db, 'SELECT sum(memory_usage_bytes) AS bytes FROM duckdb_memory()');
        await rows(db, `SET memory_limit = '${Math.ceil(Number(used!.bytes) / 1e6) + 2}MB'`);
        const attempt = await materialisePivotFigures(db);
        await rows(db, "SET memory_limit = '1GB'");
        expect(attempt).toEqual({
          ok: true,
          value: { materialised: false, message: expect.stringMatching(/memory/i) },
        });
        expect(await pivotReads(db)).toMatch(/pivot_figures_live/);
        expect(await rows(db, `SELECT count(*) AS n FROM ${PIVOT_FIGURES}`)).toEqual(expected);
      } finally {
        await db.close();
      }
    },
  );
});
