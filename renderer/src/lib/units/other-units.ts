import type { WorkbenchDatabase } from '../db/database.ts';
import type { DbResult } from '../db/db-error.ts';
import { appObject } from '../db/sql.ts';

/** Targets or results of an indicator written in a unit the table cannot convert to the catalogue's. */
export interface OtherUnitFigures {
  indicatorId: string;
  name: string;
  nameEn: string;
  /** The catalogue's unit of the indicator, and the unit these figures are written (and shown) in. */
  catalogueUnit: string;
  unit: string;
  obsIds: string[];
}

/**
 * Every indicator's targets and results that stay in their written unit because it does not convert
 * to the catalogue's (`display_unit` differs from `indicators.unit`), one entry per indicator and
 * unit: the pivot shows each as a row of its own, and the consistency panel says why.
 */
export function otherUnitFigures(db: WorkbenchDatabase): Promise<DbResult<OtherUnitFigures[]>> {
  return db.queryRows(
    `SELECT o.indicator_id, any_value(coalesce(o.indicator_name_vi, o.label_vi)) AS name,
            any_value(coalesce(o.indicator_name_en, o.indicator_name_vi, o.label_vi)) AS name_en,
            i.unit AS catalogue_unit, coalesce(o.display_unit, '') AS unit,
            list(o.obs_id ORDER BY o.preference_rank) AS obs_ids
     FROM ${appObject('v_observations')} o
     JOIN ${appObject('indicators')} i ON i.indicator_id = o.indicator_id
     WHERE o.measure IN ('target', 'actual') AND coalesce(o.display_unit, '') IS DISTINCT FROM coalesce(i.unit, '')
     GROUP BY o.indicator_id, i.unit, coalesce(o.display_unit, '')
     ORDER BY o.indicator_id, unit`,
    [],
    (row) => ({
      indicatorId: String(row.indicator_id),
      name: String(row.name),
      nameEn: String(row.name_en),
      catalogueUnit: String(row.catalogue_unit ?? ''),
      unit: String(row.unit),
      obsIds: [...(row.obs_ids as Iterable<unknown>)].map(String),
    }),
  );
}
