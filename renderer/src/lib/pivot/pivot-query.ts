import type { SqlParam } from '../db/database.ts';
import { periodColumns, type PeriodColumn, type PivotConfig } from './pivot-config.ts';

export interface PivotQuery {
  sql: string;
  params: SqlParam[];
  columns: PeriodColumn[];
}

/** SQL literal of a parameter, for showing the exact query in the SQL tab. */
function literal(value: SqlParam): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `'${value.replaceAll("'", "''")}'`;
}

/** The query with its parameters written in, as "Xem SQL" shows it; it returns the same rows. */
export function inlineParams(query: PivotQuery): string {
  let index = 0;
  return query.sql.replace(/\?/g, () => literal(query.params[index++] ?? null));
}

/**
 * The pivot, computed by DuckDB: one row per indicator (and unit), and for each period column the
 * preferred target and result, the achievement status and every source's value. A column takes
 * figures for exactly its period and, for a plan period, levels stated for its final year.
 * Preferred source: the latest official document (a resolution or a report) over news.
 */
export function buildPivotQuery(
  config: PivotConfig,
  indicatorIds: readonly string[] | null = null,
): PivotQuery {
  const columns = periodColumns(config);
  const params: SqlParam[] = [];
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
  if (config.docId) {
    filters.push('o.doc_id = ?');
    params.push(config.docId);
  }
  if (config.catalogue !== 'all')
    filters.push(config.catalogue === 'catalogued' ? 'o.catalogued' : 'NOT o.catalogued');
  if (config.search.trim() !== '') {
    filters.push(
      `(fold(coalesce(o.indicator_name_vi, o.label_vi)) LIKE '%' || fold(?) || '%' OR o.indicator_id LIKE '%' || fold(?) || '%')`,
    );
    params.push(config.search.trim(), config.search.trim());
  }
  const periods = columns
    .map((column) => `('${column.key}', ${column.start}, ${column.end}, '${column.kind}')`)
    .join(',\n    ');
  const sql = `WITH periods(period, period_start, period_end, kind) AS (
  VALUES
    ${periods}
),
candidates AS (
  SELECT p.period, o.*,
         -- exactly the period first; a level stated for a plan period's final year second
         CASE WHEN o.period_start = p.period_start AND o.period_end = p.period_end THEN 0 ELSE 1 END AS fit
  FROM v_observations o
  JOIN periods p
    ON (o.period_start = p.period_start AND o.period_end = p.period_end)
    OR (p.kind = 'term' AND o.period_start = p.period_end AND o.period_end = p.period_end)
  WHERE ${filters.join('\n    AND ')}
),
ranked AS (
  SELECT *,
         row_number() OVER (PARTITION BY indicator_id, unit, period, measure
                            ORDER BY fit, source_rank, issued_on DESC, is_estimate, obs_id) AS preference
  FROM candidates
),
cells AS (
  SELECT indicator_id, unit, period, measure,
         list({'value_low': value_low, 'value_high': value_high, 'doc_id': doc_id, 'doc_title': doc_title,
               'issued_on': issued_on, 'obs_id': obs_id, 'is_estimate': is_estimate}
              ORDER BY source_rank, issued_on DESC) FILTER (WHERE fit = min_fit) AS sources
  FROM (SELECT *, min(fit) OVER (PARTITION BY indicator_id, unit, period, measure) AS min_fit FROM ranked)
  GROUP BY ALL
),
chosen AS (
  SELECT r.indicator_id, coalesce(r.indicator_name_vi, r.label_vi) AS indicator_name,
         coalesce(r.indicator_name_en, r.indicator_name_vi, r.label_vi) AS indicator_name_en, r.domain, r.unit, r.period,
         r.measure, r.value_low, r.value_high, r.comparator, r.is_estimate, r.higher_is_better, r.obs_id, c.sources
  FROM ranked r JOIN cells c USING (indicator_id, unit, period, measure)
  WHERE r.preference = 1
),
statuses AS (
  SELECT indicator_id, unit, period,
         achievement(first(comparator) FILTER (WHERE measure = 'target'), first(higher_is_better),
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
ON period IN (${columns.map((column) => `'${column.key}'`).join(', ')})
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
