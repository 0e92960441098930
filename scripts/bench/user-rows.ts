// The bench's user-rows page: the app's own load path (WorkbenchDatabase, Workspace) in Chromium,
// given `?rows=` generated observations as Arrow IPC chunks, then the app's pivot over them.
// Bundled by scripts/lib/bench-user-rows.ts; never part of the app.
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import { WorkbenchDatabase } from '../../renderer/src/lib/db/database.ts';
import type { DbAdvice, DbError } from '../../renderer/src/lib/db/db-error.ts';
import { appObject } from '../../renderer/src/lib/db/sql.ts';
import { readPlanPeriods } from '../../renderer/src/lib/meaning/plan-periods.ts';
import { DEFAULT_PIVOT_CONFIG } from '../../renderer/src/lib/pivot/pivot-config.ts';
import { buildPivotQuery } from '../../renderer/src/lib/pivot/pivot-query.ts';
import { Workspace } from '../../renderer/src/lib/warehouse/workspace.ts';

const params = new URLSearchParams(location.search);

/** What the page reports in `document.body.dataset.result`, as JSON. */
export interface UserRowsResult {
  /** Observations after the load, shipped ones included: never silently short. */
  rows: number;
  loadMs: number;
  pivotMs: number | null;
  /** The engine's error, its advice, and the sizes when the load was refused for memory. */
  error: {
    stage: 'load' | 'pivot';
    message: string;
    advice: DbAdvice | null;
    memory: DbError['memory'] | null;
  } | null;
}

async function fetchBytes(path: string): Promise<Uint8Array> {
  const response = await fetch(new URL(path, location.href));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function run(): Promise<UserRowsResult> {
  const db = new WorkbenchDatabase(async () => {
    const engine = new AsyncDuckDB(new VoidLogger(), new Worker(params.get('worker') ?? ''));
    await engine.instantiate(new URL(params.get('wasm') ?? '', location.href).href);
    return engine;
  });
  const workspace = new Workspace(db, fetchBytes);
  const installed = await workspace.load();
  if (!installed.ok) throw new Error(installed.error.message);
  // The user's rows as the user store hands them back: bytes in memory, then loaded as additions.
  const chunks: Uint8Array[] = [];
  for (let chunk = 0; chunk < Number(params.get('chunks')); chunk++)
    chunks.push(await fetchBytes(`rows/${chunk}.arrow`));
  const started = performance.now();
  const loaded = await workspace.setAdditions(new Map([['observations', chunks]]));
  const loadMs = Math.round(performance.now() - started);
  const failure = (stage: 'load' | 'pivot', error: DbError) => ({
    stage,
    message: error.message.slice(0, 300),
    advice: error.advice ?? null,
    memory: error.memory ?? null,
  });
  const counted = await db.query(`SELECT count(*) AS n FROM ${appObject('observations')}`);
  const rows = counted.ok ? Number(counted.value.get(0)?.n) : 0;
  if (!loaded.ok) return { rows, loadMs, pivotMs: null, error: failure('load', loaded.error) };
  const periods = await readPlanPeriods(db);
  if (!periods.ok) return { rows, loadMs, pivotMs: null, error: failure('pivot', periods.error) };
  const pivot = buildPivotQuery(DEFAULT_PIVOT_CONFIG, periods.value);
  const pivotStarted = performance.now();
  // As the pivot area reads it: once the engine is idle, so after the table of its figures is computed.
  const answer = await db.idleQuery(pivot.sql, pivot.params);
  const pivotMs = Math.round(performance.now() - pivotStarted);
  return { rows, loadMs, pivotMs, error: answer.ok ? null : failure('pivot', answer.error) };
}

run().then(
  (result) => (document.body.dataset.result = JSON.stringify(result)),
  (error: unknown) => (document.body.dataset.error = String(error)),
);
