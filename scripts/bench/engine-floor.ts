// The bench's floor: a page that only starts DuckDB-WASM from the app's own built assets and runs
// `SELECT 1`. Bundled by scripts/lib/engine-floor-page.ts; never part of the app.
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';

const params = new URLSearchParams(location.search);
const wasm = params.get('wasm');
const worker = params.get('worker');

async function start(): Promise<void> {
  if (!wasm || !worker) throw new Error('engine floor: ?wasm= and ?worker= are required');
  const db = new AsyncDuckDB(new VoidLogger(), new Worker(worker));
  // The worker resolves a relative URL against its own location: give it the page's.
  await db.instantiate(new URL(wasm, location.href).href);
  await db.open({});
  const conn = await db.connect();
  await conn.query('SELECT 1');
  document.body.dataset.readyMs = String(performance.now());
}

start().catch((error: unknown) => (document.body.dataset.error = String(error)));
