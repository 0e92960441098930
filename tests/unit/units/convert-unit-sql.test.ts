import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { appObject, literal } from '../../../renderer/src/lib/db/sql.ts';
import { convert } from '../../../renderer/src/lib/units/convert-unit.ts';
import { CONVERT_UNIT_MACROS } from '../../../renderer/src/lib/units/units-sql.ts';
import { UNIT_TABLE } from '../../../renderer/src/lib/units/unit-table.ts';
import { openWarehouseDatabase } from '../../../scripts/lib/node-duckdb.ts';

type Row = Record<string, unknown>;
// Values of every shape the warehouse holds: integers, decimals, negatives, tiny and huge.
const VALUES = [1, 30.6, -2.96, 0.1, 54449.1, 111100, 1e-9, 1.7e15];

describe('convert_unit in SQL on the real engine', () => {
  let db: WorkbenchDatabase;
  beforeAll(async () => {
    ({ db } = await openWarehouseDatabase());
    for (const statement of CONVERT_UNIT_MACROS) {
      const macro = await db.query(statement);
      if (!macro.ok) throw new Error(macro.error.message);
    }
  });
  afterAll(() => db.close());

  async function rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    const result = await db.query(sql, params as never);
    if (!result.ok) throw new Error(result.error.message);
    return result.value.toArray().map((row) => row.toJSON() as Row);
  }

  it('loads the units table from the warehouse, one row per unit of the TypeScript table', async () => {
    const loaded = await rows(`SELECT unit, dimension, scale, name_en FROM ${appObject('units')}`);
    expect(loaded).toHaveLength(UNIT_TABLE.length);
    expect(new Set(loaded.map((row) => row.unit))).toEqual(new Set(UNIT_TABLE.map((entry) => entry.unit)));
  });

  it('agrees with convert() on every pair of units in the table, to the last bit', async () => {
    const sql = `SELECT f.unit AS from_unit, t.unit AS to_unit, v.value,
        ${appObject('convert_unit')}(v.value, f.unit, t.unit) AS converted
      FROM ${appObject('units')} f, ${appObject('units')} t,
        (VALUES ${VALUES.map((value) => `(${literal(value)}::DOUBLE)`).join(', ')}) v(value)`;
    const converted = await rows(sql);
    expect(converted).toHaveLength(UNIT_TABLE.length ** 2 * VALUES.length);
    const disagreements = converted.filter(
      (row) => convert(row.value as number, row.from_unit as string, row.to_unit as string) !== row.converted,
    );
    expect(disagreements.slice(0, 5)).toEqual([]);
    // Not trivially null everywhere: same-dimension pairs convert.
    expect(converted.filter((row) => row.converted !== null).length).toBeGreaterThan(
      UNIT_TABLE.length * VALUES.length,
    );
  });

  it('gives NULL across dimensions, for unknown units and for a NULL value', async () => {
    const [row] = await rows(
      `SELECT ${appObject('convert_unit')}(30.6, 'tỷ USD', 'triệu USD') AS usd,
        ${appObject('convert_unit')}(1, 'tỷ USD', 'tỷ đồng') AS across,
        ${appObject('convert_unit')}(1, 'dặm', 'km') AS unknown,
        ${appObject('convert_unit')}(NULL, 'tấn', 'kg') AS missing,
        ${appObject('convert_unit')}(1, NULL, 'kg') AS no_unit`,
    );
    expect(row).toEqual({ usd: 30600, across: null, unknown: null, missing: null, no_unit: null });
  });

  it('finds no unit of an observation outside the table, and converts the visits split by unit', async () => {
    // Called with the caller's own column `unit`, which the macro must not capture.
    // An empty unit is a bare number (`gấp 1,6` has no unit): nothing to convert.
    const missing = await rows(
      `SELECT DISTINCT o.unit FROM ${appObject('observations')} o
       WHERE coalesce(o.unit, '') <> '' AND o.unit NOT IN (SELECT unit FROM ${appObject('units')})`,
    );
    expect(missing).toEqual([]);
    const [visits] = await rows(
      `SELECT count(*) AS n FROM ${appObject('observations')}
       WHERE unit IN ('lượt người', 'nghìn lượt', 'triệu lượt')
         AND ${appObject('convert_unit')}(value_low, unit, 'nghìn lượt') IS NOT NULL`,
    );
    expect(Number(visits?.n)).toBeGreaterThanOrEqual(9);
  });
});
