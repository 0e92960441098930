import { afterAll, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { vi as dictionary } from '../../../renderer/src/lib/i18n/dictionary.ts';
import { nodeConnector } from '../../../scripts/lib/node-duckdb.ts';

// Too many rows for the engine's memory must fail with a reason the user can read, never a short answer.
describe('a query larger than the engine memory', () => {
  const db = new WorkbenchDatabase(nodeConnector);
  afterAll(() => db.close());

  it('fails as an error carrying the memory advice, and the engine keeps working', async () => {
    expect((await db.query("SET memory_limit = '32MB'")).ok).toBe(true);
    const result = await db.query(
      'SELECT count(DISTINCT i::VARCHAR || repeat(?, 20)) AS n FROM range(20000000) t(i)',
      ['x'],
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'sql', advice: 'memory' });
    expect(dictionary['sql.advice.memory']).toMatch(/bộ nhớ/);
    expect(await db.queryRows('SELECT 41 + 1 AS n', [], (row) => Number(row.n))).toEqual({
      ok: true,
      value: [42],
    });
  });

  it('says memory when a write runs out of it, and the table keeps what it had', async () => {
    expect((await db.query("CREATE TABLE kept AS SELECT 'a' AS s")).ok).toBe(true);
    const result = await db.query(
      "INSERT INTO kept SELECT repeat('x', 200) || i::VARCHAR FROM range(3000000) t(i)",
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ advice: 'memory' });
    expect(await db.queryRows('SELECT count(*) AS n FROM kept', [], (row) => Number(row.n))).toEqual({
      ok: true,
      value: [1],
    });
  });
});
