import { WAREHOUSE_COLUMNS, type WarehouseRow } from '../warehouse/columns.ts';
import { encodeArrowIpc } from '../warehouse/encode-arrow.ts';
import type { WarehouseTable } from '../warehouse/tables.ts';

/** One source the user added to the warehouse: an imported document or a mapped user table. */
export interface AddedSource {
  document: WarehouseRow;
  observations: readonly WarehouseRow[];
  /** Indicators its figures name that the catalogue lacks. */
  indicators: readonly WarehouseRow[];
}

/**
 * The rows the added sources append to the warehouse tables, as Arrow IPC streams: every document
 * and figure, and each new indicator once (the warehouse's own, `known`, never twice).
 */
export function additionsFor(
  sources: readonly AddedSource[],
  known: ReadonlySet<string>,
): Map<WarehouseTable, Uint8Array[]> {
  const indicators: WarehouseRow[] = [];
  const seen = new Set(known);
  for (const source of sources) {
    for (const indicator of source.indicators) {
      const id = String(indicator.indicator_id);
      if (seen.has(id)) continue;
      seen.add(id);
      indicators.push(indicator);
    }
  }
  const rows: Partial<Record<WarehouseTable, WarehouseRow[]>> = {
    documents: sources.map((source) => source.document),
    observations: sources.flatMap((source) => [...source.observations]),
    indicators,
  };
  const additions = new Map<WarehouseTable, Uint8Array[]>();
  for (const [table, tableRows] of Object.entries(rows) as [WarehouseTable, WarehouseRow[]][]) {
    if (tableRows.length > 0) additions.set(table, [encodeArrowIpc(WAREHOUSE_COLUMNS[table], tableRows)]);
  }
  return additions;
}

/** Indicator rows for the uncatalogued figures of a mapped user table (named as the table names them). */
export function userTableIndicators(observations: readonly WarehouseRow[]): WarehouseRow[] {
  return observations
    .filter((row) => row.catalogued === false)
    .map((row) => ({
      indicator_id: row.indicator_id ?? null,
      name_vi: row.label_vi ?? null,
      name_en: null,
      domain: null,
      group: null,
      unit: row.unit ?? null,
      kind: row.unit === '%' ? 'rate' : 'level',
      higher_is_better: null,
      phrasings: row.label_vi ?? null,
      catalogued: false,
    }));
}
