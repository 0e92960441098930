import type { SqlParam } from '../db/database.ts';
import { appObject, literal } from '../db/sql.ts';
import { shownPeriods, type PeriodColumn } from '../meaning/plan-periods.ts';
import type { PivotConfig } from './pivot-config.ts';

export interface PivotQuery {
  sql: string;
  params: SqlParam[];
  columns: PeriodColumn[];
}

/** The query with its parameters written in, as "Xem SQL" shows it; it returns the same rows. */
export function inlineParams(query: PivotQuery): string {
  let index = 0;
  return query.sql.replace(/\?/g, () => literal(query.params[index++] ?? null));
}

/**
 * The pivot, computed by DuckDB over the meaning layer: one row per indicator (and unit), and for
 * each period of `plan_periods` shown the preferred target and result (`preferred_figures`, within
 * the chosen document if any), the achievement status and every source's value. A column takes
 * figures for exactly its period and, for a plan period, levels stated for its final year.
 */
export function buildPivotQuery(
  config: PivotConfig,
  periods: readonly PeriodColumn[],
  indicatorIds: readonly string[] | null = null,
): PivotQuery {
  const columns = shownPeriods(periods, config.expandYears);
  // The document filter chooses among that document's figures, so it goes into the preference.
  const params: SqlParam[] = [config.docId];
  const fold = appObject('fold');
  const filters: string[] = [`o.measure IN ('target', 'actual')`];
  if (indicatorIds) {
    // Indicator ids are [a-z0-9_]: a comma-separated list is unambiguous.
    filters.push(`list_contains(string_split(?, ','), o.indicator_id)`);
    params.push(indicatorIds.join(','));
  }
  if (config.measure !== 'both') {
    filters.push('o.measure = ?');
    params.push(config.measure);
  }
  if (config.domain) {
    filters.push('o.domain = ?');
    params.push(config.domain);
  }
  if (config.catalogue !== 'all')
    filters.push(config.catalogue === 'catalogued' ? 'o.catalogued' : 'NOT o.catalogued');
  if (config.search.trim() !== '') {
    filters.push(
      `(${fold}(coalesce(o.indicator_name_vi, o.label_vi)) LIKE '%' || ${fold}(?) || '%' OR o.indicator_id LIKE '%' || ${fold}(?) || '%')`,
    );
    params.push(config.search.trim(), config.search.trim());
  }
  const sql = `WITH periods AS (
  SELECT period, period_start, period_end, kind FROM ${appObject('plan_periods')}
  WHERE period IN (${columns.map((column) => literal(column.key)).join(', ')})
),
candidates AS (
  SELECT p.period, o.*,
         -- exactly the period first; a level stated for a plan period's final year second
         CASE WHEN o.period_start = p.period_start AND o.period_end = p.period_end THEN 0 ELSE 1 END AS fit
  FROM ${appObject('preferred_figures')}(?) o
  JOIN periods p
    ON (o.period_start = p.period_start AND o.period_end = p.period_end)
    OR (p.kind = 'term' AND o.period_start = p.period_end AND o.period_end = p.period_end)
  WHERE ${filters.join('\n    AND ')}
),
chosen AS (
  -- One figure group per cell and measure: the best fit, then the preferred source.
  SELECT indicator_id, coalesce(indicator_name_vi, label_vi) AS indicator_name,
         coalesce(indicator_name_en, indicator_name_vi, label_vi) AS indicator_name_en, domain, unit, period,
         measure, value_low, value_high, comparator, is_estimate, higher_is_better, obs_id, sources
  FROM candidates
  QUALIFY row_number() OVER (PARTITION BY indicator_id, unit, period, measure ORDER BY fit, preference_rank) = 1
),
statuses AS (
  SELECT indicator_id, unit, period,
         ${appObject('achievement')}(first(comparator) FILTER (WHERE measure = 'target'), first(higher_is_better),
                     first(value_low) FILTER (WHERE measure = 'target'),
                     first(value_high) FILTER (WHERE measure = 'target'),
                     first(value_low) FILTER (WHERE measure = 'actual')) AS status
  FROM chosen
  GROUP BY ALL
),
preferred AS (
  -- One row per cell and measure, spread into target_* and actual_* columns for the pivot.
  SELECT indicator_id, indicator_name, indicator_name_en, domain, unit, period, status,
         CASE WHEN measure = 'target' THEN value_low END AS target_low,
         CASE WHEN measure = 'target' THEN value_high END AS target_high,
         CASE WHEN measure = 'target' THEN comparator END AS target_comparator,
         CASE WHEN measure = 'target' THEN obs_id END AS target_obs,
         CASE WHEN measure = 'target' THEN sources END AS target_sources,
         CASE WHEN measure = 'actual' THEN value_low END AS actual_low,
         CASE WHEN measure = 'actual' THEN value_high END AS actual_high,
         CASE WHEN measure = 'actual' THEN is_estimate END AS actual_estimate,
         CASE WHEN measure = 'actual' THEN obs_id END AS actual_obs,
         CASE WHEN measure = 'actual' THEN sources END AS actual_sources
  FROM chosen JOIN statuses USING (indicator_id, unit, period)
)
PIVOT preferred
ON period IN (${columns.map((column) => literal(column.key)).join(', ')})
USING
  any_value(target_low) AS target_low,
  any_value(target_high) AS target_high,
  any_value(target_comparator) AS target_comparator,
  any_value(target_obs) AS target_obs,
  any_value(target_sources) AS target_sources,
  any_value(actual_low) AS actual_low,
  any_value(actual_high) AS actual_high,
  any_value(actual_estimate) AS actual_estimate,
  any_value(actual_obs) AS actual_obs,
  any_value(actual_sources) AS actual_sources,
  any_value(status) AS status
GROUP BY indicator_id, indicator_name, indicator_name_en, domain, unit
ORDER BY domain NULLS LAST, indicator_name, unit`;
  return { sql, params, columns };
}
