import { figureDetails, type FigureDetail } from '../../../renderer/src/features/review/review-queries.ts';
import type { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';

const GRDP = `SELECT obs_id FROM v_observations WHERE indicator_id = 'grdp_growth' AND measure = 'actual'
  AND period_start = 2021 AND period_end = 2025 AND basis = 'annual_avg' ORDER BY preference_rank`;

/** The GRDP growth results of 2021–2025 as the review panel shows them, most preferred first. */
export async function grdpDetails(db: WorkbenchDatabase): Promise<FigureDetail[]> {
  const ids = await db.queryRows(GRDP, [], (row) => String(row.obs_id));
  if (!ids.ok) throw new Error(ids.error.message);
  const details = await figureDetails(db, ids.value);
  if (!details.ok) throw new Error(details.error.message);
  return details.value;
}
