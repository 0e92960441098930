import { AsyncDuckDB, ConsoleLogger, getPlatformFeatures, LogLevel } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { DuckDBConnector } from './database.ts';

let started: Promise<AsyncDuckDB> | undefined;

/**
 * Starts DuckDB-WASM now. The entry script calls this before the UI's code is even loaded, so the
 * wasm download and compile (most of a start) run in the worker beside it; the first connect
 * takes this engine.
 */
export function startBrowserEngine(): Promise<AsyncDuckDB> {
  started ??= instantiateEngine();
  return started;
}

/**
 * Starts DuckDB-WASM in a dedicated worker from locally bundled files (never a CDN). Only the
 * exception-handling build ships: Chromium and Electron always select it, so the 39 MB "mvp"
 * build served nobody.
 */
export const browserConnector: DuckDBConnector = () => {
  const engine = startBrowserEngine();
  // Taken once: a retry after a failed start begins a fresh one.
  started = undefined;
  return engine;
};

async function instantiateEngine(): Promise<AsyncDuckDB> {
  if (!(await getPlatformFeatures()).wasmExceptions) {
    throw new Error('this browser lacks WebAssembly exception handling, which the bundled DuckDB needs');
  }
  const worker = new Worker(ehWorker);
  // A browser worker ended by terminate() says nothing (Node's says `close`): it says `close` here
  // too, so the engine watch fails the work waiting on it at once instead of leaving it hanging.
  const terminate = worker.terminate.bind(worker);
  worker.terminate = () => {
    terminate();
    worker.dispatchEvent(new Event('close'));
  };
  const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), worker);
  await db.instantiate(ehWasm);
  return db;
}
