import type { SqlParam } from '../db/database.ts';
import { appObject, ident, inBoundList, literal } from '../db/sql.ts';
import { INDICATOR_DOMAINS } from '../extraction/catalogue.ts';
import { PIVOT_FIGURES, pivotCandidatesSql } from '../meaning/pivot-figures.ts';
import { shownPeriods, type PeriodColumn } from '../meaning/plan-periods.ts';
import type { PivotConfig } from './pivot-config.ts';

export interface PivotQuery {
  sql: string;
  params: SqlParam[];
  columns: PeriodColumn[];
}

// Each cell's fields, in the order the pivot's columns give them per period (`<period>_<field>`).
const CELL_FIELDS = [
  'target_low',
  'target_high',
  'target_comparator',
  'target_obs',
  'target_sources',
  'actual_low',
  'actual_high',
  'actual_estimate',
  'actual_obs',
  'actual_sources',
  'status',
  'percent_of_target',
  'target_gap',
  'yoy_change',
  'cagr',
  'cagr_from',
  'cagr_to',
] as const;

/** The query with its parameters written in, as "Xem SQL" shows it; it returns the same rows. */
export function inlineParams(query: PivotQuery): string {
  let index = 0;
  return query.sql.replace(/\?/g, () => literal(query.params[index++] ?? null));
}

/**
 * The pivot, computed by DuckDB over the meaning layer: one row per indicator, each figure in its
 * catalogue unit (`display_*`; as written where the unit table cannot convert it), and for each
 * period of `plan_periods` shown the preferred target and result (`preferred_figures`, read from
 * the table the meaning layer keeps of it, or within the chosen document if any), every source's value, and the calculated measures: achievement status,
 * % of target, gap, the change on the year before (single years) and the compound annual growth
 * over a plan period from its yearly results. A column takes figures for exactly its period and,
 * for a plan period, levels stated for its final year. `forUser`: the same rows from what the
 * user's connection can read (not the app connection's table of figures).
 */
export function buildPivotQuery(
  config: PivotConfig,
  periods: readonly PeriodColumn[],
  indicatorIds: readonly string[] | null = null,
  { forUser = false } = {},
): PivotQuery {
  const columns = shownPeriods(periods, config.expandYears);
  // The document filter chooses among that document's figures, so it goes into the preference.
  const params: SqlParam[] = config.docId === null ? [] : [config.docId];
  const fold = appObject('fold');
  const filters: string[] = [];
  if (indicatorIds) {
    // Indicator ids are [a-z0-9_]: a comma-separated list is unambiguous.
    filters.push(inBoundList('o.indicator_id', ','));
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
      `(${fold}(coalesce(o.indicator_name_vi, o.label_vi)) LIKE '%' || ${fold}(?) || '%' OR ${fold}(coalesce(o.indicator_name_en, '')) LIKE '%' || ${fold}(?) || '%' OR o.indicator_id LIKE '%' || ${fold}(?) || '%')`,
    );
    params.push(config.search.trim(), config.search.trim(), config.search.trim());
  }
  const shown = columns.map((column) => literal(column.key)).join(', ');
  const target = (column: string): string => `first(${column}) FILTER (WHERE measure = 'target')`;
  const cellArguments = 'target_comparator, higher_is_better, target_low, target_high, actual';
  // All documents: the figures the meaning layer keeps for the pivot (a table once computed). One
  // document: its own preference, computed now (its figures only, so it is small). The table is the
  // app connection's own: the query a user runs ("Xem SQL") computes the same figures from the view.
  const figures =
    config.docId === null && !forUser
      ? PIVOT_FIGURES
      : `(${pivotCandidatesSql(`${appObject('preferred_figures')}(${config.docId === null ? 'NULL' : '?'})`)})`;
  const sql = `WITH candidates AS (
  SELECT * FROM ${figures} o${filters.length > 0 ? `\n  WHERE ${filters.join('\n    AND ')}` : ''}
),
cell_targets AS (
  -- The basis of each cell's target (a level, an annual average, a total), to pick a result it compares with.
  SELECT indicator_id, display_unit, period, basis AS target_basis
  FROM candidates
  WHERE measure = 'target'
  QUALIFY row_number() OVER (PARTITION BY indicator_id, display_unit, period ORDER BY fit, preference_rank) = 1
),
chosen AS (
  -- One figure group per cell and measure: a result on the target's basis, the best fit, then the
  -- preferred source; in the unit shown.
  SELECT indicator_id, coalesce(indicator_name_vi, label_vi) AS indicator_name,
         coalesce(indicator_name_en, indicator_name_vi, label_vi) AS indicator_name_en, domain, kind,
         display_unit AS unit, period, period_kind, column_start, column_end, measure, basis,
         display_low AS value_low, display_high AS value_high, comparator, is_estimate, higher_is_better, obs_id, sources
  FROM candidates LEFT JOIN cell_targets USING (indicator_id, display_unit, period)
  QUALIFY row_number() OVER (
    PARTITION BY indicator_id, display_unit, period, measure
    ORDER BY basis IS NOT DISTINCT FROM target_basis DESC, fit, preference_rank) = 1
),
yearly AS (
  -- Each year's result of a level, for the change on the year before and the growth over a period.
  SELECT indicator_id, unit, column_start AS year, value_low AS value
  FROM chosen
  WHERE period_kind = 'year' AND measure = 'actual' AND value_low = value_high AND kind IS DISTINCT FROM 'rank'
),
growth AS (
  -- From the first to the last yearly result within a plan period (and the year before it).
  SELECT t.period, y.indicator_id, y.unit, min(y.year) AS cagr_from, max(y.year) AS cagr_to,
         ${appObject('cagr')}(arg_min(y.value, y.year), arg_max(y.value, y.year), max(y.year) - min(y.year)) AS cagr
  FROM (SELECT DISTINCT period, column_start, column_end FROM chosen WHERE period_kind = 'term') t
  JOIN yearly y ON y.year BETWEEN t.column_start - 1 AND t.column_end
  WHERE y.unit <> '%'
  GROUP BY ALL
  HAVING max(y.year) - min(y.year) >= 2
),
cells AS (
  SELECT chosen.indicator_id, unit, chosen.period, any_value(period_kind) AS period_kind,
         any_value(column_start) AS column_start,
         ${target('comparator')} AS target_comparator, first(higher_is_better) AS higher_is_better,
         ${target('value_low')} AS target_low, ${target('value_high')} AS target_high,
         -- A result on another basis than the target (a total against a level) is not compared.
         first(value_low) FILTER (WHERE measure = 'actual' AND coalesce(basis = target_basis, true)) AS actual
  FROM chosen LEFT JOIN cell_targets ON cell_targets.indicator_id = chosen.indicator_id
   AND cell_targets.display_unit = chosen.unit AND cell_targets.period = chosen.period
  GROUP BY chosen.indicator_id, unit, chosen.period
),
measures AS (
  SELECT c.indicator_id, c.unit, c.period,
         ${appObject('achievement')}(${cellArguments}) AS status,
         ${appObject('percent_of_target')}(${cellArguments}) AS percent_of_target,
         ${appObject('target_gap')}(${cellArguments}) AS target_gap,
         ${appObject('yoy_change')}(previous.value, c.actual, c.unit) AS yoy_change,
         g.cagr, g.cagr_from, g.cagr_to
  FROM cells c
  -- Only a single year has a year before; a plan period's key is NULL and matches nothing. (Written
  -- as one key, not as a condition on c alone, so the join stays a hash join, not a nested loop.)
  LEFT JOIN yearly previous
    ON previous.indicator_id = c.indicator_id AND previous.unit = c.unit
   AND previous.year = CASE WHEN c.period_kind = 'year' THEN c.column_start - 1 END
  LEFT JOIN growth g ON g.period = c.period AND g.indicator_id = c.indicator_id AND g.unit = c.unit
),
preferred AS (
  -- One row per cell and measure, spread into target_* and actual_* columns for the pivot.
  SELECT indicator_id, indicator_name, indicator_name_en, domain, unit, period, status,
         percent_of_target, target_gap, yoy_change, cagr, cagr_from, cagr_to,
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
  FROM chosen JOIN measures USING (indicator_id, unit, period)
  WHERE period IN (${shown})
),
cells_shown AS (
  -- One row per shown cell, its fields in one struct: the PIVOT below then spreads one aggregate per
  -- period, not one per period and field (hundreds, each evaluated on every row).
  SELECT indicator_id, indicator_name, indicator_name_en, domain, unit, period,
         {${CELL_FIELDS.map((field) => `${literal(field)}: any_value(${field})`).join(', ')}} AS cell
  FROM preferred
  GROUP BY indicator_id, indicator_name, indicator_name_en, domain, unit, period
),
spread AS (
  PIVOT cells_shown
  ON period IN (${shown})
  USING any_value(cell) AS cell
  GROUP BY indicator_id, indicator_name, indicator_name_en, domain, unit
)
SELECT indicator_id, indicator_name, indicator_name_en, domain, unit,
  ${columns
    .flatMap((column) =>
      CELL_FIELDS.map(
        (field) =>
          `struct_extract(${ident(`${column.key}_cell`)}, ${literal(field)}) AS ${ident(`${column.key}_${field}`)}`,
      ),
    )
    .join(',\n  ')}
FROM spread
ORDER BY list_position([${INDICATOR_DOMAINS.map(literal).join(', ')}], domain) NULLS LAST, domain NULLS LAST,
  indicator_name, unit`;
  return { sql, params, columns };
}
