import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { appObject, literal } from '../../../renderer/src/lib/db/sql.ts';
import { CURATED_VIEWS, WORKBENCH_MACROS } from '../../../renderer/src/lib/meaning/curated-views.ts';
import { PIVOT_FIGURES_STATEMENTS } from '../../../renderer/src/lib/meaning/pivot-figures.ts';
import { readPlanPeriods, type PeriodColumn } from '../../../renderer/src/lib/meaning/plan-periods.ts';
import { DEFAULT_PIVOT_CONFIG } from '../../../renderer/src/lib/pivot/pivot-config.ts';
import { buildPivotQuery } from '../../../renderer/src/lib/pivot/pivot-query.ts';
import { columnsWithFigures, readPivot, type PivotRow } from '../../../renderer/src/lib/pivot/pivot-rows.ts';
import { CREATE_CORRECTIONS_TABLE } from '../../../renderer/src/lib/review/overlay-sql.ts';
import { unitRows } from '../../../renderer/src/lib/units/units-sql.ts';
import { nodeConnector } from '../../../scripts/lib/node-duckdb.ts';

const DOCUMENTS = `('plan', 'nghi_quyet_dai_hoi', '2020-11'), ('report', 'bao_cao_ke_hoach_5_nam', '2025-12-25')`;

// Two indicators: tourists in nghìn lượt, written in three units; a poverty rate where less is better.
const INDICATORS = `('visitors', 'Lượng khách du lịch', 'Tourist arrivals', 'nghìn lượt', 'level', true),
  ('poverty', 'Tỷ lệ hộ nghèo', 'Poverty rate', '%', 'rate', false)`;

const OBSERVATIONS = `
  ('v-2020', 'report', 'visitors', 'actual', 2020, 2020, '2016-2020', 'level', 'nghìn lượt', 3100, '='),
  ('v-2021', 'report', 'visitors', 'actual', 2021, 2021, '2021-2025', 'level', 'triệu lượt', 3.3, '='),
  ('v-2022', 'report', 'visitors', 'actual', 2022, 2022, '2021-2025', 'level', 'lượt người', 3600000, '='),
  ('v-2025', 'report', 'visitors', 'actual', 2025, 2025, '2021-2025', 'level', 'triệu lượt', 4.4, '='),
  ('v-total', 'report', 'visitors', 'actual', 2021, 2025, '2021-2025', 'total', 'triệu lượt', 17.6, '='),
  ('v-t2025', 'plan', 'visitors', 'target', 2025, 2025, '2021-2025', 'level', 'lượt người', 4400000, '>='),
  ('v-t2030', 'report', 'visitors', 'target', 2030, 2030, '2026-2030', 'level', 'triệu lượt', 6, '~'),
  ('p-2024', 'report', 'poverty', 'actual', 2024, 2024, '2021-2025', 'level', '%', 3.2, '='),
  ('p-2025', 'report', 'poverty', 'actual', 2025, 2025, '2021-2025', 'level', '%', 2.5, '='),
  ('p-t2025', 'plan', 'poverty', 'target', 2025, 2025, '2021-2025', 'level', '%', 3, '<')`;

type Row = Record<string, unknown>;

describe('the calculated measures and units in the pivot, on hand-made figures', () => {
  const db = new WorkbenchDatabase(nodeConnector);
  let periods: PeriodColumn[];

  beforeAll(async () => {
    const units = unitRows()
      .map((row) => `(${literal(String(row.unit))}, ${literal(String(row.dimension))}, ${Number(row.scale)})`)
      .join(', ');
    const setup = [
      `CREATE TABLE ${appObject('units')} AS SELECT * FROM (VALUES ${units}) t(unit, dimension, scale)`,
      `CREATE TABLE ${appObject('documents')} AS SELECT doc_id, doc_type, issued_on, 'Tài liệu ' || doc_id AS title,
         NULL::VARCHAR AS issuer FROM (VALUES ${DOCUMENTS}) t(doc_id, doc_type, issued_on)`,
      `CREATE TABLE ${appObject('indicators')} AS SELECT * FROM (VALUES ${INDICATORS})
         t(indicator_id, name_vi, name_en, unit, kind, higher_is_better), (SELECT 'kinh_te' AS domain)`,
      `CREATE TABLE ${appObject('observations')} AS
       SELECT obs_id, doc_id, indicator_id, 'nhãn' AS label_vi, measure, period_start, period_end, term, basis, unit,
              value::DOUBLE AS value_low, value::DOUBLE AS value_high, comparator, false AS is_estimate,
              true AS catalogued, NULL::INTEGER AS base_year, 'câu trích' AS quote,
              0 AS char_start, 1 AS char_end, 0 AS sentence_start, 1 AS sentence_end, NULL::VARCHAR AS period_note,
              NULL::DOUBLE AS denominator, false AS in_footnote
       FROM (VALUES ${OBSERVATIONS})
         t(obs_id, doc_id, indicator_id, measure, period_start, period_end, term, basis, unit, value, comparator)`,
      // No review: the corrections overlay is empty.
      CREATE_CORRECTIONS_TABLE,
      ...WORKBENCH_MACROS,
      ...CURATED_VIEWS.map((view) => view.sql),
      ...PIVOT_FIGURES_STATEMENTS,
    ];
    for (const statement of setup) {
      const done = await db.query(statement);
      if (!done.ok) throw new Error(`${done.error.message}\n${statement}`);
    }
    const read = await readPlanPeriods(db);
    if (!read.ok) throw new Error(read.error.message);
    periods = read.value;
  });
  afterAll(() => db.close());

  async function values(sql: string): Promise<unknown[]> {
    const result = await db.query(sql);
    if (!result.ok) throw new Error(result.error.message);
    return result.value.toArray().map((row) => Object.values(row.toJSON() as Row)[0]);
  }

  async function pivot(expandYears = true): Promise<PivotRow[]> {
    const query = buildPivotQuery({ ...DEFAULT_PIVOT_CONFIG, expandYears }, periods);
    const result = await db.query(query.sql, query.params);
    if (!result.ok) throw new Error(result.error.message);
    return readPivot(result.value, query.columns);
  }

  it('judges targets by comparator, range and direction as the contract reads them', async () => {
    // [comparator, higher_is_better, target low, target high, result, status]
    const cases: [string, boolean | null, number, number, number | null, string][] = [
      ['>=', true, 10, 10, 10, 'đạt'],
      ['>=', true, 10, 10, 9.9, 'không đạt'],
      ['>=', true, 10, 10, 11, 'vượt'],
      ['>', true, 10, 10, 10, 'không đạt'],
      ['>', true, 10, 10, 10.5, 'vượt'],
      ['=', true, 10, 11, 10.5, 'đạt'],
      ['=', true, 10, 11, 9, 'không đạt'],
      ['=', true, 10, 11, 12, 'vượt'],
      // "khoảng 30": within 2% is met, either side; further above exceeds it, below misses it.
      ['~', true, 30, 30, 29.5, 'đạt'],
      ['~', true, 30, 30, 30.5, 'đạt'],
      ['~', true, 30, 30, 29, 'không đạt'],
      ['~', true, 30, 30, 31, 'vượt'],
      ['=', false, 5, 5, 4, 'vượt'],
      ['=', false, 5, 5, 6, 'không đạt'],
      ['<=', null, 3, 3, 3, 'đạt'],
      ['<=', null, 3, 3, 3.1, 'không đạt'],
      ['<', false, 3, 3, 3, 'không đạt'],
      ['>=', true, 10, 10, null, 'chưa có số liệu'],
    ];
    const rows = cases
      .map(
        ([comparator, higher, low, high, actual]) =>
          `(${literal(comparator)}, ${literal(higher)}::BOOLEAN, ${low}::DOUBLE, ${high}::DOUBLE, ${literal(actual)}::DOUBLE)`,
      )
      .join(', ');
    const statuses = await values(
      `SELECT ${appObject('achievement')}(c, h, l, t, a) FROM (VALUES ${rows}) v(c, h, l, t, a)`,
    );
    expect(statuses).toEqual(cases.map((item) => item[5]));
  });

  it('computes % of target and the gap against the end of the target that must be reached', async () => {
    const percent = await values(
      `SELECT ${appObject('percent_of_target')}(c, h, l, t, a) FROM (VALUES
         ('>=', true, 10.0, 11.0, 9.0), ('<=', true, 3.0, 3.0, 2.4), ('=', false, 2.0, 4.0, 3.0), ('=', true, 0.0, 0.0, 5.0)
       ) v(c, h, l, t, a)`,
    );
    expect(percent[0]).toBeCloseTo(90, 10);
    expect(percent[1]).toBeCloseTo(80, 10);
    expect(percent[2]).toBeCloseTo(75, 10);
    // A target of zero has no percentage.
    expect(percent[3]).toBeNull();
    const gap = await values(`SELECT ${appObject('target_gap')}('=', true, 7.0, 7.5, 6.79)`);
    expect(gap[0]).toBeCloseTo(-0.21, 10);
  });

  it('writes a year-on-year change in points for a % and in % otherwise, and CAGR in %', async () => {
    const yoy = await values(
      `SELECT ${appObject('yoy_change')}(p, c, u) FROM (VALUES (100.0, 110.0, 'tỷ đồng'), (6.75, 6.63, '%'),
         (0.0, 5.0, 'ha'), (NULL, 5.0, 'ha')) v(p, c, u)`,
    );
    expect(yoy[0]).toBeCloseTo(10, 10);
    expect(yoy[1]).toBeCloseTo(-0.12, 10);
    expect(yoy.slice(2)).toEqual([null, null]);
    const cagr = await values(
      `SELECT ${appObject('cagr')}(f, l, y) FROM (VALUES (100.0, 121.0, 2), (0.0, 5.0, 2), (100.0, 50.0, 0)) v(f, l, y)`,
    );
    expect(cagr[0]).toBeCloseTo(10, 10);
    expect(cagr.slice(1)).toEqual([null, null]);
  });

  it('shows one row per indicator in its catalogue unit, target and result side by side', async () => {
    const rows = await pivot();
    expect(rows.map((row) => [row.indicatorId, row.unit])).toEqual([
      ['visitors', 'nghìn lượt'],
      ['poverty', '%'],
    ]);
    const visitors = rows[0]!;
    const term = visitors.cells['2021-2025']!;
    // The target written as 4.400.000 lượt người, the result as 4,4 triệu lượt: both 4.400 nghìn lượt.
    expect([term.targetLow, term.actualLow, term.status]).toEqual([4400, 4400, 'đạt']);
    expect(term.percentOfTarget).toBeCloseTo(100, 10);
    expect(term.targetGap).toBeCloseTo(0, 10);
    // The total over 2021–2025 is another basis than the target (a 2025 level): not the result compared.
    expect(term.actualSources.map((source) => source.obs_id)).toEqual(['v-2025']);
    expect(term.actualSources[0]).toMatchObject({
      value_low: 4400,
      written_low: 4.4,
      written_unit: 'triệu lượt',
    });
    expect(term.targetSources[0]).toMatchObject({ written_low: 4400000, written_unit: 'lượt người' });
    // CAGR from 2020 (3.100) to 2025 (4.400) over five years.
    expect(term.cagr).toBeCloseTo((Math.pow(4400 / 3100, 1 / 5) - 1) * 100, 10);
    expect([term.cagrFrom, term.cagrTo]).toEqual([2020, 2025]);
    expect(visitors.cells['2022']?.actualLow).toBeCloseTo(3600, 10);
    expect(visitors.cells['2022']?.yoyChange).toBeCloseTo((3600 / 3300 - 1) * 100, 10);
    expect(visitors.cells['2021']?.yoyChange).toBeCloseTo((3300 / 3100 - 1) * 100, 10);
    // No result for 2024: 2025 has no year before it to compare with.
    expect(visitors.cells['2025']?.yoyChange).toBeNull();
    expect(visitors.cells['2026-2030']).toMatchObject({
      targetLow: 6000,
      targetComparator: '~',
      status: 'chưa có số liệu',
    });
  });

  it('judges a ceiling where less is better, with the gap in percentage points', async () => {
    const poverty = (await pivot()).find((row) => row.indicatorId === 'poverty')!;
    const cell = poverty.cells['2025']!;
    expect(cell.status).toBe('vượt');
    expect(cell.targetGap).toBeCloseTo(-0.5, 10);
    expect(cell.percentOfTarget).toBeCloseTo((2.5 / 3) * 100, 10);
    expect(cell.yoyChange).toBeCloseTo(-0.7, 10);
    // A rate has no compound growth.
    expect(poverty.cells['2021-2025']?.cagr).toBeNull();
  });

  it('keeps the plan periods and only the years that hold a figure', async () => {
    const query = buildPivotQuery({ ...DEFAULT_PIVOT_CONFIG, expandYears: true }, periods);
    const shown = columnsWithFigures(await pivot(), query.columns).map((column) => column.key);
    expect(shown).toEqual(['2016-2020', '2021-2025', '2026-2030', '2020', '2021', '2022', '2024', '2025']);
  });
});
