import { WorkbenchDatabase, type DuckDBConnector } from '../../renderer/src/lib/db/database.ts';
import { Workspace } from '../../renderer/src/lib/warehouse/workspace.ts';
import { CliError } from './cli-args.ts';
import { nativeConnector, type NativeModuleLoader } from './native-duckdb.ts';
import { nodeConnector, readDataAsset } from './node-duckdb.ts';
import type { EngineChoice } from './report-options.ts';

/** The warehouse, loaded by the app's own Workspace code, and the engine that holds it. */
export interface ReportDatabase {
  db: WorkbenchDatabase;
  engine: 'native' | 'wasm';
  /** Why the native engine was not used, when `auto` fell back to WASM. */
  fallback?: string;
}

/** Where the two engines come from; tests replace them to see what happens when one is missing. */
export interface EngineSources {
  loadNative?: NativeModuleLoader;
  wasm?: DuckDBConnector;
}

/**
 * Opens the embedded warehouse for a report. Both engines get the same SQL (Workspace installs
 * the tables, views, macros and overlay exactly as in the app); `auto` falls back to WASM when the
 * native bindings are missing or do not start, and a CliError says so when neither does.
 */
export async function openReportDatabase(
  choice: EngineChoice,
  engines: EngineSources = {},
): Promise<ReportDatabase> {
  const { loadNative, wasm = nodeConnector } = engines;
  if (choice === 'wasm') return { db: await loadWarehouse(wasm), engine: 'wasm' };
  let nativeError: string;
  try {
    return { db: await loadWarehouse(nativeConnector(loadNative)), engine: 'native' };
  } catch (error) {
    nativeError = firstLine(error);
    if (choice === 'native') {
      throw new CliError(
        `DuckDB gốc (@duckdb/node-api) không chạy được: ${nativeError}`,
        `native DuckDB (@duckdb/node-api) does not start: ${nativeError}`,
      );
    }
  }
  try {
    return { db: await loadWarehouse(wasm), engine: 'wasm', fallback: nativeError };
  } catch (error) {
    throw new CliError(
      `không mở được kho dữ liệu: DuckDB gốc (${nativeError}) và DuckDB-WASM (${firstLine(error)}) đều không chạy`,
      `cannot open the warehouse: neither native DuckDB (${nativeError}) nor DuckDB-WASM (${firstLine(error)}) starts`,
    );
  }
}

/** The one line `auto` prints on stderr when it fell back to WASM. */
export function fallbackNotice(reason: string): string {
  return `report: DuckDB gốc không chạy được (${reason}), dùng DuckDB-WASM (chậm hơn) / native DuckDB unavailable (${reason}), using DuckDB-WASM (slower)\n`;
}

async function loadWarehouse(connector: DuckDBConnector): Promise<WorkbenchDatabase> {
  const db = new WorkbenchDatabase(connector);
  const loaded = await new Workspace(db, readDataAsset).load();
  if (!loaded.ok) {
    await db.close();
    throw new Error(loaded.error.message);
  }
  return db;
}

function firstLine(error: unknown): string {
  return ((error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '').trim();
}
