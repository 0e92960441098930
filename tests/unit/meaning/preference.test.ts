import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { appObject } from '../../../renderer/src/lib/db/sql.ts';
import { CURATED_VIEWS, WORKBENCH_MACROS } from '../../../renderer/src/lib/meaning/curated-views.ts';
import { PIVOT_FIGURES_STATEMENTS } from '../../../renderer/src/lib/meaning/pivot-figures.ts';
import { CREATE_CORRECTIONS_TABLE } from '../../../renderer/src/lib/review/overlay-sql.ts';
import { readPlanPeriods } from '../../../renderer/src/lib/meaning/plan-periods.ts';
import { DEFAULT_PIVOT_CONFIG } from '../../../renderer/src/lib/pivot/pivot-config.ts';
import { buildPivotQuery } from '../../../renderer/src/lib/pivot/pivot-query.ts';
import { readPivot } from '../../../renderer/src/lib/pivot/pivot-rows.ts';
import { targetVsResult } from '../../../renderer/src/features/charts/chart-queries.ts';
import { nodeConnector } from '../../../scripts/lib/node-duckdb.ts';

// Four documents: an early resolution, a later congress notice, the latest report, and a news article newer than all.
const DOCUMENTS = `('early', 'nghi_quyet_hdnd', '2021-12'), ('notice', 'thong_bao_ket_qua_dai_hoi', '2025-09'),
  ('news', 'tin_bao', '2026-01'), ('report', 'bao_cao_ke_hoach_5_nam', '2025-12-25')`;

// One indicator's 2021–2025 result, stated four times; an annual average and a total kept apart.
const OBSERVATIONS = `
  ('o-early', 'early', 'actual', 2021, 2025, 'annual_avg', 6.5, false),
  ('o-notice', 'notice', 'actual', 2021, 2025, 'annual_avg', 7.1, false),
  ('o-news', 'news', 'actual', 2021, 2025, 'annual_avg', 8.0, false),
  ('o-report-estimate', 'report', 'actual', 2021, 2025, 'annual_avg', 6.9, true),
  ('o-report', 'report', 'actual', 2021, 2025, 'annual_avg', 6.79, false),
  ('o-total', 'news', 'actual', 2021, 2025, 'total', 40, false),
  ('o-target', 'early', 'target', 2021, 2025, 'annual_avg', 7, false)`;

/**
 * The source-preference rule, once, through every consumer: the meaning layer over hand-made
 * figures, then the pivot and a chart read from it. Changing the rule in meaning-layer.ts is the
 * one edit this test follows.
 */
describe('the source-preference rule', () => {
  const db = new WorkbenchDatabase(nodeConnector);

  beforeAll(async () => {
    const setup = [
      `CREATE TABLE ${appObject('units')} AS SELECT '%' AS unit, 'percent' AS dimension, 1.0 AS scale`,
      `CREATE TABLE ${appObject('documents')} AS SELECT doc_id, doc_type, issued_on, 'Tài liệu ' || doc_id AS title,
         NULL::VARCHAR AS issuer FROM (VALUES ${DOCUMENTS}) t(doc_id, doc_type, issued_on)`,
      `CREATE TABLE ${appObject('indicators')} AS SELECT 'growth' AS indicator_id, 'Tăng trưởng' AS name_vi,
         'Growth' AS name_en, 'kinh_te' AS domain, '%' AS unit, 'growth' AS kind, true AS higher_is_better`,
      `CREATE TABLE ${appObject('observations')} AS
       SELECT obs_id, doc_id, 'growth' AS indicator_id, 'tăng trưởng' AS label_vi, measure, period_start, period_end,
              '2021-2025' AS term, basis, '%' AS unit, value AS value_low, value AS value_high, '=' AS comparator,
              is_estimate, true AS catalogued, NULL::INTEGER AS base_year, 'câu trích' AS quote,
              0 AS char_start, 1 AS char_end, 0 AS sentence_start, 1 AS sentence_end, NULL::VARCHAR AS period_note,
              NULL::DOUBLE AS denominator, false AS in_footnote
       FROM (VALUES ${OBSERVATIONS}) t(obs_id, doc_id, measure, period_start, period_end, basis, value, is_estimate)`,
      // No review: the corrections overlay is empty.
      CREATE_CORRECTIONS_TABLE,
      ...WORKBENCH_MACROS,
      ...CURATED_VIEWS.map((view) => view.sql),
      ...PIVOT_FIGURES_STATEMENTS,
    ];
    for (const statement of setup) {
      const done = await db.query(statement);
      if (!done.ok) throw new Error(done.error.message);
    }
  });
  afterAll(() => db.close());

  it('prefers the latest official document, a result over an estimate, never news', async () => {
    const preferred = await db.queryRows(
      `SELECT basis, obs_id, n_figures, sources_disagree FROM ${appObject('preferred_observations')}
       WHERE measure = 'actual' ORDER BY basis`,
      [],
      (row) => [row.basis, row.obs_id, Number(row.n_figures), row.sources_disagree],
    );
    expect(preferred).toEqual({
      ok: true,
      value: [
        ['annual_avg', 'o-report', 5, true],
        ['total', 'o-total', 1, false],
      ],
    });
  });

  it('is the figure the pivot, the target-vs-result view and the chart show', async () => {
    const periods = await readPlanPeriods(db);
    if (!periods.ok) throw new Error(periods.error.message);
    const query = buildPivotQuery(DEFAULT_PIVOT_CONFIG, periods.value);
    const pivot = await db.query(query.sql, query.params);
    if (!pivot.ok) throw new Error(pivot.error.message);
    const cell = readPivot(pivot.value, query.columns)[0]?.cells['2021-2025'];
    expect(cell?.actualLow).toBe(6.79);
    // Every source of that figure, the preferred first; the total is another figure.
    expect(cell?.actualSources.map((source) => source.obs_id)).toEqual([
      'o-report',
      'o-report-estimate',
      'o-notice',
      'o-early',
      'o-news',
    ]);
    const status = await db.queryRows(
      `SELECT actual_obs_id FROM ${appObject('v_target_vs_actual')}`,
      [],
      (row) => row.actual_obs_id,
    );
    expect(status).toEqual({ ok: true, value: ['o-report'] });
    const chart = await targetVsResult(db, 'growth');
    expect(chart.ok && chart.value.find((point) => point.series === 'Kết quả')?.low).toBe(6.79);
  });
});
