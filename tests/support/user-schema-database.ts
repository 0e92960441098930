import { afterAll, beforeAll } from 'vitest';
import { WorkbenchDatabase } from '../../renderer/src/lib/db/database.ts';
import { qualified } from '../../renderer/src/lib/db/sql.ts';
import { USER_SCHEMA } from '../../renderer/src/lib/warehouse/workspace.ts';
import { nodeConnector } from '../../scripts/lib/node-duckdb.ts';

/** The real engine, empty but for the user tables' schema, opened before a file's tests and closed after them. */
export function useUserSchemaDatabase(): { readonly db: WorkbenchDatabase } {
  let db: WorkbenchDatabase | undefined;
  beforeAll(async () => {
    db = new WorkbenchDatabase(nodeConnector);
    const schema = await db.query(`CREATE SCHEMA IF NOT EXISTS ${qualified(USER_SCHEMA)}`);
    if (!schema.ok) throw new Error(schema.error.message);
  }, 120_000);
  afterAll(() => db?.close());
  return {
    get db() {
      if (!db)
        throw new Error('useUserSchemaDatabase(): the database opens in beforeAll; read it inside a test');
      return db;
    },
  };
}
