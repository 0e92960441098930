import type { WorkbenchDatabase } from '../db/database.ts';
import type { DbResult } from '../db/db-error.ts';
import { appObject } from '../db/sql.ts';

/** At most this many indicator slides in a "Báo cáo nhanh": title, these and the summary fit 13 slides. */
export const BRIEFING_LIMIT = 10;

/** A domain's key indicators for a briefing, and how many reportable ones the domain has in all. */
export interface BriefingChoice {
  ids: string[];
  domainCount: number;
}

/**
 * The key indicators of a domain: those with a target and a result (or estimate) in the same plan
 * period's column (the cells a deck of plan periods shows), so it can set target
 * against result; the ones most documents and
 * periods carry first, at most `limit`. The catalogue has no priority flag, so coverage ranks them.
 */
export async function briefingIndicators(
  db: WorkbenchDatabase,
  domain: string,
  limit = BRIEFING_LIMIT,
): Promise<DbResult<BriefingChoice>> {
  const figures = `SELECT indicator_id, measure, period_start, period_end, doc_id
     FROM ${appObject('v_observations')}
     WHERE catalogued AND domain = ? AND measure IN ('target', 'actual')`;
  const chosen = await db.queryRows(
    `WITH figures AS (${figures}),
     -- A figure fits a plan period's column as the pivot's does: that very period, or a level
     -- stated for its final year.
     in_terms AS (
       SELECT f.indicator_id, f.measure, t.period_start AS term_start
       FROM figures f JOIN ${appObject('plan_periods')} t
         ON t.kind = 'term' AND f.period_end = t.period_end
        AND (f.period_start = t.period_start OR f.period_start = t.period_end)),
     compared AS (
       SELECT DISTINCT target.indicator_id
       FROM in_terms target JOIN in_terms result USING (indicator_id, term_start)
       WHERE target.measure = 'target' AND result.measure = 'actual')
     SELECT indicator_id AS id, count(DISTINCT doc_id) AS documents,
            count(DISTINCT (period_start, period_end)) AS periods
     FROM figures SEMI JOIN compared USING (indicator_id)
     GROUP BY indicator_id
     ORDER BY documents DESC, periods DESC, indicator_id
     LIMIT ?`,
    [domain, limit],
    (row) => String(row.id),
  );
  if (!chosen.ok) return chosen;
  const all = await db.queryRows(
    `SELECT count(DISTINCT indicator_id) AS n FROM (${figures})`,
    [domain],
    (row) => Number(row.n),
  );
  if (!all.ok) return all;
  return { ok: true, value: { ids: chosen.value, domainCount: all.value[0] ?? 0 } };
}
