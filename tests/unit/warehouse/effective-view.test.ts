import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { appObject } from '../../../renderer/src/lib/db/sql.ts';
import {
  CORRECTION_COLUMNS,
  EFFECTIVE_OBSERVATIONS_VIEW,
  type OverlayRow,
} from '../../../renderer/src/lib/review/overlay-sql.ts';
import type { Workspace } from '../../../renderer/src/lib/warehouse/workspace.ts';
import { openWarehouseDatabase } from '../../../scripts/lib/node-duckdb.ts';

// The overlay's query itself (its CREATE VIEW … AS taken off), as it reads the corrections table now.
const OVERLAY_QUERY = EFFECTIVE_OBSERVATIONS_VIEW.sql.replace(/^\s*CREATE OR REPLACE VIEW \S+ AS/, '');
const EFFECTIVE = appObject('effective_observations');

async function rows(
  db: WorkbenchDatabase,
  sql: string,
  params: (string | number)[] = [],
): Promise<unknown[]> {
  const result = await db.query(sql, params);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.toArray().map((row) => row.toJSON());
}

// With no correction applied the workbench reads the warehouse without the overlay's joins; the
// rows and columns must be the overlay's, exactly.
describe('effective_observations without a correction', () => {
  let db: WorkbenchDatabase;
  let workspace: Workspace;
  beforeAll(async () => ({ db, workspace } = await openWarehouseDatabase()));
  afterAll(() => db.close());

  it('has the overlay rows and column types over an empty review, and skips its joins', async () => {
    const [definition] = await rows(
      db,
      "SELECT sql FROM duckdb_views() WHERE view_name = 'effective_observations'",
    );
    expect(JSON.stringify(definition)).not.toMatch(/UNION ALL/);
    const describe = (sql: string) => rows(db, `SELECT column_name, column_type FROM (DESCRIBE ${sql})`);
    expect(await describe(`SELECT * FROM ${EFFECTIVE}`)).toEqual(await describe(OVERLAY_QUERY));
    for (const [left, right] of [
      [`SELECT * FROM ${EFFECTIVE}`, OVERLAY_QUERY],
      [OVERLAY_QUERY, `SELECT * FROM ${EFFECTIVE}`],
    ]) {
      expect(await rows(db, `SELECT count(*)::INTEGER AS n FROM ((${left}) EXCEPT ALL (${right}))`)).toEqual([
        { n: 0 },
      ]);
    }
    expect(await rows(db, `SELECT count(*)::INTEGER AS n FROM ${EFFECTIVE}`)).toEqual(
      await rows(db, `SELECT count(*)::INTEGER AS n FROM ${appObject('observations')}`),
    );
  });

  it('lays the overlay back over the warehouse as soon as a correction applies, and lifts it after', async () => {
    const [figure] = (await rows(
      db,
      `SELECT obs_id FROM ${appObject('observations')} ORDER BY obs_id LIMIT 1`,
    )) as {
      obs_id: string;
    }[];
    const empty = Object.fromEntries(CORRECTION_COLUMNS.map(([name]) => [name, null])) as OverlayRow;
    const correction: OverlayRow = {
      ...empty,
      correction_id: 'c1',
      kind: 'correct',
      status: 'applied',
      seq: 1,
      obs_id: figure!.obs_id,
      value_low: 123.5,
      value_high: 123.5,
      period_changed: false,
      note: 'sửa',
    };
    const read = () =>
      rows(db, `SELECT value_low, reviewed, correction_note FROM ${EFFECTIVE} WHERE obs_id = ?`, [
        figure!.obs_id,
      ]);
    const before = await read();
    expect((await workspace.setCorrections([correction])).ok).toBe(true);
    expect(await read()).toEqual([{ value_low: 123.5, reviewed: true, correction_note: 'sửa' }]);
    // An orphaned correction applies to nothing: the plain view serves again.
    expect((await workspace.setCorrections([{ ...correction, status: 'orphaned', obs_id: null }])).ok).toBe(
      true,
    );
    expect(await read()).toEqual(before);
    const [definition] = await rows(
      db,
      "SELECT sql FROM duckdb_views() WHERE view_name = 'effective_observations'",
    );
    expect(JSON.stringify(definition)).not.toMatch(/UNION ALL/);
    // A user cannot make the light view wrong by writing a correction row: the review is restored.
    await db.userQuery(
      `INSERT INTO ${appObject('corrections')} (correction_id, kind, status, obs_id, seq, value_low) VALUES ('x', 'correct', 'applied', '${figure!.obs_id}', 1, 9)`,
    );
    expect((await workspace.protect()).ok).toBe(true);
    expect(await read()).toEqual(before);
  });
});
