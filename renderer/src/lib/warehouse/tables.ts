/** The warehouse tables the app loads, in load order; each ships as `warehouse/<name>.arrow`. */
export const WAREHOUSE_TABLES = ['documents', 'indicators', 'observations', 'units'] as const;

export type WarehouseTable = (typeof WAREHOUSE_TABLES)[number];

/** Path of a table's Arrow IPC stream, relative to the app's base URL. */
export function arrowPath(table: WarehouseTable): string {
  return `warehouse/${table}.arrow`;
}
