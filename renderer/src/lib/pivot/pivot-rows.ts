import type { Table } from 'apache-arrow';
import type { PeriodColumn } from '../meaning/plan-periods.ts';

/** One source's value in a cell, for the conflict badge and the provenance list. */
export interface CellSource {
  /** The value in the row's unit (converted by the unit table where it was written in another). */
  value_low: number;
  value_high: number;
  /** The value and unit as the document wrote them (`30,6 tỷ USD` in a row in triệu USD). */
  written_low: number;
  written_high: number;
  written_unit: string;
  doc_id: string;
  doc_title: string;
  issued_on: string;
  obs_id: string;
  is_estimate: boolean;
}

export interface PivotCell {
  targetLow: number | null;
  targetHigh: number | null;
  targetComparator: string | null;
  targetSources: CellSource[];
  actualLow: number | null;
  actualHigh: number | null;
  actualEstimate: boolean;
  actualSources: CellSource[];
  status: string | null;
  /** Calculated measures (null where they do not apply): kết quả / chỉ tiêu × 100. */
  percentOfTarget: number | null;
  /** Kết quả − chỉ tiêu in the row's unit (percentage points when it is %). */
  targetGap: number | null;
  /** A single year's change on the year before: points for a %, % otherwise. */
  yoyChange: number | null;
  /** A plan period's compound annual growth (%) from its first to its last yearly result. */
  cagr: number | null;
  cagrFrom: number | null;
  cagrTo: number | null;
}

export interface PivotRow {
  indicatorId: string;
  name: string;
  /** The English name where the catalogue has one. */
  nameEn: string;
  domain: string | null;
  unit: string;
  cells: Record<string, PivotCell>;
}

function sourcesOf(value: unknown): CellSource[] {
  const list = value as { toArray(): { toJSON(): CellSource }[] } | null;
  return list ? list.toArray().map((item) => item.toJSON()) : [];
}

function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** Reads the DuckDB pivot (one row per indicator, in its catalogue unit where it converts) into cells per period column. */
export function readPivot(table: Table, columns: readonly PeriodColumn[]): PivotRow[] {
  return table.toArray().map((row) => {
    const record = row.toJSON() as Record<string, unknown>;
    const cells: Record<string, PivotCell> = {};
    for (const column of columns) {
      const field = (name: string): unknown => record[`${column.key}_${name}`] ?? null;
      cells[column.key] = {
        targetLow: field('target_low') as number | null,
        targetHigh: field('target_high') as number | null,
        targetComparator: field('target_comparator') as string | null,
        targetSources: sourcesOf(field('target_sources')),
        actualLow: field('actual_low') as number | null,
        actualHigh: field('actual_high') as number | null,
        actualEstimate: Boolean(field('actual_estimate')),
        actualSources: sourcesOf(field('actual_sources')),
        status: field('status') as string | null,
        percentOfTarget: numberOrNull(field('percent_of_target')),
        targetGap: numberOrNull(field('target_gap')),
        yoyChange: numberOrNull(field('yoy_change')),
        cagr: numberOrNull(field('cagr')),
        cagrFrom: numberOrNull(field('cagr_from')),
        cagrTo: numberOrNull(field('cagr_to')),
      };
    }
    return {
      indicatorId: String(record.indicator_id),
      name: String(record.indicator_name),
      nameEn: String(record.indicator_name_en ?? record.indicator_name),
      domain: record.domain === null ? null : String(record.domain),
      unit: String(record.unit ?? ''),
      cells,
    };
  });
}

/** True when the documents behind a cell state more than one value. */
export function disagrees(sources: readonly CellSource[]): boolean {
  return new Set(sources.map((source) => `${source.value_low}|${source.value_high}`)).size > 1;
}

/** True when a cell holds a target or a result. */
export function hasFigure(cell: PivotCell | undefined): cell is PivotCell {
  return cell !== undefined && (cell.targetLow !== null || cell.actualLow !== null);
}

/** The plan periods, and the single years that hold a figure in some row (empty years are not shown). */
export function columnsWithFigures(
  rows: readonly PivotRow[],
  columns: readonly PeriodColumn[],
): PeriodColumn[] {
  return columns.filter(
    (column) => column.kind === 'term' || rows.some((row) => hasFigure(row.cells[column.key])),
  );
}
