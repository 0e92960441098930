import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { WarehouseRows } from '../../renderer/src/lib/extraction/build-warehouse.ts';
import { WAREHOUSE_COLUMNS } from '../../renderer/src/lib/warehouse/columns.ts';
import { encodeArrowIpc } from '../../renderer/src/lib/warehouse/encode-arrow.ts';
import { encodeCsvRows } from '../../renderer/src/lib/warehouse/encode-csv.ts';
import { encodeParquet } from '../../renderer/src/lib/warehouse/encode-parquet.ts';
import { WAREHOUSE_TABLES } from '../../renderer/src/lib/warehouse/tables.ts';
import { stageFolder, type StagedFolder } from './output-folder.ts';

/** The files of a warehouse folder: each table as Parquet, CSV and Arrow IPC. */
export const WAREHOUSE_FILES: ReadonlySet<string> = new Set(
  WAREHOUSE_TABLES.flatMap((table) => ['parquet', 'csv', 'arrow'].map((ext) => `${table}.${ext}`)),
);

// What else a warehouse folder may hold: reader texts and a review's tables (written beside).
const BESIDE_TABLES = ['sources', 'effective_observations.csv', 'corrections.csv'];

/** Checks `outDir` and makes its staging folder beside it, before any extraction work. */
export function stageWarehouse(outDir: string): Promise<StagedFolder> {
  return stageFolder(outDir, new Set([...WAREHOUSE_FILES, ...BESIDE_TABLES]));
}

/**
 * Writes each table as Parquet (for everyone), CSV (for anyone) and Arrow IPC (for the app) into
 * the staging folder (with whatever `writeBeside` adds), then swaps it into place: all files or none, and an old warehouse survives
 * any failure.
 */
export async function writeWarehouse(
  outDir: string | StagedFolder,
  tables: WarehouseRows,
  writeBeside?: (staging: string) => Promise<void>,
): Promise<void> {
  const staged = typeof outDir === 'string' ? await stageWarehouse(outDir) : outDir;
  try {
    for (const table of WAREHOUSE_TABLES) {
      const columns = WAREHOUSE_COLUMNS[table];
      const rows = tables[table];
      await writeDurably(join(staged.staging, `${table}.parquet`), encodeParquet(columns, rows));
      await writeDurably(join(staged.staging, `${table}.arrow`), encodeArrowIpc(columns, rows));
      await writeDurably(join(staged.staging, `${table}.csv`), encodeCsvRows(columns, rows));
    }
    await writeBeside?.(staged.staging);
    await staged.commit();
  } catch (error) {
    await staged.discard();
    throw error;
  }
}

// Flushed before the rename, so a power cut cannot leave the new names on empty files.
async function writeDurably(path: string, data: Uint8Array | string): Promise<void> {
  const file = await open(path, 'wx');
  try {
    await file.writeFile(data);
    await file.sync();
  } finally {
    await file.close();
  }
}
