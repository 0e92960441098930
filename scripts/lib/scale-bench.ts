import { WorkbenchDatabase, type DuckDBConnector } from '../../renderer/src/lib/db/database.ts';
import { appObject, literal } from '../../renderer/src/lib/db/sql.ts';
import { meaningLayerStatements } from '../../renderer/src/lib/meaning/meaning-statements.ts';
import { materialisePivotFigures } from '../../renderer/src/lib/meaning/pivot-figures.ts';
import { readPlanPeriods } from '../../renderer/src/lib/meaning/plan-periods.ts';
import { DEFAULT_PIVOT_CONFIG } from '../../renderer/src/lib/pivot/pivot-config.ts';
import { buildPivotQuery, inlineParams } from '../../renderer/src/lib/pivot/pivot-query.ts';
import { CREATE_CORRECTIONS_TABLE } from '../../renderer/src/lib/review/overlay-sql.ts';
import { WAREHOUSE_TABLES, arrowPath } from '../../renderer/src/lib/warehouse/tables.ts';
import { nativeConnector } from './native-duckdb.ts';
import { nodeConnector, readDataAsset } from './node-duckdb.ts';
import { scaleWarehouseSql } from './scale-sql.ts';

/**
 * The pivot at scale in DuckDB-WASM and in native DuckDB of the same engine version. An engine
 * that fails (out of memory, typically) gives null figures and its message, never an aborted bench.
 */
export interface ScaleFigures {
  scale_rows: number;
  /** Computing the pivot's table of preferred figures, once per load (lib/meaning/pivot-figures.ts). */
  pivot_scaled_wasm_precompute_ms: number | null;
  /** The app's pivot query answered as the app reads it: Arrow in JavaScript. */
  pivot_scaled_wasm_ms: number | null;
  /** The same query's rows written into a table inside the engine: its work without handing rows out. */
  pivot_scaled_wasm_engine_ms: number | null;
  pivot_scaled_wasm_error: string | null;
  pivot_scaled_native_precompute_ms: number | null;
  /** Includes turning the native engine's rows into Arrow in JavaScript (scripts/lib/native-duckdb.ts). */
  pivot_scaled_native_ms: number | null;
  pivot_scaled_native_engine_ms: number | null;
  pivot_scaled_native_error: string | null;
  pivot_scaled_wasm_over_native: number | null;
  /** The engines compared on their own work: what "WASM within 1.5× native" is about. */
  pivot_scaled_engine_wasm_over_native: number | null;
  wasm_engine_version: string | null;
  native_engine_version: string | null;
}

/** What one engine did: its times, or the message it failed with. */
interface EngineRun {
  precomputeMs: number | null;
  pivotMs: number | null;
  engineMs: number | null;
  error: string | null;
  version: string | null;
}

/** Where the engines come from, and a memory limit to set before the pivot's own work (for tests). */
export interface ScaleOptions {
  wasm?: DuckDBConnector;
  native?: DuckDBConnector;
  memoryLimit?: string;
}

// The meaning layer's views over an empty review, as the app defines them: the same statements in both engines.
const MEANING_LAYER = [CREATE_CORRECTIONS_TABLE, ...meaningLayerStatements(false)];

/**
 * Grows the embedded warehouse to `rows` observations in both engines, computes the pivot's table
 * as a load does, and times the app's own pivot query (default configuration) in each: the second
 * run, as the app's later pivots. Both engines run the same code (WorkbenchDatabase, one after the
 * other, so they never share the machine's memory).
 */
export async function benchScaledPivot(rows: number, options: ScaleOptions = {}): Promise<ScaleFigures> {
  const wasm = await scaledPivot(options.wasm ?? nodeConnector, rows, options.memoryLimit);
  const native = await scaledPivot(options.native ?? nativeConnector(), rows, options.memoryLimit);
  return {
    scale_rows: rows,
    pivot_scaled_wasm_precompute_ms: wasm.precomputeMs,
    pivot_scaled_wasm_ms: wasm.pivotMs,
    pivot_scaled_wasm_engine_ms: wasm.engineMs,
    pivot_scaled_wasm_error: wasm.error,
    pivot_scaled_native_precompute_ms: native.precomputeMs,
    pivot_scaled_native_ms: native.pivotMs,
    pivot_scaled_native_engine_ms: native.engineMs,
    pivot_scaled_native_error: native.error,
    pivot_scaled_wasm_over_native: ratio(wasm.pivotMs, native.pivotMs),
    pivot_scaled_engine_wasm_over_native: ratio(wasm.engineMs, native.engineMs),
    wasm_engine_version: wasm.version,
    native_engine_version: native.version,
  };
}

async function scaledPivot(
  connector: DuckDBConnector,
  rows: number,
  memoryLimit: string | undefined,
): Promise<EngineRun> {
  const db = new WorkbenchDatabase(connector);
  const done: EngineRun = { precomputeMs: null, pivotMs: null, engineMs: null, error: null, version: null };
  try {
    done.version = String((await must(db.query('SELECT version() AS v'))).get(0)?.v);
    for (const table of WAREHOUSE_TABLES) {
      await must(db.loadArrowTable(table, await readDataAsset(arrowPath(table))));
    }
    const shipped = Number(
      (await must(db.query(`SELECT count(*) AS n FROM ${appObject('observations')}`))).get(0)?.n,
    );
    for (const statement of [...scaleWarehouseSql(rows, shipped), ...MEANING_LAYER]) {
      await must(db.query(statement));
    }
    if (memoryLimit) await must(db.query(`SET memory_limit = ${literal(memoryLimit)}`));
    const periods = await must(readPlanPeriods(db));
    const started = performance.now();
    const materialised = await must(materialisePivotFigures(db));
    // Without the table the pivot reads the view, as in the app, and fails there or answers slowly.
    if (materialised.materialised) done.precomputeMs = Math.round(performance.now() - started);
    const pivot = buildPivotQuery(DEFAULT_PIVOT_CONFIG, periods);
    done.pivotMs = await secondRun(async () => void (await must(db.query(pivot.sql, pivot.params))));
    done.engineMs = await secondRun(
      async () =>
        void (await must(db.query(`CREATE OR REPLACE TEMP TABLE pivot_answer AS ${inlineParams(pivot)}`))),
    );
  } catch (cause) {
    done.error = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0] ?? 'failed';
  } finally {
    // An engine that ran out of memory may not close cleanly; its figures are already kept.
    await db.close().catch(() => undefined);
  }
  return done;
}

function ratio(wasmMs: number | null, nativeMs: number | null): number | null {
  return wasmMs !== null && nativeMs !== null
    ? Math.round((wasmMs / Math.max(1, nativeMs)) * 100) / 100
    : null;
}

async function secondRun(work: () => Promise<void>): Promise<number> {
  await work();
  const started = performance.now();
  await work();
  return Math.round(performance.now() - started);
}

async function must<T>(
  result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(settled.error.message);
  return settled.value;
}
