import type { WorkbenchDatabase } from '../../lib/db/database.ts';
import type { DbResult } from '../../lib/db/db-error.ts';
import { appObject, inBoundList } from '../../lib/db/sql.ts';
import type { Locale } from '../../lib/format/locale.ts';
import { translate } from '../../lib/i18n/translate.ts';
import { documentTitle } from '../../lib/meaning/document-titles.ts';

/** One value of a chart: a label (period or year), a series and the value with its range and source. */
export interface ChartPoint {
  series: string;
  label: string;
  low: number;
  high: number;
  /** The figure's sign (`<`, `>=`, `~`), written before its label as the tables write it; none for `=`. */
  comparator?: string | null;
  unit: string;
  /** What the unit measures (`money_usd`, `percent`, `visits`) from the unit table; empty when unknown. */
  dimension?: string;
  estimate: boolean;
  /** The source document's title in the chart's language (the English gloss in English). */
  docTitle: string;
  /** The figure behind the point (drill-down), and whether a user correction applies to it. */
  obsId?: string;
  reviewed?: boolean;
}

export interface IndicatorChoice {
  id: string;
  name: string;
  /** The catalogue's English name (the Vietnamese one where it has none). */
  nameEn: string;
  unit: string;
}

const OBSERVATIONS = appObject('v_observations');
const PLAN_PERIODS = appObject('plan_periods');
// Values in the indicator's catalogue unit (converted by the unit table), with that unit's dimension;
// a target's sign (`<3%`, `≈130`) as the pivot writes it, a result's never (the pivot shows none).
const SHOWN = `display_low AS low, display_high AS high,
  CASE WHEN measure = 'target' THEN comparator END AS comparator, display_unit AS unit,
  (SELECT u.dimension FROM ${appObject('units')} u WHERE u.unit = display_unit) AS dimension`;

// An indicator's name in the chart's language: the first parameter is the locale.
const INDICATOR_NAME = `CASE WHEN ? = 'en' THEN coalesce(indicator_name_en, indicator_name_vi, label_vi)
  ELSE coalesce(indicator_name_vi, label_vi) END`;

async function points(
  db: WorkbenchDatabase,
  sql: string,
  params: (string | number)[],
  locale: Locale,
): Promise<DbResult<ChartPoint[]>> {
  return db.queryRows(sql, params, (row) => ({
    series: String(row.series),
    label: String(row.label),
    low: Number(row.low),
    high: Number(row.high),
    comparator: row.comparator === null || row.comparator === undefined ? null : String(row.comparator),
    unit: String(row.unit ?? ''),
    dimension: String(row.dimension ?? ''),
    estimate: Boolean(row.estimate),
    docTitle: documentTitle(String(row.doc_id ?? ''), String(row.doc_title ?? ''), locale),
    obsId: row.obs_id === null || row.obs_id === undefined ? undefined : String(row.obs_id),
    reviewed: Boolean(row.reviewed),
  }));
}

/** Catalogued indicators with targets or results, for the chart's picker. */
export async function chartableIndicators(db: WorkbenchDatabase): Promise<DbResult<IndicatorChoice[]>> {
  return db.queryRows(
    `SELECT indicator_id, any_value(indicator_name_vi) AS name,
            any_value(coalesce(indicator_name_en, indicator_name_vi)) AS name_en, mode(display_unit) AS unit
     FROM ${OBSERVATIONS} WHERE catalogued AND measure IN ('target', 'actual')
     GROUP BY indicator_id ORDER BY name`,
    [],
    (row) => ({
      id: String(row.indicator_id),
      name: String(row.name),
      nameEn: String(row.name_en),
      unit: String(row.unit ?? ''),
    }),
  );
}

/**
 * Target and result of one indicator for each plan period (or the level stated for its final year),
 * the two series named in `locale` ("Chỉ tiêu"/"Kết quả", "Target"/"Result").
 */
export function targetVsResult(
  db: WorkbenchDatabase,
  indicatorId: string,
  locale: Locale = 'vi',
): Promise<DbResult<ChartPoint[]>> {
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
     SELECT CASE measure WHEN 'target' THEN ? ELSE ? END AS series, term AS label,
            ${SHOWN}, is_estimate AS estimate, doc_id, doc_title, obs_id, reviewed
     FROM candidates
     QUALIFY row_number() OVER (PARTITION BY term, measure ORDER BY fit, preference_rank) = 1
     -- Targets first: the first point's series takes the first colour and legend place.
     ORDER BY measure DESC, label`,
    [indicatorId, indicatorId, translate(locale, 'charts.target'), translate(locale, 'charts.result')],
    locale,
  );
}

/** Yearly results of some indicators (a footnote's series) over the plan periods, one series per indicator, named in `locale`. */
export function yearlySeries(
  db: WorkbenchDatabase,
  indicatorIds: readonly string[],
  locale: Locale = 'vi',
): Promise<DbResult<ChartPoint[]>> {
  return points(
    db,
    `SELECT ${INDICATOR_NAME} AS series, period_start::VARCHAR AS label,
            ${SHOWN}, is_estimate AS estimate, doc_id, doc_title, obs_id, reviewed
     FROM ${OBSERVATIONS}
     WHERE ${inBoundList('indicator_id', ',')} AND measure = 'actual' AND period_start = period_end
       AND period_start BETWEEN (SELECT min(period_start) FROM ${PLAN_PERIODS})
                            AND (SELECT max(period_end) FROM ${PLAN_PERIODS} WHERE kind = 'year')
     QUALIFY row_number() OVER (PARTITION BY indicator_id, period_start ORDER BY preference_rank) = 1
     ORDER BY series, label`,
    // Indicator ids are [a-z0-9_]: a comma-separated list is unambiguous.
    [locale, indicatorIds.join(',')],
    locale,
  );
}

/** A whole by its parts (GRDP by sector, shares in %) for each year a document gives a result or a target for, named in `locale`. */
export function structure(
  db: WorkbenchDatabase,
  whole = 'grdp_share',
  locale: Locale = 'vi',
): Promise<DbResult<ChartPoint[]>> {
  return points(
    db,
    `SELECT ${INDICATOR_NAME} AS series,
            period_end::VARCHAR || ' (' || CASE measure WHEN 'target' THEN ? ELSE ? END || ')' AS label,
            ${SHOWN}, is_estimate AS estimate, doc_id, doc_title, obs_id, reviewed
     FROM ${OBSERVATIONS}
     WHERE kind = 'share' AND share_of = ? AND unit = '%' AND measure IN ('target', 'actual') AND period_start = period_end
     QUALIFY row_number() OVER (PARTITION BY indicator_id, measure, period_end ORDER BY preference_rank) = 1
     ORDER BY label, series`,
    [locale, translate(locale, 'charts.targetLabel'), translate(locale, 'charts.resultLabel'), whole],
    locale,
  );
}
