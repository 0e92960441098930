import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { appObject } from '../../../renderer/src/lib/db/sql.ts';
import { readPlanPeriods, type PeriodColumn } from '../../../renderer/src/lib/meaning/plan-periods.ts';
import { DEFAULT_PIVOT_CONFIG, type PivotConfig } from '../../../renderer/src/lib/pivot/pivot-config.ts';
import { buildPivotQuery, inlineParams } from '../../../renderer/src/lib/pivot/pivot-query.ts';
import { meaningLayerStatements } from '../../../renderer/src/lib/meaning/meaning-statements.ts';
import { openWarehouseDatabase } from '../../../scripts/lib/node-duckdb.ts';
import { scaleWarehouseSql } from '../../../scripts/lib/scale-sql.ts';
import {
  EFFECTIVE_OBSERVATIONS_BEFORE,
  PREFERRED_FIGURES_BEFORE,
} from '../../fixtures/pivot-before/meaning-before.ts';
import { buildPivotQuery as buildPivotQueryBefore } from '../../fixtures/pivot-before/pivot-query-before.ts';

// Issue 14 made the pivot's SQL lighter (a hash join for the year before, sources sorted after
// collecting, one struct per cell through the PIVOT, no overlay without corrections). Its answer
// must not change: every configuration here gives the same columns and the same rows as before.
const CONFIGS: PivotConfig[] = [
  DEFAULT_PIVOT_CONFIG,
  { ...DEFAULT_PIVOT_CONFIG, expandYears: false, catalogue: 'all' },
  { ...DEFAULT_PIVOT_CONFIG, measure: 'actual', catalogue: 'all', search: 'tang truong' },
  { ...DEFAULT_PIVOT_CONFIG, docId: '2025_bao-cao-ktxh-2021-2025_phuong-huong-2026-2030' },
];

async function run(db: WorkbenchDatabase, sql: string): Promise<unknown[]> {
  const result = await db.query(sql);
  if (!result.ok) throw new Error(`${result.error.message}\n${sql.slice(0, 400)}`);
  return result.value.toArray().map((row) => row.toJSON());
}

async function expectSamePivots(db: WorkbenchDatabase, configs = CONFIGS): Promise<void> {
  const read = await readPlanPeriods(db);
  if (!read.ok) throw new Error(read.error.message);
  const periods: PeriodColumn[] = read.value;
  for (const config of configs) {
    await run(
      db,
      `CREATE OR REPLACE TEMP TABLE pivot_now AS ${inlineParams(buildPivotQuery(config, periods))}`,
    );
    // The objects as they were, then the query as it was, then the objects back.
    for (const statement of [EFFECTIVE_OBSERVATIONS_BEFORE, PREFERRED_FIGURES_BEFORE])
      await run(db, statement);
    const before = buildPivotQueryBefore(config, periods);
    await run(db, `CREATE OR REPLACE TEMP TABLE pivot_before AS ${inlineParams({ ...before, columns: [] })}`);
    for (const statement of meaningLayerStatements(false)) await run(db, statement);
    const describe = (table: string) => run(db, `SELECT column_name, column_type FROM (DESCRIBE ${table})`);
    expect(await describe('pivot_now'), JSON.stringify(config)).toEqual(await describe('pivot_before'));
    const count = (sql: string) => run(db, `SELECT count(*)::INTEGER AS n FROM (${sql})`);
    const [rows] = (await count('FROM pivot_before')) as { n: number }[];
    expect(rows!.n, JSON.stringify(config)).toBeGreaterThan(0);
    expect(await count('FROM pivot_now'), JSON.stringify(config)).toEqual([rows]);
    expect(await count('FROM pivot_now EXCEPT ALL FROM pivot_before'), JSON.stringify(config)).toEqual([
      { n: 0 },
    ]);
    expect(await count('FROM pivot_before EXCEPT ALL FROM pivot_now'), JSON.stringify(config)).toEqual([
      { n: 0 },
    ]);
  }
}

describe('the pivot after issue 14 against the pivot before it', () => {
  let db: WorkbenchDatabase;
  beforeAll(async () => ({ db } = await openWarehouseDatabase()));
  afterAll(() => db.close());

  it('gives the same rows and columns on the real warehouse', { timeout: 600_000 }, async () => {
    await expectSamePivots(db);
  });

  // Each copy of the warehouse its own indicator, as the bench grows it (1M rows in `npm run bench`).
  it('gives the same rows and columns on a generated warehouse', { timeout: 900_000 }, async () => {
    const rows = Number(process.env.PIVOT_EQUALITY_ROWS ?? 5000);
    const [shipped] = (await run(db, `SELECT count(*)::INTEGER AS n FROM ${appObject('observations')}`)) as {
      n: number;
    }[];
    for (const statement of scaleWarehouseSql(rows, shipped!.n)) await run(db, statement);
    for (const statement of meaningLayerStatements(false)) await run(db, statement);
    expect(await run(db, `SELECT count(*)::INTEGER AS n FROM ${appObject('observations')}`)).toEqual([
      { n: rows },
    ]);
    await expectSamePivots(db);
  });
});
