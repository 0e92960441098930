import { WAREHOUSE_COLUMNS, type WarehouseRow } from '../../renderer/src/lib/warehouse/columns.ts';
import { encodeArrowIpc } from '../../renderer/src/lib/warehouse/encode-arrow.ts';

/**
 * `rows` observations as a user's source would add them, as Arrow IPC chunks of `chunkRows`: copies
 * of the shipped figures, each copy its own uncatalogued indicator. One chunk at a time, so millions
 * of rows never sit in memory together.
 */
export function* userRowChunks(
  shipped: readonly WarehouseRow[],
  rows: number,
  chunkRows: number,
): Generator<Uint8Array> {
  for (let first = 0; first < rows; first += chunkRows) {
    const copies: WarehouseRow[] = [];
    for (let at = first; at < Math.min(rows, first + chunkRows); at++) {
      const base = shipped[at % shipped.length]!;
      const copy = `~u${Math.floor(at / shipped.length)}`;
      copies.push({
        ...base,
        obs_id: `${base.obs_id}${copy}`,
        indicator_id: `${base.indicator_id}${copy}`,
        catalogued: false,
      });
    }
    yield encodeArrowIpc(WAREHOUSE_COLUMNS.observations, copies);
  }
}
