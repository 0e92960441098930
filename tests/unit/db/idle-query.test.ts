import { afterAll, describe, expect, it } from 'vitest';
import type { Table } from 'apache-arrow';
import { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import type { DbResult } from '../../../renderer/src/lib/db/db-error.ts';
import { nodeConnector } from '../../../scripts/lib/node-duckdb.ts';

// Issue 14: SQL a user typed in the first seconds waited behind the app's warm-up queries.
describe('app work queued as idle work', () => {
  const db = new WorkbenchDatabase(nodeConnector);
  afterAll(() => db.close());
  const SLOW = 'SELECT count(DISTINCT i % 99991) AS n FROM range(1000000) t(i)';

  it('lets user SQL queued after it run first, and still answers every idle query', async () => {
    expect((await db.ready()).ok).toBe(true);
    const finished: string[] = [];
    const track = <T>(name: string, work: Promise<T>): Promise<T> =>
      work.then((result) => (finished.push(name), result));
    const idle = [1, 2, 3].map((n) => track(`idle ${n}`, db.idleQuery(SLOW)));
    const user = track('user', db.userQuery('SELECT 42 AS answer'));
    const answers = await Promise.all([...idle, user]);
    // The first idle query had the queue to itself and started; the user's went before the others.
    expect(finished).toEqual(['idle 1', 'user', 'idle 2', 'idle 3']);
    const firstValue = answers.map((answer) =>
      answer.ok ? Number(answer.value.getChildAt(0)?.get(0)) : null,
    );
    expect(firstValue).toEqual([99991, 99991, 99991, 42]);
  });

  it('waits for an exclusive step to finish, and reports a failed statement as an error', async () => {
    const order: string[] = [];
    const step = db.exclusive(async (handle) => {
      await handle.query('CREATE TABLE idle_probe AS SELECT 7 AS v');
      order.push('step');
    });
    const read = db.idleQuery('SELECT v FROM idle_probe').then((result) => (order.push('idle'), result));
    await Promise.all([step, read]);
    expect(order).toEqual(['step', 'idle']);
    const value = await read;
    expect(value.ok && Number(value.value.get(0)?.v)).toBe(7);
    expect(await db.idleQuery('SELEC 1')).toMatchObject({ ok: false, error: { code: 'sql' } });
  });

  it('runs an idle step after what was queued, with the engine to itself, and keeps the data version', async () => {
    const order: string[] = [];
    const version = db.dataVersion;
    // Queued before the step: it goes first. Queued once the step runs: it waits for all of the step.
    const before = db.query(SLOW).then(() => order.push('query before'));
    let during: Promise<DbResult<Table>> | undefined;
    const step = db.idleExclusive(async (handle) => {
      order.push('step starts');
      during = db.query('SELECT v FROM idle_step').then((result) => {
        order.push('query during');
        return result;
      });
      const first = await handle.query(SLOW);
      await handle.query('CREATE OR REPLACE TABLE idle_step AS SELECT 1 AS v');
      order.push('step ends');
      return first.ok;
    });
    await Promise.all([step, before]);
    expect((await during!).ok).toBe(true);
    expect(order).toEqual(['query before', 'step starts', 'step ends', 'query during']);
    expect(db.dataVersion).toBe(version);
  });

  it('holds idle work until a held sequence settles, failed or not', async () => {
    const order: string[] = [];
    let fail = (_: Error) => {};
    db.holdIdleWork(new Promise((_, reject) => (fail = reject)));
    const idle = db.idleQuery('SELECT 1').then(() => order.push('idle'));
    await db.query('SELECT 2').then(() => order.push('query'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual(['query']);
    fail(new Error('start failed'));
    await idle;
    expect(order).toEqual(['query', 'idle']);
  });
});
