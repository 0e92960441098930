import { appObject, literal } from '../db/sql.ts';

/** A check that failed: what was stated, what the other figures imply, and the figures involved. */
export interface ConsistencyFlag {
  kind: 'share_sum' | 'series_vs_period' | 'growth_vs_levels';
  indicator_id: string;
  doc_id: string | null;
  period: string;
  stated: number;
  computed: number;
  obs_ids: string[];
  /** The indicators of the figures involved (the parts of a share, the years of a series). */
  indicator_ids: string[];
}

// How far apart two figures may be before they are flagged: rounding in the documents, not error.
export const SHARE_TOLERANCE = 1.5;
export const RATE_TOLERANCE = 0.15;
export const TOTAL_TOLERANCE = 0.02;

/**
 * The consistency checks as one DuckDB query over `source`, an SQL name (v_observations in the app;
 * a hand-made table with its columns in tests). Each row is a failed check; where several figures
 * state one thing, the preferred one (`preference_rank`) is compared.
 */
export function consistencyChecksSql(source = appObject('v_observations')): string {
  return `WITH obs AS (SELECT * FROM ${source}),
-- Shares of one whole stated together (GRDP or employment by sector) should sum to about 100%.
parts AS (
  -- One figure per part, even where a document states a share twice.
  SELECT share_of AS whole, doc_id, measure, period_start, period_end,
         indicator_id, min(value_low) AS value_low, min(value_high) AS value_high, min(obs_id) AS obs_id
  FROM obs
  WHERE kind = 'share' AND share_of IS NOT NULL AND unit = '%' AND measure IN ('actual', 'target')
  GROUP BY ALL
),
shares AS (
  SELECT whole, doc_id, measure, period_start, period_end,
         sum(value_low) AS low_sum, sum(value_high) AS high_sum, list(obs_id ORDER BY obs_id) AS obs_ids
  FROM parts
  GROUP BY ALL
  HAVING count(*) >= 3
),
share_flags AS (
  SELECT 'share_sum' AS kind, whole AS indicator_id, doc_id, period_start || '-' || period_end AS period,
         100.0 AS stated, CASE WHEN low_sum = high_sum THEN low_sum ELSE (low_sum + high_sum) / 2 END AS computed, obs_ids
  FROM shares
  WHERE 100 NOT BETWEEN low_sum - ${SHARE_TOLERANCE} AND high_sum + ${SHARE_TOLERANCE}
),
-- A yearly series against the figure stated for its whole period: a total sums the years, a
-- growth rate averages them geometrically, another average arithmetically.
yearly AS (
  SELECT indicator_id, unit, period_start AS year, any_value(value_low ORDER BY preference_rank) AS value,
         any_value(obs_id ORDER BY preference_rank) AS obs_id
  FROM obs
  WHERE measure = 'actual' AND period_start = period_end AND value_low = value_high
  GROUP BY ALL
),
periods AS (
  SELECT * FROM obs
  WHERE measure = 'actual' AND period_end > period_start AND basis IN ('total', 'annual_avg') AND value_low = value_high
),
series AS (
  SELECT p.obs_id AS period_obs, p.indicator_id, p.doc_id, p.period_start, p.period_end, p.basis, p.unit, p.value_low AS stated,
         count(y.year) AS years, sum(y.value) AS total, avg(y.value) AS mean,
         (exp(sum(ln(1 + y.value / 100)) / count(y.year)) - 1) * 100 AS compound, list(y.obs_id ORDER BY y.year) AS obs_ids
  FROM periods p
  JOIN yearly y ON y.indicator_id = p.indicator_id AND y.unit = p.unit AND y.year BETWEEN p.period_start AND p.period_end
  GROUP BY ALL
  HAVING count(y.year) = p.period_end - p.period_start + 1
),
series_flags AS (
  SELECT 'series_vs_period' AS kind, indicator_id, doc_id, period_start || '-' || period_end AS period, stated,
         CASE WHEN basis = 'total' THEN total WHEN unit = '%' THEN compound ELSE mean END AS computed,
         list_prepend(period_obs, obs_ids) AS obs_ids
  FROM series
  WHERE CASE
          WHEN basis = 'total' THEN abs(total - stated) > ${TOTAL_TOLERANCE} * abs(stated)
          WHEN unit = '%' THEN abs(compound - stated) > ${RATE_TOLERANCE}
          ELSE abs(mean - stated) > ${TOTAL_TOLERANCE} * abs(stated)
        END
),
-- A stated ratio ("gấp 1,6 lần so với năm 2020") against the two levels it compares.
levels AS (
  SELECT indicator_id, unit, period_start AS year, any_value(value_low ORDER BY preference_rank) AS value,
         any_value(obs_id ORDER BY preference_rank) AS obs_id
  FROM obs
  WHERE measure = 'actual' AND period_start = period_end AND basis = 'level' AND value_low = value_high AND unit NOT IN ('%', 'lần')
  GROUP BY ALL
),
ratio_flags AS (
  SELECT 'growth_vs_levels' AS kind, r.indicator_id, r.doc_id, r.base_year || '-' || r.period_end AS period,
         r.value_low AS stated, now.value / base.value AS computed, [r.obs_id, base.obs_id, now.obs_id] AS obs_ids
  FROM obs r
  JOIN levels base ON base.indicator_id = r.indicator_id AND base.year = r.base_year
  JOIN levels now ON now.indicator_id = r.indicator_id AND now.year = r.period_end AND now.unit = base.unit
  WHERE r.measure = 'change' AND r.unit = 'lần' AND r.base_year IS NOT NULL AND base.value > 0
    AND abs(now.value / base.value - r.value_low) > 0.05 * r.value_low
),
flags AS (
  SELECT row_number() OVER () AS flag_no, *
  FROM (SELECT * FROM share_flags UNION ALL SELECT * FROM series_flags UNION ALL SELECT * FROM ratio_flags)
),
-- The indicators of the figures each check involved (the parts of a share, the years of a series).
flag_indicators AS (
  SELECT f.flag_no, list(DISTINCT o.indicator_id ORDER BY o.indicator_id) AS indicator_ids
  FROM flags f, unnest(f.obs_ids) AS involved(obs_id)
  JOIN obs o ON o.obs_id = involved.obs_id
  GROUP BY f.flag_no
)
SELECT f.* EXCLUDE (flag_no), fi.indicator_ids
FROM flags f LEFT JOIN flag_indicators fi USING (flag_no)
ORDER BY kind, indicator_id, period`;
}

/** SQL showing the figures a check involved, each with the sentence it came from ("Nguồn"). */
export function flagSourcesSql(flag: Pick<ConsistencyFlag, 'obs_ids'>): string {
  return `SELECT obs_id, indicator_name_vi, period_start, period_end, measure, basis, value_low, value_high, unit, doc_title, quote
FROM ${appObject('v_observations')}
WHERE obs_id IN (${flag.obs_ids.map(literal).join(', ')})
ORDER BY period_start, period_end;`;
}
