import { appObject } from '../db/sql.ts';
import { WORKBENCH_MACROS, CURATED_VIEWS } from './curated-views.ts';
import { PIVOT_FIGURES_STATEMENTS } from './pivot-figures.ts';
import { EFFECTIVE_OBSERVATIONS_VIEW } from '../review/overlay-sql.ts';
import { WAREHOUSE_COLUMNS } from '../warehouse/columns.ts';

/**
 * `effective_observations` while no correction applies: the warehouse's rows as they are, with the
 * review's three columns constant — the rows and columns the overlay gives over an empty review,
 * without its union, aggregate and two joins on every read (tests/unit/warehouse/effective-view.test.ts).
 */
export const UNREVIEWED_OBSERVATIONS_VIEW = `CREATE OR REPLACE VIEW ${appObject('effective_observations')} AS
    SELECT ${WAREHOUSE_COLUMNS.observations.map((column) => column.name).join(', ')},
           false AS reviewed, NULL::VARCHAR AS correction_note, false AS user_preferred
    FROM ${appObject('observations')}`;

/**
 * The macros and curated views in the order they are defined, `effective_observations` as the
 * overlay when a correction applies and as the plain view when none does; last the pivot's figures,
 * as a view until materialisePivotFigures computes them into a table.
 */
export function meaningLayerStatements(reviewApplies: boolean): string[] {
  return [
    ...WORKBENCH_MACROS,
    ...CURATED_VIEWS.map((view) =>
      view.name === EFFECTIVE_OBSERVATIONS_VIEW.name && !reviewApplies
        ? UNREVIEWED_OBSERVATIONS_VIEW
        : view.sql,
    ),
    ...PIVOT_FIGURES_STATEMENTS,
  ];
}
