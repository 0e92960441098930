import { describe, expect, it } from 'vitest';
import { appObject } from '../../../renderer/src/lib/db/sql.ts';
import { sameDimension } from '../../../renderer/src/lib/units/convert-unit.ts';
import { unitSpelling } from '../../../renderer/src/lib/units/unit-spelling.ts';
import { useWarehouseDatabase } from '../../support/warehouse-database.ts';

// Units that say how a figure relates to its quantity rather than measure it: a change stated in %
// or as a ratio (`tăng 29%`, `gấp 1,8 lần`), and no unit written at all.
const NOT_A_QUANTITY = new Set(['', '%', 'lần']);

// The pairs of the embedded warehouse that count different things, by hand (issue 13).
const KEPT_APART = [
  'communes_merged: xã ≠ đơn vị', // "giảm 26 đơn vị" are administrative units, not only communes
  'communes_merged: xã ≠ đơn vị hành chính', // communes are one kind of them, with wards and towns
  'cooperatives_total: hợp tác xã ≠ liên hiệp hợp tác xã', // a union of cooperatives
  'meritorious_households_housing_supported: hộ ≠ người', // households and people
  'zoning_plan_tasks: nhiệm vụ quy hoạch ≠ quy hoạch', // the brief for a plan and the plan
];

describe('the units of each indicator in the embedded warehouse', () => {
  const warehouse = useWarehouseDatabase();

  /** Every indicator's units: the catalogue's and those its figures are written in. */
  async function unitsByIndicator(): Promise<Map<string, string[]>> {
    const result = await warehouse.db.queryRows(
      `SELECT indicator_id, list(DISTINCT unit ORDER BY unit) AS units FROM (
         SELECT indicator_id, coalesce(unit, '') AS unit FROM ${appObject('observations')}
         UNION ALL
         SELECT indicator_id, coalesce(unit, '') FROM ${appObject('indicators')}
           WHERE indicator_id IN (SELECT indicator_id FROM ${appObject('observations')}))
       GROUP BY indicator_id`,
      [],
      (row) => [String(row.indicator_id), [...(row.units as Iterable<unknown>)].map(String)] as const,
    );
    if (!result.ok) throw new Error(result.error.message);
    return new Map(result.value);
  }

  it('has no indicator with two spellings of one unit, and no unit in the second tone placement', async () => {
    const indicators = await unitsByIndicator();
    expect(indicators.size).toBeGreaterThan(400);
    const written = [...indicators.values()].flat();
    expect(written).toContain('thỏa thuận');
    expect(written.filter((unit) => unitSpelling(unit) !== unit)).toEqual([]);
    const twoSpellings = [...indicators].filter(
      ([, units]) => new Set(units.map(unitSpelling)).size !== units.length,
    );
    expect(twoSpellings).toEqual([]);
  });

  it('converts every two units of one indicator, except the pairs that count different things', async () => {
    const apart: string[] = [];
    let converting = 0;
    for (const [indicator, units] of await unitsByIndicator()) {
      const quantities = units.filter((unit) => !NOT_A_QUANTITY.has(unit));
      for (const [index, first] of quantities.entries()) {
        for (const second of quantities.slice(index + 1)) {
          if (sameDimension(first, second)) converting += 1;
          else apart.push(`${indicator}: ${first} ≠ ${second}`);
        }
      }
    }
    expect(apart.sort()).toEqual(KEPT_APART);
    // The synonyms and scales join: khu/khu công nghiệp, thỏa thuận, tỷ/triệu USD, lượt người/nghìn lượt, …
    expect(converting).toBeGreaterThanOrEqual(20);
  });
});
