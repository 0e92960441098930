import { CollectionStore } from '../../../electron/main/collection-store.ts';
import { figureDetails, type FigureDetail } from '../../../renderer/src/features/review/review-queries.ts';
import type { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { UserStore, type StoreBackend } from '../../../renderer/src/lib/platform/user-store.ts';

/** The user store over the real Electron-side files in `userData`, as the desktop app keeps it. */
export function fileStore(userData: string, failWrites = false): UserStore {
  const files = new CollectionStore(userData);
  const backend: StoreBackend = {
    read: (collection) => files.read(collection),
    write: (changes) => (failWrites ? Promise.reject(new Error('disk full')) : files.write(changes)),
  };
  return new UserStore(backend);
}

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
