import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { consistencyChecksSql } from '../../../renderer/src/lib/pivot/consistency-checks.ts';
import { ident } from '../../../renderer/src/lib/db/sql.ts';
import { nodeConnector, openWarehouseDatabase } from '../../../scripts/lib/node-duckdb.ts';

type Fact = [string, string, string, string, number, number, number, number, string, string, number | null];

const COLUMNS =
  'obs_id, indicator_id, doc_id, measure, period_start, period_end, value_low, value_high, unit, basis, base_year';

/** Hand-made observations: each check once consistent and once not. */
const FACTS: Fact[] = [
  // Shares of GRDP summing to 100 (doc a) and to 90 (doc b); a target range containing 100 (doc c).
  ['a1', 'grdp_share_agriculture', 'a', 'actual', 2025, 2025, 20, 20, '%', 'level', null],
  ['a2', 'grdp_share_industry', 'a', 'actual', 2025, 2025, 30, 30, '%', 'level', null],
  ['a3', 'grdp_share_services', 'a', 'actual', 2025, 2025, 50, 50, '%', 'level', null],
  ['b1', 'grdp_share_agriculture', 'b', 'actual', 2025, 2025, 20, 20, '%', 'level', null],
  ['b2', 'grdp_share_industry', 'b', 'actual', 2025, 2025, 30, 30, '%', 'level', null],
  ['b3', 'grdp_share_services', 'b', 'actual', 2025, 2025, 40, 40, '%', 'level', null],
  ['c1', 'labour_share_agriculture', 'c', 'target', 2030, 2030, 36, 37, '%', 'level', null],
  ['c2', 'labour_share_industry', 'c', 'target', 2030, 2030, 24, 25, '%', 'level', null],
  ['c3', 'labour_share_services', 'c', 'target', 2030, 2030, 38, 39, '%', 'level', null],
  // A yearly series of growth rates against two stated averages, one consistent (7,03%), one not.
  ['g21', 'growth', 'd', 'actual', 2021, 2021, 6.75, 6.75, '%', 'level', null],
  ['g22', 'growth', 'd', 'actual', 2022, 2022, 6.63, 6.63, '%', 'level', null],
  ['g23', 'growth', 'd', 'actual', 2023, 2023, 7.7, 7.7, '%', 'level', null],
  ['g24', 'growth', 'd', 'actual', 2024, 2024, 6.01, 6.01, '%', 'level', null],
  ['g25', 'growth', 'd', 'actual', 2025, 2025, 8.06, 8.06, '%', 'level', null],
  ['gok', 'growth', 'd', 'actual', 2021, 2025, 7.03, 7.03, '%', 'annual_avg', null],
  ['gbad', 'growth', 'e', 'actual', 2021, 2025, 6.79, 6.79, '%', 'annual_avg', null],
  // A yearly series of amounts against a stated total.
  ['t21', 'trade', 'd', 'actual', 2021, 2021, 30.6, 30.6, 'tỷ USD', 'level', null],
  ['t22', 'trade', 'd', 'actual', 2022, 2022, 25.5, 25.5, 'tỷ USD', 'level', null],
  ['t23', 'trade', 'd', 'actual', 2023, 2023, 51.9, 51.9, 'tỷ USD', 'level', null],
  ['t24', 'trade', 'd', 'actual', 2024, 2024, 68.58, 68.58, 'tỷ USD', 'level', null],
  ['t25', 'trade', 'd', 'actual', 2025, 2025, 88, 88, 'tỷ USD', 'level', null],
  ['tok', 'trade', 'd', 'actual', 2021, 2025, 264.58, 264.58, 'tỷ USD', 'total', null],
  ['tbad', 'trade', 'e', 'actual', 2021, 2025, 300, 300, 'tỷ USD', 'total', null],
  // Levels and ratios between them: "gấp 1,6 lần" holds, "gấp 2 lần" does not.
  ['p20', 'per_capita', 'd', 'actual', 2020, 2020, 44.2, 44.2, 'triệu đồng', 'level', null],
  ['p25', 'per_capita', 'd', 'actual', 2025, 2025, 71.1, 71.1, 'triệu đồng', 'level', null],
  ['rok', 'per_capita', 'd', 'change', 2025, 2025, 1.6, 1.6, 'lần', 'level', 2020],
  ['rbad', 'per_capita', 'e', 'change', 2025, 2025, 2, 2, 'lần', 'level', 2020],
];

describe('consistency checks on hand-made figures', () => {
  const db = new WorkbenchDatabase(nodeConnector);
  let flags: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const values = FACTS.map(
      (fact) =>
        `(${fact.map((value) => (typeof value === 'string' ? `'${value}'` : String(value))).join(', ')})`,
    ).join(',\n');
    // The columns the meaning layer adds: the preference (here the order of the facts), the kind
    // and the whole of a share.
    const created = await db.query(
      `CREATE TABLE hand_made AS
       SELECT *, row_number() OVER () AS preference_rank,
              CASE WHEN indicator_id LIKE '%\\_share\\_%' ESCAPE '\\' THEN 'share' END AS kind,
              CASE WHEN indicator_id LIKE 'grdp\\_share\\_%' ESCAPE '\\' THEN 'grdp_share'
                   WHEN indicator_id LIKE 'labour\\_share\\_%' ESCAPE '\\' THEN 'labour_share' END AS share_of
       FROM (VALUES ${values}) t(${COLUMNS})`,
    );
    if (!created.ok) throw new Error(created.error.message);
    const result = await db.query(consistencyChecksSql(ident('hand_made')));
    if (!result.ok) throw new Error(result.error.message);
    flags = result.value.toArray().map((row) => row.toJSON());
  });
  afterAll(() => db.close());

  it('flags shares that do not sum to about 100%, not those that do', () => {
    const shares = flags.filter((flag) => flag.kind === 'share_sum');
    expect(shares.map((flag) => [flag.indicator_id, flag.doc_id, flag.computed])).toEqual([
      ['grdp_share', 'b', 90],
    ]);
  });

  it('flags a stated period figure its yearly series does not give', () => {
    const series = flags.filter((flag) => flag.kind === 'series_vs_period');
    expect(series.map((flag) => [flag.indicator_id, flag.doc_id, flag.stated])).toEqual([
      ['growth', 'e', 6.79],
      ['trade', 'e', 300],
    ]);
    const growth = series.find((flag) => flag.indicator_id === 'growth');
    expect(growth?.computed).toBeCloseTo(7.03, 2);
  });

  it('flags a ratio the two levels do not give', () => {
    const ratios = flags.filter((flag) => flag.kind === 'growth_vs_levels');
    expect(ratios.map((flag) => [flag.doc_id, flag.stated])).toEqual([['e', 2]]);
    expect(ratios[0]?.computed).toBeCloseTo(71.1 / 44.2, 5);
  });
});

describe('consistency checks on the warehouse', () => {
  it('flags the 2021–2025 GRDP growth average its own yearly series does not give', async () => {
    const { db } = await openWarehouseDatabase();
    const result = await db.query(consistencyChecksSql());
    expect(result.ok).toBe(true);
    const rows = result.ok ? result.value.toArray().map((row) => row.toJSON()) : [];
    expect(
      rows.some(
        (row) => row.kind === 'series_vs_period' && row.indicator_id === 'grdp_growth' && row.stated === 6.79,
      ),
    ).toBe(true);
    await db.close();
  });
});
