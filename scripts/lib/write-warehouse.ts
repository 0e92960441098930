import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WarehouseRows } from '../../renderer/src/lib/extraction/build-warehouse.ts';
import { WAREHOUSE_COLUMNS } from '../../renderer/src/lib/warehouse/columns.ts';
import { encodeArrowIpc } from '../../renderer/src/lib/warehouse/encode-arrow.ts';
import { encodeCsv } from '../../renderer/src/lib/warehouse/encode-csv.ts';
import { encodeParquet } from '../../renderer/src/lib/warehouse/encode-parquet.ts';
import { WAREHOUSE_TABLES } from '../../renderer/src/lib/warehouse/tables.ts';

/** Writes each table as Parquet (for everyone), CSV (for anyone) and Arrow IPC (for the app). */
export async function writeWarehouse(outDir: string, tables: WarehouseRows): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const table of WAREHOUSE_TABLES) {
    const columns = WAREHOUSE_COLUMNS[table];
    const rows = tables[table];
    const header = columns.map((column) => column.name);
    await writeFile(join(outDir, `${table}.parquet`), encodeParquet(columns, rows));
    await writeFile(join(outDir, `${table}.arrow`), encodeArrowIpc(columns, rows));
    await writeFile(
      join(outDir, `${table}.csv`),
      encodeCsv(
        header,
        rows.map((row) => header.map((name) => row[name] ?? null)),
      ),
    );
  }
}
