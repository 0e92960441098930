import { afterAll, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { meaningLayerStatements } from '../../../renderer/src/lib/meaning/meaning-statements.ts';
import { Workspace } from '../../../renderer/src/lib/warehouse/workspace.ts';
import { observedNodeConnector, readDataAsset } from '../../../scripts/lib/node-duckdb.ts';

// Each request to the engine's worker is a round trip the load waits for. Polls of a query still
// running depend on the machine's speed, not on the load: they are not counted.
const UNTIMED = new Set(['POLL_PENDING_QUERY']);

// What the batched load takes today is 27; a little room, but one sequential statement per view,
// macro or check (what the load used to send: 81) is far above it.
const MOST_ROUND_TRIPS = 30;

describe('the warehouse load', () => {
  const requests: string[] = [];
  let counting = false;
  const db = new WorkbenchDatabase(
    observedNodeConnector(({ type, data }) => {
      if (!counting || UNTIMED.has(type)) return;
      const text = typeof data === 'string' ? data : Array.isArray(data) ? String(data[1] ?? '') : '';
      requests.push(`${type} ${text.replace(/\s+/gu, ' ').slice(0, 60)}`);
    }),
  );
  afterAll(() => db.close());

  it('sends a bounded number of round trips, however many views and macros it defines', async () => {
    expect((await db.ready()).ok).toBe(true);
    const workspace = new Workspace(db, readDataAsset);
    counting = true;
    const loaded = await workspace.load();
    counting = false;
    expect(loaded).toEqual({ ok: true, value: undefined });
    // Sent one at a time (a request and a fetch each), the views and macros alone would not fit.
    expect(2 * meaningLayerStatements(false).length).toBeGreaterThan(MOST_ROUND_TRIPS);
    expect(requests.length, requests.join('\n')).toBeLessThanOrEqual(MOST_ROUND_TRIPS);
    // The load is whole: the views answer and user SQL runs in the user schema.
    const views = await db.query('SELECT count(*) AS n FROM v_term_pivot');
    expect(views.ok && Number(views.value.get(0)?.n)).toBeGreaterThan(0);
    const created = await db.userQuery('CREATE TABLE ghi_chu AS SELECT 1 AS x');
    expect(created.ok).toBe(true);
    expect(await workspace.protect()).toEqual({ ok: true, value: [] });
  });

  it('reports an asset that is not Arrow, naming its table', async () => {
    const broken = new Workspace(db, async (path) =>
      path.includes('units') ? new TextEncoder().encode('không phải Arrow') : readDataAsset(path),
    );
    const loaded = await broken.reset();
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.error.message).toMatch(/units/u);
  });
});
