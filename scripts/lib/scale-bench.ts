import { DuckDBInstance } from '@duckdb/node-api';
import { WorkbenchDatabase } from '../../renderer/src/lib/db/database.ts';
import { appObject } from '../../renderer/src/lib/db/sql.ts';
import { readPlanPeriods } from '../../renderer/src/lib/meaning/plan-periods.ts';
import { DEFAULT_PIVOT_CONFIG } from '../../renderer/src/lib/pivot/pivot-config.ts';
import { buildPivotQuery, type PivotQuery } from '../../renderer/src/lib/pivot/pivot-query.ts';
import { CREATE_CORRECTIONS_TABLE } from '../../renderer/src/lib/review/overlay-sql.ts';
import { meaningLayerStatements } from '../../renderer/src/lib/meaning/meaning-statements.ts';
import { WAREHOUSE_TABLES, arrowPath } from '../../renderer/src/lib/warehouse/tables.ts';
import { nodeConnector, readDataAsset } from './node-duckdb.ts';
import { scaleWarehouseSql } from './scale-sql.ts';

/** The pivot at scale in DuckDB-WASM and in native DuckDB of the same engine version. */
export interface ScaleFigures {
  scale_rows: number;
  pivot_scaled_wasm_ms: number;
  pivot_scaled_native_ms: number;
  pivot_scaled_wasm_over_native: number;
  wasm_engine_version: string;
  native_engine_version: string;
}

// The meaning layer's views over an empty review, as the app defines them: the same statements in both engines.
const MEANING_LAYER = [CREATE_CORRECTIONS_TABLE, ...meaningLayerStatements(false)];

/**
 * Grows the embedded warehouse to `rows` observations in both engines and times the app's own
 * pivot query (default configuration) in each: the second run, as the app's later pivots.
 */
export async function benchScaledPivot(rows: number): Promise<ScaleFigures> {
  const wasm = new WorkbenchDatabase(nodeConnector);
  try {
    for (const table of WAREHOUSE_TABLES) {
      const loaded = await wasm.loadArrowTable(table, await readDataAsset(arrowPath(table)));
      if (!loaded.ok) throw new Error(loaded.error.message);
    }
    const shipped = Number(
      (await must(wasm.query(`SELECT count(*) AS n FROM ${appObject('observations')}`))).get(0)?.n,
    );
    const setup = [...scaleWarehouseSql(rows, shipped), ...MEANING_LAYER];
    for (const statement of setup) await must(wasm.query(statement));
    const periods = await readPlanPeriods(wasm);
    if (!periods.ok) throw new Error(periods.error.message);
    const pivot = buildPivotQuery(DEFAULT_PIVOT_CONFIG, periods.value);
    const wasmVersion = String((await must(wasm.query('SELECT version() AS v'))).get(0)?.v);
    const wasmMs = await secondRun(async () => void (await must(wasm.query(pivot.sql, pivot.params))));
    const native = await nativePivot(setup, pivot);
    return {
      scale_rows: rows,
      pivot_scaled_wasm_ms: wasmMs,
      pivot_scaled_native_ms: native.ms,
      pivot_scaled_wasm_over_native: Math.round((wasmMs / native.ms) * 100) / 100,
      wasm_engine_version: wasmVersion,
      native_engine_version: native.version,
    };
  } finally {
    await wasm.close();
  }
}

// Native DuckDB reads the shipped Parquet copies of the same tables (it has the reader built in).
async function nativePivot(
  setup: readonly string[],
  pivot: PivotQuery,
): Promise<{ ms: number; version: string }> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    for (const table of WAREHOUSE_TABLES) {
      await conn.run(
        `CREATE TABLE ${appObject(table)} AS FROM read_parquet('data/warehouse/${table}.parquet')`,
      );
    }
    for (const statement of setup) await conn.run(statement);
    const version = String((await conn.runAndReadAll('SELECT version() AS v')).getRowObjects()[0]?.v);
    const ms = await secondRun(async () => void (await conn.runAndReadAll(pivot.sql, [...pivot.params])));
    return { ms, version };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
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
