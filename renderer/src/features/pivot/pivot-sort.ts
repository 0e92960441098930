import { z } from 'zod';
import type { Locale } from '../../lib/format/locale.ts';
import type { PivotCell, PivotRow } from '../../lib/pivot/pivot-rows.ts';

/** What a period's column can be sorted by: its target, its result or the result's % of the target. */
export type PeriodMeasure = 'target' | 'actual' | 'percent';

/** A column the pivot can be sorted by: the indicator's name, or a measure of one period (`2021-2025`). */
export type SortColumn = { by: 'name' } | { by: PeriodMeasure; period: string };

/** The order the pivot shows its rows in, when the user asked for one. */
export type PivotSort = SortColumn & { direction: 'ascending' | 'descending' };

const directionSchema = z.enum(['ascending', 'descending']);
const sortSchema = z.union([
  z.object({ by: z.literal('name'), direction: directionSchema }),
  z.object({
    by: z.enum(['target', 'actual', 'percent']),
    period: z.string().min(1),
    direction: directionSchema,
  }),
]);

/** A stored sort as the pivot can use it; anything else (an older or damaged record) is no sort. */
export function parseStoredSort(value: unknown): PivotSort | null {
  const parsed = sortSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The sort, unless it is by a period the pivot no longer has (then the query's order). */
export function sortOnPeriods(sort: PivotSort | null, periods: readonly { key: string }[]): PivotSort | null {
  if (!sort || sort.by === 'name') return sort;
  return periods.some((period) => period.key === sort.period) ? sort : null;
}

/** The value of a cell a sort compares; a range by its middle, as the charts draw it. */
function measureOf(cell: PivotCell | undefined, measure: PeriodMeasure): number | null {
  if (!cell) return null;
  if (measure === 'percent') return cell.percentOfTarget;
  const [low, high] =
    measure === 'target' ? [cell.targetLow, cell.targetHigh] : [cell.actualLow, cell.actualHigh];
  return low === null ? null : (low + (high ?? low)) / 2;
}

/** True when a sort is by this column (in either direction). */
export function sortsBy(sort: PivotSort | null, column: SortColumn): boolean {
  if (!sort || sort.by !== column.by) return false;
  return sort.by === 'name' || (column.by !== 'name' && sort.period === column.period);
}

/**
 * The rows in a sort's order: by the indicator's name in the reader's language (Vietnamese
 * alphabetical order in Vietnamese), or by a period's target, result or % of target. Rows without
 * that value come last either way; rows that tie keep the order the pivot gave them. Without a
 * sort: by domain as the query gives them, then by name in the reader's language.
 */
export function sortRows(rows: readonly PivotRow[], sort: PivotSort | null, locale: Locale): PivotRow[] {
  const collator = new Intl.Collator(locale === 'en' ? 'en' : 'vi', { sensitivity: 'base', numeric: true });
  const name = (row: PivotRow): string => (locale === 'en' ? row.nameEn : row.name);
  if (!sort) {
    // The query's domains in its order, each domain's rows by name in the reader's language: the
    // query sorts the Vietnamese names byte by byte (Đ after Y), and English rows by them too.
    const domains = new Map<string | null, number>();
    for (const row of rows) if (!domains.has(row.domain)) domains.set(row.domain, domains.size);
    return [...rows].sort(
      (a, b) => domains.get(a.domain)! - domains.get(b.domain)! || collator.compare(name(a), name(b)),
    );
  }
  const sign = sort.direction === 'ascending' ? 1 : -1;
  if (sort.by === 'name') return [...rows].sort((a, b) => sign * collator.compare(name(a), name(b)));
  const { by, period } = sort;
  const keyed = rows.map((row) => ({ row, value: measureOf(row.cells[period], by) }));
  // Array.prototype.sort is stable: ties keep the pivot's order.
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0);
    return sign * (a.value - b.value);
  });
  return keyed.map(({ row }) => row);
}

/**
 * The sort after a click on a column's sort control: ascending first, then descending, then the
 * pivot's own order again; another column starts ascending.
 */
export function nextSort(current: PivotSort | null, column: SortColumn): PivotSort | null {
  if (!current || !sortsBy(current, column)) return { ...column, direction: 'ascending' };
  return current.direction === 'ascending' ? { ...column, direction: 'descending' } : null;
}
