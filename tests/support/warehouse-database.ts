import { afterAll, beforeAll } from 'vitest';
import type { WorkbenchDatabase } from '../../renderer/src/lib/db/database.ts';
import { openWarehouseDatabase } from '../../scripts/lib/node-duckdb.ts';

/** The real engine with the embedded warehouse, opened before a file's tests and closed after them. */
export function useWarehouseDatabase(): { readonly db: WorkbenchDatabase } {
  let db: WorkbenchDatabase | undefined;
  beforeAll(async () => {
    ({ db } = await openWarehouseDatabase());
  });
  afterAll(() => db?.close());
  return {
    get db() {
      if (!db)
        throw new Error('useWarehouseDatabase(): the database opens in beforeAll; read it inside a test');
      return db;
    },
  };
}
