import type { WorkbenchDatabase } from '../db/database.ts';
import type { DbResult } from '../db/db-error.ts';
import { appObject, ident, qualified } from '../db/sql.ts';

/**
 * The preferred figures of every document, each beside the pivot column it fits, as the pivot reads
 * them (`PIVOT_FIGURES`). Defined with the meaning layer as a view computed on every read; then
 * `materialisePivotFigures` computes it once into a table (when the engine is idle after a load, and
 * again after corrections, imports or a restore change what it reads), so a pivot is a cheap query on
 * a table instead of the whole preference rule planned and run again on every change of layout. Every
 * change of the data points the pivot back at the view first (`FORGET_PIVOT_FIGURES`): it never reads
 * a table of older figures. All are temporary objects
 * of the app's own connection: user SQL (another connection) can neither see nor change them, and a
 * fresh database starts without them until the meaning layer is defined again.
 */
export const PIVOT_FIGURES = qualified('temp', 'main', 'pivot_figures');
// Temporary objects are created by their bare name (the engine puts them in `temp.main`).
const LIVE_NAME = 'pivot_figures_live';
const TABLE_NAME = 'pivot_figures_table';
const LIVE = qualified('temp', 'main', LIVE_NAME);
const TABLE = qualified('temp', 'main', TABLE_NAME);

// What the pivot reads of a figure and its column, in this order, from `o` (the preferred figure)
// and `p` (the period of plan_periods it fits). Nothing else is carried (the quote, the offsets).
const FIGURE_COLUMNS = [
  'indicator_id',
  'indicator_name_vi',
  'indicator_name_en',
  'label_vi',
  'domain',
  'kind',
  'catalogued',
  'higher_is_better',
  'measure',
  'basis',
  'display_unit',
  'display_low',
  'display_high',
  'comparator',
  'is_estimate',
  'obs_id',
  'sources',
  'preference_rank',
] as const;

/**
 * The pivot's candidates from `figures` (the preferred figures, aliased `o`): every figure with each
 * period column it fits (`fit` 0: exactly that period; 1: a level stated for a plan period's final
 * year), only the columns the pivot reads.
 */
export function pivotCandidatesSql(figures: string): string {
  return `SELECT p.period, p.kind AS period_kind, p.period_start AS column_start, p.period_end AS column_end,
         ${FIGURE_COLUMNS.map((column) => `o.${column}`).join(', ')},
         CASE WHEN o.period_start = p.period_start AND o.period_end = p.period_end THEN 0 ELSE 1 END AS fit
  FROM ${figures} o
  JOIN ${appObject('plan_periods')} p
    ON (o.period_start = p.period_start AND o.period_end = p.period_end)
    OR (p.kind = 'term' AND o.period_start = p.period_end AND o.period_end = p.period_end)
  WHERE o.measure IN ('target', 'actual')`;
}

/**
 * The pivot reads the view again and the table is gone (its memory with it): run by every change of
 * the data that does not define the meaning layer again, before anything reads the new rows.
 */
export const FORGET_PIVOT_FIGURES: readonly string[] = [pointPivotAt(LIVE), `DROP TABLE IF EXISTS ${TABLE}`];

/**
 * The meaning layer's last statements: the pivot's figures as a view computed on every read, which
 * is what they are until `materialisePivotFigures` has run again (never a table of older figures).
 */
export const PIVOT_FIGURES_STATEMENTS: readonly string[] = [
  `CREATE OR REPLACE TEMP VIEW ${ident(LIVE_NAME)} AS
  ${pivotCandidatesSql(`${appObject('preferred_figures')}(NULL)`)}`,
  ...FORGET_PIVOT_FIGURES,
];

/**
 * Computes the pivot's figures into a table and points the pivot at it (the workspace runs it when
 * the engine is idle after each change of the data). Where the engine lacks the memory
 * to hold the table, the pivot keeps reading the view (and says so itself when it runs out), so
 * it never fails: the result is false then, with the engine's message.
 */
export async function materialisePivotFigures(
  db: WorkbenchDatabase,
): Promise<DbResult<{ materialised: boolean; message: string | null }>> {
  // One round trip when the table is made; a statement that fails stops the rest.
  // The old table goes first: computed beside it, 1M figures ran out of memory where alone they fit.
  const table = await db.query(
    [
      ...FORGET_PIVOT_FIGURES,
      `CREATE TEMP TABLE ${ident(TABLE_NAME)} AS SELECT * FROM ${LIVE}`,
      pointPivotAt(TABLE),
    ].join(';\n'),
  );
  if (table.ok) return { ok: true, value: { materialised: true, message: null } };
  // Never an older table of figures: the pivot reads the view again.
  const pointed = await db.query(FORGET_PIVOT_FIGURES.join(';\n'));
  if (!pointed.ok) return pointed;
  return { ok: true, value: { materialised: false, message: table.error.message } };
}

function pointPivotAt(source: string): string {
  return `CREATE OR REPLACE TEMP VIEW pivot_figures AS SELECT * FROM ${source}`;
}
