import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import type { DbResult } from '../../../renderer/src/lib/db/db-error.ts';
import { APP_CATALOG, APP_SCHEMA, appObject, literal, qualified } from '../../../renderer/src/lib/db/sql.ts';
import { splitStatements } from '../../../renderer/src/lib/db/statements.ts';
import { vi as dictionary } from '../../../renderer/src/lib/i18n/dictionary.ts';
import { USER_SCHEMA, type Workspace } from '../../../renderer/src/lib/warehouse/workspace.ts';
import { WAREHOUSE_TABLES } from '../../../renderer/src/lib/warehouse/tables.ts';
import { openWarehouseDatabase } from '../../../scripts/lib/node-duckdb.ts';
import { BAD_SQL_CASES, type BadSqlCase } from './bad-sql-cases.ts';

const DEFAULT_BUDGET_MS = 30_000;
/** The suite runs in this many files (each its own engine), so that two test workers share it. */
export const BAD_SQL_SHARDS = 3;

// What must be the same after every case, read on the app's connection with full names.
const CHECKSUMS = WAREHOUSE_TABLES.map(
  (table) =>
    `SELECT ${literal(table)} AS t, count(*) AS n, md5(coalesce(string_agg(x::VARCHAR, '|' ORDER BY x::VARCHAR), '')) AS h FROM ${appObject(table)} x`,
).join(' UNION ALL ');

// The app's views and macros, run: they must answer as they did before the case.
const ANSWERS = `SELECT
  (SELECT string_agg(r::VARCHAR, '|' ORDER BY r::VARCHAR) FROM (
     SELECT period_start, period_end, basis, target_low, target_high, actual_value, status
     FROM ${appObject('v_target_vs_actual')} WHERE indicator_id = 'grdp_growth') r) AS grdp,
  (SELECT count(*) FROM ${appObject('v_term_pivot')}) AS pivot_rows,
  (SELECT count(*) FROM ${appObject('v_conflicts')}) AS conflicts,
  (SELECT count(*) FROM ${appObject('v_observations')}) AS observations,
  ${appObject('fold')}('Tăng trưởng Đảng') AS folded,
  ${appObject('achievement')}('>=', true, 10, 10, 9.9) AS achievement,
  current_setting('autoinstall_known_extensions') AS autoinstall,
  current_setting('autoload_known_extensions') AS autoload,
  current_setting('memory_limit') AS memory_limit,
  current_setting('threads') AS threads,
  current_setting('enable_external_access') AS external_access`;

// Everything ANSWERS can depend on, read on the app's connection: every catalogue, schema, table,
// view and macro with its definition, the rows of every table the app's schema had at the start
// (count and an order-free hash; one gone makes the key unreadable), every setting and every
// loaded extension. ANSWERS is a function of these, so a state whose answers were already found
// right needs no second look; any other state has ANSWERS run again.
function stateKeySql(appTables: readonly string[]): string {
  const tableRows = appTables.map(
    (table) =>
      `UNION ALL SELECT 'rows ' || ${literal(table)} || ' ' || count(*) || ':' || coalesce(bit_xor(hash(t)), 0) FROM ${appObject(table)} t`,
  );
  return `SELECT md5(string_agg(entry, chr(10) ORDER BY entry)) AS state FROM (
  SELECT 'database ' || database_name || ' ' || coalesce(path, '') || ' ' || readonly::VARCHAR AS entry FROM duckdb_databases()
  UNION ALL SELECT 'schema ' || database_name || '.' || schema_name FROM duckdb_schemas()
  UNION ALL SELECT 'table ' || database_name || '.' || schema_name || '.' || table_name || ' ' || coalesce(sql, '') FROM duckdb_tables()
  UNION ALL SELECT 'view ' || database_name || '.' || schema_name || '.' || view_name || ' ' || coalesce(sql, '') FROM duckdb_views()
  UNION ALL SELECT 'macro ' || database_name || '.' || schema_name || '.' || function_name || ' ' || coalesce(macro_definition, '')
    FROM duckdb_functions() WHERE function_type IN ('macro', 'table_macro') AND database_name <> 'system'
  ${tableRows.join('\n  ')}
  UNION ALL SELECT 'setting ' || name || '=' || coalesce(value, '') FROM duckdb_settings()
  UNION ALL SELECT 'extension ' || extension_name || ' ' || loaded::VARCHAR FROM duckdb_extensions())`;
}

interface Tally {
  tried: number;
  crashes: string[];
  hangs: string[];
  unclear: string[];
  damage: string[];
  /** Cases that left the engine in a state not seen before, so ANSWERS ran again. */
  answered: number;
}

async function rows(db: WorkbenchDatabase, sql: string): Promise<string> {
  const result = await db.query(sql);
  if (!result.ok) throw new Error(result.error.message);
  return JSON.stringify(result.value.toArray().map((row) => row.toJSON()));
}

// A state that cannot even be read (a table gone) is a state unlike the start's.
async function stateKey(db: WorkbenchDatabase, sql: string): Promise<string> {
  const result = await db.query(sql);
  return result.ok ? String(result.value.get(0)?.state) : `unreadable: ${result.error.message}`;
}

function budget<T>(work: Promise<T>, ms: number): Promise<T | 'hang'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), ms)));
  return Promise.race([work, hang]).finally(() => clearTimeout(timer));
}

// Runs a case the way the SQL area does: the user's statement(s), then the warehouse check.
async function runCase(
  db: WorkbenchDatabase,
  workspace: Workspace,
  testCase: BadSqlCase,
): Promise<{ last: DbResult<unknown>; restored: string[] }> {
  const text = typeof testCase.sql === 'function' ? testCase.sql() : testCase.sql;
  const pieces = testCase.split ? splitStatements(text).map((statement) => statement.text) : [text];
  let last: DbResult<unknown> = { ok: true, value: null };
  const restored = new Set<string>();
  for (const piece of pieces) {
    const running = db.userQuery(piece);
    if (testCase.cancelAfterMs !== undefined) {
      await new Promise((resolve) => setTimeout(resolve, testCase.cancelAfterMs));
      await db.cancel();
    }
    last = await running;
    const protectedResult = await workspace.protect();
    if (!protectedResult.ok) throw new Error(`protect failed: ${protectedResult.error.message}`);
    for (const table of protectedResult.value) restored.add(table);
    if (!last.ok) break;
  }
  return { last, restored: [...restored] };
}

// Puts the user's session back as it starts, so one case cannot change what the next one means.
async function cleanUserSession(db: WorkbenchDatabase): Promise<void> {
  await db.renewUserConnection();
  const attached = await db.query(
    "SELECT database_name FROM duckdb_databases() WHERE NOT internal AND database_name <> 'memory'",
  );
  for (const row of attached.ok ? attached.value.toArray() : []) {
    await db.query(`DETACH ${qualified(String(row.database_name))}`);
  }
  await db.query(`DROP SCHEMA IF EXISTS ${qualified('memory', USER_SCHEMA)} CASCADE`);
  await db.query(`CREATE SCHEMA ${qualified('memory', USER_SCHEMA)}`);
  await db.userQuery(
    `USE ${qualified('memory', USER_SCHEMA)}; SET search_path = ${literal(`"memory"."${USER_SCHEMA}","memory"."main"`)}`,
  );
}

/** The cases of one shard: every BAD_SQL_SHARDS-th one, so slow cases spread over the files. */
export function badSqlShard(shard: number): BadSqlCase[] {
  return BAD_SQL_CASES.filter((_, index) => index % BAD_SQL_SHARDS === shard);
}

/**
 * Runs `cases` on one real DuckDB-WASM engine with the warehouse loaded, one test each. Each case
 * asserts: no crash, no hang (its time budget), the Vietnamese advice it expects, and afterwards
 * the base tables' rows, the app's views and macros and the offline settings exactly as before.
 */
export function describeBadSql(title: string, cases: readonly BadSqlCase[]): void {
  describe(title, () => {
    let db: WorkbenchDatabase;
    let workspace: Workspace;
    let checksums: string;
    let answers: string;
    let stateSql: string;
    // The states (stateKeySql) whose ANSWERS were read and were the start's.
    const verified = new Set<string>();
    const tally: Tally = { tried: 0, crashes: [], hangs: [], unclear: [], damage: [], answered: 0 };

    beforeAll(async () => {
      ({ db, workspace } = await openWarehouseDatabase());
      checksums = await rows(db, CHECKSUMS);
      answers = await rows(db, ANSWERS);
      const appTables = await db.query(
        'SELECT table_name FROM duckdb_tables() WHERE database_name = ? AND schema_name = ? ORDER BY table_name',
        [APP_CATALOG, APP_SCHEMA],
      );
      if (!appTables.ok) throw new Error(appTables.error.message);
      stateSql = stateKeySql(appTables.value.toArray().map((row) => String(row.table_name)));
      verified.add(await stateKey(db, stateSql));
    }, 120_000);

    afterAll(async () => {
      console.log(
        `bad SQL (${title}): ${tally.tried} cases tried, ${tally.crashes.length} crashes, ${tally.hangs.length} hangs, ` +
          `${tally.unclear.length} unclear messages, ${tally.damage.length} with damage; ` +
          `${tally.answered} left a new engine state, whose answers were read again`,
        JSON.stringify({
          crashes: tally.crashes,
          hangs: tally.hangs,
          unclear: tally.unclear,
          damage: tally.damage,
        }),
      );
      await db?.close();
    });

    it('starts from a warehouse whose answers are known (GRDP 2021–2025 not achieved)', () => {
      expect(answers).toContain('không đạt');
      expect(answers).toContain('"autoload":false');
    });

    for (const testCase of cases) {
      const ms = testCase.budgetMs ?? DEFAULT_BUDGET_MS;
      it(testCase.name, { timeout: ms + 60_000 }, async () => {
        tally.tried++;
        let outcome: Awaited<ReturnType<typeof runCase>> | 'hang';
        try {
          outcome = await budget(runCase(db, workspace, testCase), ms);
        } catch (cause) {
          tally.crashes.push(`${testCase.name}: ${String(cause)}`);
          throw cause;
        }
        if (outcome === 'hang') {
          tally.hangs.push(testCase.name);
          // Stop it so the next case gets the engine; the case has failed either way.
          await db.cancel();
          throw new Error(`no answer within ${ms} ms`);
        }
        const { last, restored } = outcome;
        // Still alive: both connections answer.
        const alive = [await db.query('SELECT 1 AS one'), await db.userQuery('SELECT 1 AS one')];
        if (!alive.every((result) => result.ok)) tally.crashes.push(testCase.name);
        expect(alive.every((result) => result.ok)).toBe(true);

        const code = last.ok ? 'ok' : last.error.code === 'cancelled' ? 'cancelled' : 'error';
        const advice = last.ok ? undefined : last.error.advice;
        const clear =
          (testCase.advice === undefined ||
            (advice === testCase.advice && dictionary[`sql.advice.${testCase.advice}`].length > 0)) &&
          (!testCase.restores || restored.length > 0);
        if (!clear)
          tally.unclear.push(`${testCase.name}: ${last.ok ? 'ok' : last.error.message.slice(0, 120)}`);

        const state = await stateKey(db, stateSql);
        let answersDiffer = false;
        if (!verified.has(state)) {
          tally.answered++;
          answersDiffer = (await rows(db, ANSWERS)) !== answers;
          if (!answersDiffer) verified.add(state);
        }
        const damaged = (await rows(db, CHECKSUMS)) !== checksums || answersDiffer;
        if (damaged) tally.damage.push(testCase.name);
        await cleanUserSession(db);

        expect({ damaged, clear }).toEqual({ damaged: false, clear: true });
        if (testCase.outcome !== 'any') {
          expect(code, last.ok ? 'answered' : last.error.message.slice(0, 300)).toBe(testCase.outcome);
        }
      });
    }
  });
}
