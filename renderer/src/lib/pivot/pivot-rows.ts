import type { Table } from 'apache-arrow';
import type { PeriodColumn } from '../meaning/plan-periods.ts';

/** One source's value in a cell, for the conflict badge and the provenance list. */
export interface CellSource {
  value_low: number;
  value_high: number;
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

/** Reads the DuckDB pivot (one row per indicator and unit) into cells per period column. */
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
