import type { DbAdvice } from '../../../renderer/src/lib/db/db-error.ts';
import { WAREHOUSE_TABLES } from '../../../renderer/src/lib/warehouse/tables.ts';

/**
 * One hostile or careless SQL input. `outcome` is what the engine must answer; `advice` is the
 * Vietnamese explanation the user must get; `restores` says the statement changes the warehouse
 * and the workbench must say it put it back. Every case, whatever it expects, must leave the base
 * tables, the app's views and macros and the offline settings exactly as they were.
 */
export interface BadSqlCase {
  name: string;
  sql: string | (() => string);
  outcome: 'ok' | 'error' | 'cancelled' | 'any';
  advice?: DbAdvice;
  restores?: boolean;
  /** Run statement by statement through the splitter, as "Chạy tất cả" does (default: one call). */
  split?: boolean;
  /** Cancel the running statement after this many milliseconds. */
  cancelAfterMs?: number;
  /** A budget for slow but legitimate work (10M rows); the default is 30 s. */
  budgetMs?: number;
}

const COLUMN: Record<(typeof WAREHOUSE_TABLES)[number], string> = {
  documents: 'title',
  indicators: 'name_vi',
  observations: 'value_low',
  units: 'scale',
};

// Every way of writing to a base table, named and unqualified, wrapped and bare.
function tableCases(table: (typeof WAREHOUSE_TABLES)[number]): BadSqlCase[] {
  const column = COLUMN[table];
  const full = `memory.main.${table}`;
  const write = (name: string, sql: string, outcome: BadSqlCase['outcome'] = 'ok'): BadSqlCase => ({
    name: `${table}: ${name}`,
    sql,
    outcome,
    restores: outcome === 'ok',
  });
  return [
    write('DELETE', `DELETE FROM ${table}`),
    write('DELETE … RETURNING', `DELETE FROM ${table} RETURNING *`),
    write('UPDATE a column', `UPDATE ${table} SET ${column} = NULL`),
    write('INSERT its own rows again', `INSERT INTO ${table} SELECT * FROM ${table}`),
    write('TRUNCATE', `TRUNCATE ${table}`),
    write('DROP TABLE', `DROP TABLE ${table}`),
    write('DROP TABLE … CASCADE (fully qualified)', `DROP TABLE ${full} CASCADE`),
    write('ALTER TABLE RENAME', `ALTER TABLE ${table} RENAME TO renamed_${table}`),
    write('ALTER TABLE ADD COLUMN', `ALTER TABLE ${table} ADD COLUMN extra INTEGER DEFAULT 1`),
    write(
      'CREATE OR REPLACE TABLE … LIMIT 3 (qualified)',
      `CREATE OR REPLACE TABLE ${full} AS SELECT * FROM ${full} LIMIT 3`,
    ),
    write('WITH … DELETE', `WITH k AS (SELECT 1) DELETE FROM ${table}`),
    write(
      'WITH RECURSIVE … UPDATE',
      `WITH RECURSIVE k(n) AS (SELECT 1) UPDATE ${table} SET ${column} = NULL`,
    ),
    write('EXPLAIN ANALYZE DELETE', `EXPLAIN ANALYZE DELETE FROM ${table}`),
    write('BEGIN; DELETE; COMMIT', `BEGIN; DELETE FROM ${table}; COMMIT`),
    {
      name: `${table}: BEGIN; DELETE; ROLLBACK changes nothing`,
      sql: `BEGIN; DELETE FROM ${table}; ROLLBACK`,
      outcome: 'ok',
    },
    write('DELETE hidden after a $$ string', `SELECT $$it's$$; DELETE FROM ${table}; SELECT 'x'`),
    {
      ...write(
        'DELETE hidden after a $$ string, split as Run all does',
        `SELECT $$it's$$; DELETE FROM ${table}; SELECT 'x'`,
      ),
      split: true,
    },
    write('DELETE after an E string', `SELECT E'it\\'s; fine'; DELETE FROM ${table}`),
    write('DELETE after a nested comment', `/* a /* b */ ; */ DELETE FROM ${table}`),
    write(
      'SET schema then CREATE OR REPLACE TABLE … LIMIT 3',
      `SET schema = 'main'; CREATE OR REPLACE TABLE ${table} AS SELECT * FROM ${table} LIMIT 3`,
    ),
    {
      name: `${table}: CREATE OR REPLACE TABLE … LIMIT 3 unqualified lands in the user's schema`,
      sql: `CREATE OR REPLACE TABLE ${table} AS SELECT * FROM memory.main.${table} LIMIT 3`,
      outcome: 'ok',
    },
    {
      name: `${table}: CREATE INDEX`,
      sql: `CREATE INDEX idx_${table} ON ${table} (${column})`,
      outcome: 'any',
    },
    { name: `${table}: COMMENT ON TABLE`, sql: `COMMENT ON TABLE ${table} IS 'đã sửa'`, outcome: 'any' },
  ];
}

const APP_VIEWS = ['v_observations', 'v_term_pivot', 'v_target_vs_actual', 'v_conflicts'] as const;

function viewCases(view: (typeof APP_VIEWS)[number]): BadSqlCase[] {
  return [
    { name: `${view}: DROP VIEW`, sql: `DROP VIEW ${view}`, outcome: 'ok' },
    {
      name: `${view}: DROP VIEW CASCADE (qualified)`,
      sql: `DROP VIEW memory.main.${view} CASCADE`,
      outcome: 'any',
    },
    {
      name: `${view}: CREATE OR REPLACE VIEW (qualified)`,
      sql: `CREATE OR REPLACE VIEW memory.main.${view} AS SELECT 1 AS x`,
      outcome: 'any',
    },
    {
      name: `${view}: a user view of the same name`,
      sql: `CREATE VIEW ${view} AS SELECT 1 AS x`,
      outcome: 'ok',
    },
    {
      name: `${view}: ALTER VIEW RENAME`,
      sql: `ALTER VIEW memory.main.${view} RENAME TO old_${view}`,
      outcome: 'any',
    },
    {
      name: `${view}: a TEMP view of the same name`,
      sql: `CREATE TEMP VIEW ${view} AS SELECT 1 AS x`,
      outcome: 'ok',
    },
  ];
}

function macroCases(macro: 'fold' | 'achievement'): BadSqlCase[] {
  const params = macro === 'fold' ? 's' : 'a, b, c, d, e';
  return [
    { name: `${macro}(): DROP MACRO`, sql: `DROP MACRO ${macro}`, outcome: 'any' },
    { name: `${macro}(): DROP MACRO (qualified)`, sql: `DROP MACRO memory.main.${macro}`, outcome: 'any' },
    {
      name: `${macro}(): CREATE OR REPLACE MACRO (qualified)`,
      sql: `CREATE OR REPLACE MACRO memory.main.${macro}(${params}) AS 'đạt'`,
      outcome: 'any',
    },
    {
      name: `${macro}(): a user macro of the same name`,
      sql: `CREATE MACRO ${macro}(${params}) AS 'đạt'`,
      outcome: 'ok',
    },
    {
      name: `${macro}(): a TEMP macro of the same name`,
      sql: `CREATE OR REPLACE TEMP MACRO ${macro}(${params}) AS 'đạt'`,
      outcome: 'ok',
    },
  ];
}

const OFFLINE_SETTINGS: [string, string][] = [
  ['autoinstall_known_extensions', 'true'],
  ['autoload_known_extensions', 'true'],
  ['memory_limit', "'8MB'"],
  ['max_memory', "'8MB'"],
  ['threads', '1'],
  ['worker_threads', '1'],
  ['enable_external_access', 'true'],
  ['lock_configuration', 'false'],
  ['allowed_directories', "['/']"],
  ['allowed_paths', "['/warehouse']"],
  ['temp_directory', "'/tmp/x'"],
  ['extension_directory', "'/tmp/ext'"],
  ['custom_extension_repository', "'http://example.com'"],
  ['autoinstall_extension_repository', "'http://example.com'"],
  ['allow_unsigned_extensions', 'true'],
  ['allow_community_extensions', 'true'],
];

function settingCases(): BadSqlCase[] {
  return OFFLINE_SETTINGS.flatMap(([setting, value]): BadSqlCase[] => [
    { name: `SET ${setting}`, sql: `SET ${setting} = ${value}`, outcome: 'error', advice: 'settings' },
    {
      name: `SET GLOBAL ${setting}`,
      sql: `SET GLOBAL ${setting} = ${value}`,
      outcome: 'error',
      advice: 'settings',
    },
  ]).concat([
    { name: 'RESET memory_limit', sql: 'RESET memory_limit', outcome: 'error', advice: 'settings' },
    {
      name: 'RESET autoload_known_extensions',
      sql: 'RESET autoload_known_extensions',
      outcome: 'error',
      advice: 'settings',
    },
    { name: 'PRAGMA memory_limit', sql: "PRAGMA memory_limit='8MB'", outcome: 'error', advice: 'settings' },
    { name: 'PRAGMA threads', sql: 'PRAGMA threads=1', outcome: 'error', advice: 'settings' },
    {
      name: 'SET SESSION memory_limit',
      sql: "SET SESSION memory_limit='8MB'",
      outcome: 'error',
      advice: 'settings',
    },
    { name: 'SET search_path to the system schema', sql: "SET search_path = 'system.main'", outcome: 'ok' },
    {
      name: 'SET default_collation (the user session only)',
      sql: "SET default_collation = 'nocase'",
      outcome: 'any',
    },
    { name: 'PRAGMA enable_profiling', sql: 'PRAGMA enable_profiling', outcome: 'any' },
  ]);
}

const ATTACH_CASES: BadSqlCase[] = [
  { name: 'ATTACH a database file', sql: "ATTACH 'x.duckdb' AS x", outcome: 'error', advice: 'files' },
  {
    name: 'ATTACH a file READ_ONLY',
    sql: "ATTACH 'x.duckdb' AS x (READ_ONLY)",
    outcome: 'error',
    advice: 'files',
  },
  { name: 'ATTACH a URL', sql: "ATTACH 'https://example.com/x.duckdb' AS x", outcome: 'error' },
  {
    name: 'ATTACH :memory: and USE it',
    sql: "ATTACH ':memory:' AS m2; USE m2; CREATE TABLE observations AS SELECT 1 AS x",
    outcome: 'ok',
  },
  {
    name: 'ATTACH; USE; DROP memory.main.observations',
    sql: "ATTACH ':memory:' AS m3; USE m3; DROP TABLE memory.main.observations",
    outcome: 'ok',
    restores: true,
  },
  {
    name: 'ATTACH; USE; DETACH the app catalogue',
    sql: "ATTACH ':memory:' AS m4; USE m4; DETACH memory",
    outcome: 'ok',
    restores: true,
  },
  { name: 'DETACH the default catalogue', sql: 'DETACH memory', outcome: 'error' },
  { name: 'DETACH something absent', sql: 'DETACH DATABASE IF EXISTS nowhere', outcome: 'ok' },
  { name: 'USE system.main', sql: 'USE system.main', outcome: 'error' },
  { name: 'USE a catalogue that does not exist', sql: 'USE nowhere', outcome: 'error' },
  {
    name: 'USE memory.main then CREATE VIEW v_observations',
    sql: 'USE memory.main; CREATE OR REPLACE VIEW v_observations AS SELECT 1 AS x',
    outcome: 'ok',
    restores: false,
  },
];

const FILE_CASES: BadSqlCase[] = [
  {
    name: 'COPY a table TO csv',
    sql: "COPY observations TO 'observations.csv'",
    outcome: 'error',
    advice: 'files',
  },
  {
    name: 'COPY a query TO csv with options',
    sql: "COPY (SELECT 1 AS a) TO 'a.csv' (HEADER, DELIMITER ';')",
    outcome: 'error',
    advice: 'files',
  },
  { name: 'COPY TO parquet', sql: "COPY (SELECT 1 AS a) TO 'a.parquet' (FORMAT parquet)", outcome: 'error' },
  { name: 'COPY TO json', sql: "COPY (SELECT 1 AS a) TO 'a.json'", outcome: 'error' },
  {
    name: 'COPY TO /dev/stdout',
    sql: "COPY observations TO '/dev/stdout'",
    outcome: 'error',
    advice: 'files',
  },
  { name: 'COPY FROM a file', sql: "COPY documents FROM 'documents.csv'", outcome: 'error', advice: 'files' },
  { name: 'EXPORT DATABASE', sql: "EXPORT DATABASE 'export'", outcome: 'error', advice: 'files' },
  { name: 'EXPORT DATABASE as parquet', sql: "EXPORT DATABASE 'export' (FORMAT parquet)", outcome: 'error' },
  { name: 'IMPORT DATABASE', sql: "IMPORT DATABASE 'export'", outcome: 'error', advice: 'files' },
  { name: 'read_csv of a file', sql: "SELECT * FROM read_csv('x.csv')", outcome: 'error', advice: 'files' },
  { name: 'a csv file as a table', sql: "SELECT * FROM 'x.csv'", outcome: 'error', advice: 'files' },
  {
    name: 'read_text of /etc/passwd',
    sql: "SELECT * FROM read_text('/etc/passwd')",
    outcome: 'error',
    advice: 'files',
  },
  { name: 'glob', sql: "SELECT * FROM glob('*')", outcome: 'error', advice: 'files' },
  {
    name: 'read_parquet',
    sql: "SELECT * FROM read_parquet('x.parquet')",
    outcome: 'error',
    advice: 'extension',
  },
  { name: 'a parquet file as a table', sql: "SELECT * FROM 'x.parquet'", outcome: 'error' },
  { name: 'read_json', sql: "SELECT * FROM read_json('x.json')", outcome: 'error' },
  {
    name: 'parquet over https',
    sql: "SELECT * FROM read_parquet('https://example.com/x.parquet')",
    outcome: 'error',
    advice: 'extension',
  },
];

const EXTENSION_CASES: BadSqlCase[] = [
  { name: 'INSTALL parquet', sql: 'INSTALL parquet', outcome: 'any' },
  { name: 'LOAD parquet', sql: 'LOAD parquet', outcome: 'error', advice: 'extension' },
  { name: 'INSTALL httpfs', sql: 'INSTALL httpfs', outcome: 'any' },
  { name: 'LOAD httpfs', sql: 'LOAD httpfs', outcome: 'error', advice: 'extension' },
  { name: 'FORCE INSTALL spatial', sql: 'FORCE INSTALL spatial', outcome: 'any' },
  { name: 'INSTALL from a repository URL', sql: "INSTALL spatial FROM 'http://example.com'", outcome: 'any' },
  { name: 'LOAD a file', sql: "LOAD '/tmp/evil.duckdb_extension'", outcome: 'error', advice: 'extension' },
  { name: 'CREATE SECRET (httpfs)', sql: 'CREATE SECRET s (TYPE s3)', outcome: 'error', advice: 'extension' },
  { name: 'list extensions', sql: 'SELECT extension_name, loaded FROM duckdb_extensions()', outcome: 'ok' },
];

const TEN_MILLION = 10_000_000;

const SIZE_CASES: BadSqlCase[] = [
  {
    name: '10M rows of numbers',
    sql: `SELECT * FROM generate_series(1, ${TEN_MILLION})`,
    outcome: 'ok',
    budgetMs: 180_000,
  },
  { name: '10M rows counted', sql: `SELECT count(*) FROM range(${TEN_MILLION})`, outcome: 'ok' },
  {
    name: 'runaway recursion, cancelled',
    sql: 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r',
    outcome: 'cancelled',
    cancelAfterMs: 500,
  },
  {
    name: 'a cross join of 10^12 rows, cancelled',
    sql: 'SELECT count(*) FROM range(1000000) a, range(1000000) b',
    outcome: 'cancelled',
    cancelAfterMs: 500,
  },
  {
    name: 'a 1 MB string literal',
    sql: () => `SELECT length('${'x'.repeat(1_000_000)}') AS n`,
    outcome: 'ok',
  },
  {
    name: 'a 1 MB IN list',
    sql: () => `SELECT 1 IN (${Array.from({ length: 160_000 }, (_, i) => i).join(',')}) AS found`,
    outcome: 'ok',
    budgetMs: 120_000,
  },
  { name: '1 MB of comments', sql: () => `${'-- chú thích\n'.repeat(70_000)}SELECT 1`, outcome: 'ok' },
  {
    name: '100,000 nested parentheses',
    sql: () => `SELECT ${'('.repeat(100_000)}1${')'.repeat(100_000)}`,
    outcome: 'error',
  },
  {
    name: '1 MB of 1+1+…',
    sql: () => `SELECT ${Array.from({ length: 250_000 }, () => '1').join('+')}`,
    outcome: 'any',
    budgetMs: 120_000,
  },
  {
    name: '20,000 statements in one call',
    sql: () => 'SELECT 1;'.repeat(20_000),
    outcome: 'ok',
    budgetMs: 120_000,
  },
  { name: 'a 1 MB identifier', sql: () => `SELECT * FROM "${'a'.repeat(1_000_000)}"`, outcome: 'error' },
];

const TEXT_CASES: BadSqlCase[] = [
  { name: 'NUL inside a string', sql: "SELECT 'a\u0000b' AS s", outcome: 'any' },
  { name: 'NUL after a statement', sql: 'SELECT 1\u0000; DELETE FROM observations', outcome: 'any' },
  { name: 'right-to-left override', sql: "SELECT '\u202Eabc' AS s", outcome: 'ok' },
  { name: 'zero-width space in a table name', sql: 'SELECT * FROM obser\u200Bvations', outcome: 'error' },
  { name: 'zero-width joiner in a string', sql: "SELECT 'Lạng\u200DSơn' AS s", outcome: 'ok' },
  { name: 'a lone surrogate in a string', sql: "SELECT '\uD800' AS s", outcome: 'any' },
  { name: 'a lone surrogate in an identifier', sql: 'SELECT 1 AS "\uDC00"', outcome: 'any' },
  {
    name: 'emoji and decomposed Vietnamese',
    sql: "SELECT '🚀 Tăng trưởng' AS s, fold('Tăng trưởng') AS f",
    outcome: 'ok',
  },
  { name: 'a byte-order mark before SELECT', sql: '\uFEFFSELECT 1', outcome: 'any' },
  { name: 'CRLF line ends', sql: 'SELECT\r\n1\r\nAS\r\nx', outcome: 'ok' },
  { name: 'an unterminated string', sql: "SELECT 'open", outcome: 'error' },
  { name: 'an unterminated dollar string', sql: 'SELECT $$open', outcome: 'error' },
  { name: 'an unterminated comment', sql: 'SELECT 1 /* open', outcome: 'any' },
  { name: 'only a comment', sql: '-- nothing', outcome: 'any' },
  { name: 'only semicolons', sql: ';;;', outcome: 'any' },
  {
    name: 'injection through a string',
    sql: "SELECT 'x''; DROP TABLE observations; --' AS s",
    outcome: 'ok',
  },
  {
    name: 'a tagged dollar string hiding a DROP',
    sql: 'SELECT $tag$ $$ ; $tag$; DROP TABLE indicators',
    outcome: 'ok',
    restores: true,
  },
];

const SHADOW_CASES: BadSqlCase[] = [
  {
    name: 'a user table named like a warehouse table',
    sql: 'CREATE TABLE observations AS SELECT 1 AS x',
    outcome: 'ok',
  },
  {
    name: 'a user view v_observations with no rows',
    sql: 'CREATE VIEW v_observations AS SELECT * FROM memory.main.observations WHERE false',
    outcome: 'ok',
  },
  {
    name: 'a user macro achievement() that says đạt',
    sql: "CREATE MACRO achievement(a, b, c, d, e) AS 'đạt'",
    outcome: 'ok',
  },
  {
    name: 'a user table joined with the warehouse',
    sql: 'CREATE TABLE my_join AS SELECT o.obs_id, i.name_vi FROM observations o JOIN indicators i USING (indicator_id) LIMIT 10',
    outcome: 'ok',
  },
  {
    name: 'CREATE SCHEMA in the app catalogue',
    sql: 'CREATE SCHEMA memory.other; CREATE TABLE memory.other.t AS SELECT 1 AS x',
    outcome: 'ok',
  },
  {
    name: 'a table created in the app schema',
    sql: 'CREATE TABLE memory.main.extra AS SELECT 1 AS x',
    outcome: 'ok',
  },
  { name: 'DROP SCHEMA main CASCADE', sql: 'DROP SCHEMA memory.main CASCADE', outcome: 'any' },
  { name: 'DROP the user schema', sql: 'DROP SCHEMA workspace CASCADE', outcome: 'any' },
  { name: 'CHECKPOINT', sql: 'CHECKPOINT', outcome: 'any' },
  { name: 'VACUUM a base table', sql: 'VACUUM observations', outcome: 'any' },
  { name: 'a transaction left open', sql: 'BEGIN TRANSACTION; DELETE FROM observations', outcome: 'ok' },
  {
    name: 'a prepared DELETE',
    sql: 'PREPARE p AS DELETE FROM observations; EXECUTE p',
    outcome: 'ok',
    restores: true,
  },
  { name: 'CALL a table function', sql: "CALL pragma_table_info('observations')", outcome: 'ok' },
  { name: 'a syntax error', sql: 'SELEC 1', outcome: 'error' },
  { name: 'a division by zero', sql: 'SELECT 1 // 0 AS x', outcome: 'any' },
  { name: 'an out-of-range cast', sql: "SELECT '400000000000000000000'::INTEGER", outcome: 'error' },
];

/** Every case of the SQL bad-input suite. */
export const BAD_SQL_CASES: readonly BadSqlCase[] = [
  ...WAREHOUSE_TABLES.flatMap(tableCases),
  ...APP_VIEWS.flatMap(viewCases),
  ...macroCases('fold'),
  ...macroCases('achievement'),
  ...settingCases(),
  ...ATTACH_CASES,
  ...FILE_CASES,
  ...EXTENSION_CASES,
  ...SIZE_CASES,
  ...TEXT_CASES,
  ...SHADOW_CASES,
];
