import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { readFile } from 'node:fs/promises';
import Worker from 'web-worker';
import { WorkbenchDatabase, type DuckDBConnector } from '../../renderer/src/lib/db/database.ts';
import { Workspace } from '../../renderer/src/lib/warehouse/workspace.ts';

const dist = dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));

/** The real DuckDB-WASM engine in a Node worker: the same AsyncDuckDB the browser runs. */
export const nodeConnector: DuckDBConnector = () => observedNodeConnector(() => {})();

/**
 * The Node engine with `observe` told of every request the page side posts to the engine's worker
 * (each one a round trip): what tests count to keep the load's round trips bounded.
 */
export const observedNodeConnector =
  (observe: (request: { type: string; data: unknown }) => void): DuckDBConnector =>
  async () => {
    // The browser build shares the app's ESM apache-arrow (the Node build brings a second copy whose
    // classes the app's Arrow code does not recognise); it reads the global Worker when loaded.
    globalThis.Worker ??= Worker as unknown as typeof globalThis.Worker;
    const { AsyncDuckDB, VoidLogger } = await import('@duckdb/duckdb-wasm/dist/duckdb-browser.mjs');
    // web-worker needs `type: 'module'` for DuckDB's worker, or it hangs (STACK-NOTES).
    const worker = new Worker(`${dist}/duckdb-node-eh.worker.cjs`, { type: 'module' });
    const post = worker.postMessage.bind(worker) as (message: unknown, transfer?: Transferable[]) => void;
    worker.postMessage = ((request: { type: string; data: unknown }, transfer?: Transferable[]) => {
      observe(request);
      post(request, transfer);
    }) as typeof worker.postMessage;
    const db = new AsyncDuckDB(new VoidLogger(), worker as unknown as globalThis.Worker);
    await db.instantiate(`${dist}/duckdb-eh.wasm`);
    return db;
  };

/** Reads a file of the embedded dataset from data/, as the app fetches it. */
export const readDataAsset = async (path: string): Promise<Uint8Array> =>
  new Uint8Array(await readFile(`data/${path}`));

/** A database with the committed embedded warehouse loaded, as the app loads it. */
export async function openWarehouseDatabase(): Promise<{ db: WorkbenchDatabase; workspace: Workspace }> {
  const db = new WorkbenchDatabase(nodeConnector);
  const workspace = new Workspace(db, readDataAsset);
  const loaded = await workspace.load();
  if (!loaded.ok) throw new Error(loaded.error.message);
  return { db, workspace };
}
