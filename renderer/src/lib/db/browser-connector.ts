import { AsyncDuckDB, ConsoleLogger, LogLevel, selectBundle, type DuckDBBundles } from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { DuckDBConnector } from './database.ts';

// Every file comes from the app's own bundle: never a CDN.
const BUNDLES: DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

/** Starts DuckDB-WASM in a dedicated worker from locally bundled files. */
export const browserConnector: DuckDBConnector = async () => {
  const bundle = await selectBundle(BUNDLES);
  if (!bundle.mainWorker) throw new Error('DuckDB worker bundle missing');
  const worker = new Worker(bundle.mainWorker);
  const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  return db;
};
