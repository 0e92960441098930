import { afterEach, describe, expect, it } from 'vitest';
import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { Workspace } from '../../../renderer/src/lib/warehouse/workspace.ts';
import { nodeConnector, readDataAsset } from '../../../scripts/lib/node-duckdb.ts';

// Runs until cancelled or killed (far longer than any budget below).
const RUNAWAY = 'SELECT count(*) AS n FROM range(100000000000) a WHERE a.range % 7 = 3';
// No step may wait longer than this for its answer once the worker is gone.
const ANSWER_BUDGET_MS = 10_000;

/** A database whose engines' workers the test can reach, as a crash or terminate() would. */
function watchedDatabase(options: ConstructorParameters<typeof WorkbenchDatabase>[1] = {}) {
  const workers: Worker[] = [];
  const db = new WorkbenchDatabase(async () => {
    const engine: AsyncDuckDB = await nodeConnector();
    workers.push((engine as unknown as { _worker: Worker })._worker);
    return engine;
  }, options);
  return { db, workers };
}

const within = <T>(work: Promise<T>, ms = ANSWER_BUDGET_MS): Promise<T | 'hung'> =>
  Promise.race([work, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), ms))]);

describe('a dead DuckDB worker, on the real engine', () => {
  const opened: WorkbenchDatabase[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.close()));
  });

  it('fails the running and the queued steps with a typed error when the worker is terminated mid-query', async () => {
    const { db, workers } = watchedDatabase();
    opened.push(db);
    const deaths: string[] = [];
    db.onEngineDied((why) => deaths.push(why));
    expect((await db.ready()).ok).toBe(true);
    const running = db.userQuery(RUNAWAY);
    const queued = db.query('SELECT 1 AS one');
    await new Promise((resolve) => setTimeout(resolve, 300));
    workers[0]?.terminate();
    const [first, second] = await Promise.all([within(running), within(queued)]);
    expect(first !== 'hung' && !first.ok && first.error.code).toBe('dead');
    expect(second !== 'hung' && !second.ok && second.error.code).toBe('dead');
    expect(deaths).toHaveLength(1);
    // Later work fails at once too, and cancelling or closing does not wait on the dead worker.
    const later = await within(db.query('SELECT 2'), 2_000);
    expect(later !== 'hung' && !later.ok && later.error.code).toBe('dead');
    expect(await within(db.cancelUserSql(), 2_000)).toBe(false);
  });

  it('restarts a new engine that the existing load path fills with the warehouse again', async () => {
    const { db, workers } = watchedDatabase();
    opened.push(db);
    const workspace = new Workspace(db, readDataAsset);
    expect((await workspace.load()).ok).toBe(true);
    const count = 'SELECT count(*)::INTEGER AS n FROM observations';
    const before = await db.userQuery(count);
    expect(before.ok).toBe(true);
    workers[0]?.terminate();
    const dead = await within(db.userQuery(count));
    expect(dead !== 'hung' && !dead.ok && dead.error.code).toBe('dead');

    expect((await db.restart()).ok).toBe(true);
    expect(workers).toHaveLength(2);
    expect((await workspace.load()).ok).toBe(true);
    const after = await db.userQuery(count);
    expect(after.ok && after.value.get(0)?.n).toBe(before.ok && before.value.get(0)?.n);
    expect(Number(after.ok && after.value.get(0)?.n)).toBeGreaterThan(1000);
  });

  it('declares a worker that stops answering without a word dead after the liveness limit', async () => {
    const { db, workers } = watchedDatabase({ liveness: { pingAfterMs: 100, silentMs: 800 } });
    opened.push(db);
    expect((await db.ready()).ok).toBe(true);
    // Messages no longer reach the worker and no event says so: what a vanished worker looks like.
    const worker = workers[0];
    if (worker) worker.postMessage = () => {};
    const started = performance.now();
    const result = await within(db.query('SELECT 1'));
    expect(result !== 'hung' && !result.ok && result.error.code).toBe('dead');
    expect(performance.now() - started).toBeLessThan(ANSWER_BUDGET_MS);
  });

  it('does not take a busy worker for a dead one: a long query answers its pings and is cancelled as usual', async () => {
    const { db } = watchedDatabase({ liveness: { pingAfterMs: 100, silentMs: 3_000 } });
    opened.push(db);
    const deaths: string[] = [];
    db.onEngineDied((why) => deaths.push(why));
    expect((await db.ready()).ok).toBe(true);
    const running = db.userQuery(RUNAWAY);
    // Many pings go out while it runs, each answered between two polls of the query.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(await db.cancelUserSql()).toBe(true);
    const result = await within(running);
    expect(result !== 'hung' && !result.ok && result.error.code).toBe('cancelled');
    expect(deaths).toEqual([]);
    expect((await db.query('SELECT 1 AS one')).ok).toBe(true);
  });
});
