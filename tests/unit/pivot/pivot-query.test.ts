import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { DEFAULT_PIVOT_CONFIG, parsePivotConfig } from '../../../renderer/src/lib/pivot/pivot-config.ts';
import { buildPivotQuery, inlineParams } from '../../../renderer/src/lib/pivot/pivot-query.ts';
import { readPlanPeriods, type PeriodColumn } from '../../../renderer/src/lib/meaning/plan-periods.ts';
import { INDICATOR_DOMAINS } from '../../../renderer/src/lib/extraction/catalogue.ts';
import { openWarehouseDatabase } from '../../../scripts/lib/node-duckdb.ts';

type Row = Record<string, unknown>;

describe('the pivot query on the real warehouse', () => {
  let db: WorkbenchDatabase;
  let periods: PeriodColumn[];
  beforeAll(async () => {
    ({ db } = await openWarehouseDatabase());
    const read = await readPlanPeriods(db);
    if (!read.ok) throw new Error(read.error.message);
    periods = read.value;
  });
  afterAll(() => db.close());

  async function pivotRows(config = DEFAULT_PIVOT_CONFIG): Promise<Row[]> {
    const query = buildPivotQuery(config, periods);
    const result = await db.query(query.sql, query.params);
    if (!result.ok) throw new Error(result.error.message);
    return result.value.toArray().map((row) => row.toJSON() as Row);
  }

  it('opens on the economy: domains in the catalogue order (kinh tế first), not alphabetically (hành chính)', async () => {
    const rows = await pivotRows();
    const domains = [...new Set(rows.map((row) => row.domain as string | null))];
    expect(domains[0]).toBe('kinh_te');
    expect(domains.filter((domain) => domain !== null)).toEqual(
      INDICATOR_DOMAINS.filter((domain) => domains.includes(domain)),
    );
  });

  it('shows GRDP growth across the plan periods and years, the preferred source first', async () => {
    const rows = await pivotRows({
      ...DEFAULT_PIVOT_CONFIG,
      expandYears: true,
      search: 'tang truong kinh te',
    });
    const grdp = rows.find((row) => row.indicator_id === 'grdp_growth' && row.unit === '%');
    expect(grdp).toBeDefined();
    // Preferred source: the latest official document (the 2025 congress notice restates 2016–2020).
    expect(grdp?.['2016-2020_actual_low']).toBe(5.2);
    const earlier = [
      ...((grdp?.['2016-2020_actual_sources'] as { toArray(): Row[] } | null)?.toArray() ?? []),
    ];
    expect(earlier.map((source) => source.value_low)).toEqual(expect.arrayContaining([5.2, 5.45]));
    expect([grdp?.['2021-2025_target_low'], grdp?.['2021-2025_target_high']]).toEqual([7, 7.5]);
    // The latest official report (6,79%) is preferred over the congress notice (7,1%).
    expect(grdp?.['2021-2025_actual_low']).toBe(6.79);
    expect(grdp?.['2021-2025_status']).toBe('không đạt');
    expect([grdp?.['2026-2030_target_low'], grdp?.['2026-2030_target_high']]).toEqual([10, 11]);
    expect(grdp?.['2026_target_low']).toBe(10);
    expect([2021, 2022, 2023, 2024, 2025].map((year) => grdp?.[`${year}_actual_low`])).toEqual([
      6.75, 6.63, 7.7, 6.01, 8.06,
    ]);
    const sources = [
      ...((grdp?.['2021-2025_actual_sources'] as { toArray(): Row[] } | null)?.toArray() ?? []),
    ];
    expect(sources.map((source) => source.value_low)).toEqual(expect.arrayContaining([6.79, 7.1]));
  });

  it('filters by domain, document and measure with parameters, and matches without diacritics', async () => {
    const targetsOnly = await pivotRows({
      ...DEFAULT_PIVOT_CONFIG,
      expandYears: true,
      measure: 'target',
      docId: '2025-12-10_nghi-quyet-67-hdnd_ke-hoach-2026',
    });
    expect(targetsOnly.length).toBeGreaterThan(20);
    // Targets only: every result column is empty, and the 2026 plan's targets are there.
    const resultValues = targetsOnly.flatMap((row) =>
      Object.entries(row)
        .filter(([key]) => key.endsWith('_actual_low'))
        .map(([, value]) => value),
    );
    expect(resultValues.length).toBeGreaterThan(0);
    expect(resultValues.every((value) => value === null)).toBe(true);
    expect(targetsOnly.filter((row) => typeof row['2026_target_low'] === 'number').length).toBeGreaterThan(
      20,
    );
    const environment = await pivotRows({ ...DEFAULT_PIVOT_CONFIG, domain: 'moi_truong' });
    expect(environment.length).toBeGreaterThan(0);
    expect(environment.every((row) => row.domain === 'moi_truong')).toBe(true);
    const hostile = await pivotRows({ ...DEFAULT_PIVOT_CONFIG, search: "'; DROP TABLE observations; --" });
    expect(hostile).toEqual([]);
    expect((await db.query('SELECT count(*) FROM observations')).ok).toBe(true);
  });

  it('gives the same rows when its parameters are written into the SQL ("Xem SQL")', async () => {
    const config = { ...DEFAULT_PIVOT_CONFIG, search: "tăng trưởng 'x", domain: 'kinh_te' };
    const query = buildPivotQuery(config, periods);
    const withParams = await db.query(query.sql, query.params);
    const inlined = await db.query(inlineParams(query));
    expect(withParams.ok && inlined.ok).toBe(true);
    if (withParams.ok && inlined.ok) expect(inlined.value.numRows).toBe(withParams.value.numRows);
  });

  it('gives "Xem SQL" a query the user\'s connection runs, with the pivot\'s own rows', async () => {
    const config = { ...DEFAULT_PIVOT_CONFIG, expandYears: true };
    const query = buildPivotQuery(config, periods);
    // The pivot reads the app connection's table of figures, which user SQL cannot see.
    expect((await db.userQuery(inlineParams(query))).ok).toBe(false);
    const asShown = await db.userQuery(
      inlineParams(buildPivotQuery(config, periods, null, { forUser: true })),
    );
    const pivot = await db.query(query.sql, query.params);
    if (!asShown.ok || !pivot.ok) throw new Error('a pivot query failed');
    const json = (rows: Row[]) =>
      JSON.stringify(rows, (_, value) => (typeof value === 'bigint' ? `${value}` : value));
    expect(asShown.value.numRows).toBeGreaterThan(100);
    expect(json(asShown.value.toArray().map((row) => row.toJSON() as Row))).toBe(
      json(pivot.value.toArray().map((row) => row.toJSON() as Row)),
    );
  });
});

describe('parsePivotConfig', () => {
  it('keeps valid fields and replaces corrupt ones with defaults', () => {
    expect(parsePivotConfig({ swapped: true, measure: 'nonsense', search: 4, domain: 'xa_hoi' })).toEqual({
      ...DEFAULT_PIVOT_CONFIG,
      swapped: true,
      domain: 'xa_hoi',
    });
    expect(parsePivotConfig('garbage')).toEqual(DEFAULT_PIVOT_CONFIG);
  });
});
