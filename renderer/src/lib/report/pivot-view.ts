import type { PeriodColumn } from '../meaning/plan-periods.ts';
import type { PivotConfig } from '../pivot/pivot-config.ts';
import type { PivotRow } from '../pivot/pivot-rows.ts';

/**
 * The pivot as the Chỉ tiêu area shows it, as plain data a report job can carry: the layout that
 * chose its rows (search, domain, document, measure, catalogue, years), the period columns shown and
 * the rows in the order shown. A report built from it runs the same pivot query, not a selection of its own.
 */
export interface PivotView {
  config: PivotConfig;
  /** The period columns on screen, in order (`2021-2025`, `2024`, …). */
  columns: string[];
  /** The rows on screen, in order, each as `indicator_id|unit`. */
  rows: string[];
}

/** A row's identity in the pivot: one indicator in one unit. */
export function pivotRowKey(row: Pick<PivotRow, 'indicatorId' | 'unit'>): string {
  return `${row.indicatorId}|${row.unit}`;
}

/** Describes what the pivot shows, to export exactly that. */
export function describePivot(
  config: PivotConfig,
  columns: readonly PeriodColumn[],
  rows: readonly PivotRow[],
): PivotView {
  return {
    config: { ...config },
    columns: columns.map((column) => column.key),
    rows: rows.map(pivotRowKey),
  };
}

/** The indicators a view shows, each once, in the order of their first row. */
export function viewIndicators(view: PivotView): string[] {
  return [...new Set(view.rows.map((key) => key.slice(0, key.indexOf('|'))))];
}

/** The rows of a view in its order; rows it does not show are left out. */
export function inViewOrder(rows: readonly PivotRow[], view: PivotView): PivotRow[] {
  const byKey = new Map(rows.map((row) => [pivotRowKey(row), row]));
  return view.rows.map((key) => byKey.get(key)).filter((row): row is PivotRow => row !== undefined);
}

/** The columns of a view in its order, among those the query returned. */
export function inViewColumns(columns: readonly PeriodColumn[], view: PivotView): PeriodColumn[] {
  const byKey = new Map(columns.map((column) => [column.key, column]));
  return view.columns
    .map((key) => byKey.get(key))
    .filter((column): column is PeriodColumn => column !== undefined);
}
