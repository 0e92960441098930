import { afterAll, beforeAll } from 'vitest';
import { WorkbenchDatabase } from '../../renderer/src/lib/db/database.ts';
import { qualified } from '../../renderer/src/lib/db/sql.ts';
import { USER_SCHEMA } from '../../renderer/src/lib/warehouse/workspace.ts';
import { nodeConnector, openWarehouseDatabase } from '../../scripts/lib/node-duckdb.ts';

interface UsedDatabase {
  readonly db: WorkbenchDatabase;
}

// The real engine opened by `open` before a file's tests and closed after them; read inside a test.
function useDatabase(name: string, open: () => Promise<WorkbenchDatabase>): UsedDatabase {
  let db: WorkbenchDatabase | undefined;
  beforeAll(async () => {
    db = await open();
  }, 120_000);
  afterAll(() => db?.close());
  return {
    get db() {
      if (!db) throw new Error(`${name}(): the database opens in beforeAll; read it inside a test`);
      return db;
    },
  };
}

/** The real engine with the embedded warehouse. */
export function useWarehouseDatabase(): UsedDatabase {
  return useDatabase('useWarehouseDatabase', async () => (await openWarehouseDatabase()).db);
}

/** The real engine, empty but for the user tables' schema. */
export function useUserSchemaDatabase(): UsedDatabase {
  return useDatabase('useUserSchemaDatabase', async () => {
    const db = new WorkbenchDatabase(nodeConnector);
    const schema = await db.query(`CREATE SCHEMA IF NOT EXISTS ${qualified(USER_SCHEMA)}`);
    if (!schema.ok) throw new Error(schema.error.message);
    return db;
  });
}
