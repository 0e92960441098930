import type { WorkbenchDatabase } from '../db/database.ts';
import type { DbResult } from '../db/db-error.ts';
import { appObject } from '../db/sql.ts';

/** A plan period (`2021-2025`) or a single year (`2024`), as `plan_periods` lists them. */
export interface PeriodColumn {
  key: string;
  start: number;
  end: number;
  kind: 'term' | 'year';
}

/** The plan periods then the single years, from the meaning layer's `plan_periods`. */
export function readPlanPeriods(db: WorkbenchDatabase): Promise<DbResult<PeriodColumn[]>> {
  return db.queryRows(
    `SELECT period, period_start, period_end, kind FROM ${appObject('plan_periods')} ORDER BY position`,
    [],
    (row) => ({
      key: String(row.period),
      start: Number(row.period_start),
      end: Number(row.period_end),
      kind: row.kind === 'year' ? 'year' : 'term',
    }),
  );
}

/** The plan periods alone, or with the single years after them. */
export function shownPeriods(periods: readonly PeriodColumn[], withYears: boolean): PeriodColumn[] {
  return periods.filter((period) => withYears || period.kind === 'term');
}

/** A period as people write it: `2021–2025` (an en dash between the years), `2024`. */
export function periodLabel(period: PeriodColumn): string {
  return period.kind === 'term' ? `${period.start}–${period.end}` : String(period.start);
}
