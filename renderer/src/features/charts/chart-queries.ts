import type { WorkbenchDatabase } from '../../lib/db/database.ts';
import type { DbResult } from '../../lib/db/db-error.ts';
import { appObject } from '../../lib/db/sql.ts';

/** One value of a chart: a label (period or year), a series and the value with its range and source. */
export interface ChartPoint {
  series: string;
  label: string;
  low: number;
  high: number;
  unit: string;
  /** What the unit measures (`money_usd`, `percent`, `visits`) from the unit table; empty when unknown. */
  dimension?: string;
  estimate: boolean;
  docTitle: string;
  /** The figure behind the point (drill-down), and whether a user correction applies to it. */
  obsId?: string;
  reviewed?: boolean;
}

export interface IndicatorChoice {
  id: string;
  name: string;
  unit: string;
}

const OBSERVATIONS = appObject('v_observations');
const PLAN_PERIODS = appObject('plan_periods');
// Values in the indicator's catalogue unit (converted by the unit table), with that unit's dimension.
const SHOWN = `display_low AS low, display_high AS high, display_unit AS unit,
  (SELECT u.dimension FROM ${appObject('units')} u WHERE u.unit = display_unit) AS dimension`;

async function points(
  db: WorkbenchDatabase,
  sql: string,
  params: (string | number)[],
): Promise<DbResult<ChartPoint[]>> {
  return db.queryRows(sql, params, (row) => ({
    series: String(row.series),
    label: String(row.label),
    low: Number(row.low),
    high: Number(row.high),
    unit: String(row.unit ?? ''),
    dimension: String(row.dimension ?? ''),
    estimate: Boolean(row.estimate),
    docTitle: String(row.doc_title ?? ''),
    obsId: row.obs_id === null || row.obs_id === undefined ? undefined : String(row.obs_id),
    reviewed: Boolean(row.reviewed),
  }));
}

/** Catalogued indicators with targets or results, for the chart's picker. */
export async function chartableIndicators(db: WorkbenchDatabase): Promise<DbResult<IndicatorChoice[]>> {
  return db.queryRows(
    `SELECT indicator_id, any_value(indicator_name_vi) AS name, mode(display_unit) AS unit
     FROM ${OBSERVATIONS} WHERE catalogued AND measure IN ('target', 'actual')
     GROUP BY indicator_id ORDER BY name`,
    [],
    (row) => ({ id: String(row.indicator_id), name: String(row.name), unit: String(row.unit ?? '') }),
  );
}

/** Target and result of one indicator for each plan period (or the level stated for its final year). */
export function targetVsResult(db: WorkbenchDatabase, indicatorId: string): Promise<DbResult<ChartPoint[]>> {
  return points(
    db,
    `WITH terms AS (
       SELECT replace(period, '-', '–') AS term, period_start AS term_start, period_end AS term_end
       FROM ${PLAN_PERIODS} WHERE kind = 'term'),
     candidates AS (
       SELECT t.term, o.*, CASE WHEN o.period_start = t.term_start THEN 0 ELSE 1 END AS fit
       FROM ${OBSERVATIONS} o
       JOIN terms t ON (o.period_start = t.term_start AND o.period_end = t.term_end)
                    OR (o.period_start = t.term_end AND o.period_end = t.term_end)
       WHERE o.indicator_id = ? AND o.measure IN ('target', 'actual') AND o.display_unit = (
         SELECT mode(display_unit) FROM ${OBSERVATIONS} WHERE indicator_id = ? AND measure IN ('target', 'actual')))
     SELECT CASE measure WHEN 'target' THEN 'Chỉ tiêu' ELSE 'Kết quả' END AS series, term AS label,
            ${SHOWN}, is_estimate AS estimate, doc_title, obs_id, reviewed
     FROM candidates
     QUALIFY row_number() OVER (PARTITION BY term, measure ORDER BY fit, preference_rank) = 1
     ORDER BY label, series`,
    [indicatorId, indicatorId],
  );
}

/** Yearly results of some indicators (a footnote's series) over the plan periods, one series per indicator. */
export function yearlySeries(
  db: WorkbenchDatabase,
  indicatorIds: readonly string[],
): Promise<DbResult<ChartPoint[]>> {
  return points(
    db,
    `SELECT coalesce(indicator_name_vi, label_vi) AS series, period_start::VARCHAR AS label,
            ${SHOWN}, is_estimate AS estimate, doc_title, obs_id, reviewed
     FROM ${OBSERVATIONS}
     WHERE list_contains(string_split(?, ','), indicator_id) AND measure = 'actual' AND period_start = period_end
       AND period_start BETWEEN (SELECT min(period_start) FROM ${PLAN_PERIODS})
                            AND (SELECT max(period_end) FROM ${PLAN_PERIODS} WHERE kind = 'year')
     QUALIFY row_number() OVER (PARTITION BY indicator_id, period_start ORDER BY preference_rank) = 1
     ORDER BY series, label`,
    // Indicator ids are [a-z0-9_]: a comma-separated list is unambiguous.
    [indicatorIds.join(',')],
  );
}

/** A whole by its parts (GRDP by sector, shares in %) for each year a document gives a result or a target for. */
export function structure(db: WorkbenchDatabase, whole = 'grdp_share'): Promise<DbResult<ChartPoint[]>> {
  return points(
    db,
    `SELECT coalesce(indicator_name_vi, label_vi) AS series,
            period_end::VARCHAR || CASE measure WHEN 'target' THEN ' (chỉ tiêu)' ELSE ' (kết quả)' END AS label,
            ${SHOWN}, is_estimate AS estimate, doc_title, obs_id, reviewed
     FROM ${OBSERVATIONS}
     WHERE kind = 'share' AND share_of = ? AND unit = '%' AND measure IN ('target', 'actual') AND period_start = period_end
     QUALIFY row_number() OVER (PARTITION BY indicator_id, measure, period_end ORDER BY preference_rank) = 1
     ORDER BY label, series`,
    [whole],
  );
}
