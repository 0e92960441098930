import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Table } from 'apache-arrow';
import type { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { appObject } from '../../../renderer/src/lib/db/sql.ts';
import { CURATED_VIEWS } from '../../../renderer/src/lib/meaning/curated-views.ts';
import { readReportData, reportableIndicators } from '../../../renderer/src/lib/report/report-data.ts';
import { CliError } from '../../../scripts/lib/cli-args.ts';
import { fallbackNotice, openReportDatabase } from '../../../scripts/lib/report-database.ts';
import { spawnCli } from './cli-harness.ts';

// What a machine without this platform's bindings throws when @duckdb/node-api loads.
const MISSING_BINDINGS = () =>
  Promise.reject(new Error("Cannot find module '@duckdb/node-bindings-linux-x64/duckdb.node'"));

// A table as plain data: its columns' Arrow types, then every row.
function plain(table: Table): { types: string[]; rows: unknown[] } {
  return {
    types: table.schema.fields.map((field) => `${field.name}: ${String(field.type)}`),
    rows: table.toArray().map((row) => JSON.parse(JSON.stringify(row.toJSON())) as unknown),
  };
}

describe('the report CLI on native DuckDB and on DuckDB-WASM, same warehouse, same SQL', () => {
  let native: WorkbenchDatabase;
  let wasm: WorkbenchDatabase;

  beforeAll(async () => {
    const [opened, fallback] = await Promise.all([openReportDatabase('native'), openReportDatabase('wasm')]);
    expect([opened.engine, fallback.engine]).toEqual(['native', 'wasm']);
    native = opened.db;
    wasm = fallback.db;
  }, 120_000);
  afterAll(async () => {
    await native?.close();
    await wasm?.close();
  });

  it(
    'reads the same report data for every indicator, by term and by year',
    { timeout: 300_000 },
    async () => {
      for (const periods of ['terms', 'years'] as const) {
        const [fromNative, fromWasm] = await Promise.all([
          readReportData(native, { indicators: 'all', periods }),
          readReportData(wasm, { indicators: 'all', periods }),
        ]);
        if (!fromNative.ok || !fromWasm.ok) throw new Error('report data failed');
        expect(fromNative.value.rows.length).toBeGreaterThan(300);
        expect(fromNative.value.details.length).toBeGreaterThan(900);
        expect(fromNative.value).toEqual(fromWasm.value);
      }
    },
  );

  it('lists the same reportable indicators', async () => {
    const [fromNative, fromWasm] = await Promise.all([
      reportableIndicators(native),
      reportableIndicators(wasm),
    ]);
    expect(fromNative.ok && fromNative.value.length).toBeGreaterThan(300);
    expect(fromNative).toEqual(fromWasm);
  });

  it('gives every curated view the same rows with the same Arrow types', async () => {
    // Table macros (they take a document id) are read through the views built on them.
    for (const view of CURATED_VIEWS.filter((curated) => /^\s*CREATE OR REPLACE VIEW/u.test(curated.sql))) {
      // A total order whatever the view's columns: by every column's text.
      const sql = `SELECT * FROM ${appObject(view.name)} t ORDER BY CAST(t AS VARCHAR)`;
      const [fromNative, fromWasm] = await Promise.all([native.query(sql), wasm.query(sql)]);
      if (!fromNative.ok || !fromWasm.ok) throw new Error(`${view.name}: query failed`);
      expect(fromNative.value.numRows, view.name).toBeGreaterThan(0);
      expect(plain(fromNative.value), view.name).toEqual(plain(fromWasm.value));
    }
  });

  it('gives every column type the same Arrow data: nulls, empty text, lists and structs', async () => {
    const sql = `SELECT * FROM (VALUES
      (1::TINYINT, 2::SMALLINT, 3::INTEGER, 4::UTINYINT, 5::USMALLINT, 6::UINTEGER, 7::BIGINT,
       1.5::FLOAT, 2.25::DOUBLE, 1.23::DECIMAL(5, 2), true, 'Lạng Sơn', [1.5::DOUBLE, NULL], ['ư', NULL, ''],
       {'x': 1, 'y': 'b'}, [{'x': 2, 'y': NULL}, NULL], DATE '2025-01-31'),
      (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
      (-1, -2, -3, 0, 0, 0, -7, -0.5, -1e300, -9.99, false, '', [], [], {'x': NULL, 'y': NULL}, [], NULL)
    ) t(i8, i16, i32, u8, u16, u32, i64, f32, f64, dec, flag, text, doubles, texts, pair, pairs, day)`;
    for (const query of [sql, `${sql} WHERE false`]) {
      const [fromNative, fromWasm] = await Promise.all([native.query(query), wasm.query(query)]);
      if (!fromNative.ok || !fromWasm.ok) throw new Error('typed query failed');
      expect(plain(fromNative.value)).toEqual(plain(fromWasm.value));
    }
  });

  it('keeps the engine locked down as the app does: no file can be read', async () => {
    const read = await native.query(`SELECT * FROM read_csv('data/warehouse/units.csv')`);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error.message).toMatch(/external access|disabled/iu);
  });

  it('binds parameters as the WASM engine does and reports bad SQL as an error value', async () => {
    const sql = 'SELECT ? AS text, ? AS whole, ? AS fraction, ? AS flag, ? AS big';
    const params = ['Lạng Sơn', 42, 2.5, true, 2 ** 40];
    const [fromNative, fromWasm] = await Promise.all([native.query(sql, params), wasm.query(sql, params)]);
    if (!fromNative.ok || !fromWasm.ok) throw new Error('parameter query failed');
    expect(plain(fromNative.value)).toEqual(plain(fromWasm.value));
    // A null parameter is NULL in both (untyped natively, a VARCHAR null in WASM).
    const nothing = await native.query('SELECT ? IS NULL AS missing', [null]);
    expect(nothing.ok && nothing.value.get(0)?.missing).toBe(true);
    const bad = await native.query('SELEC 1');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.message).toMatch(/syntax error/iu);
  });
});

describe('the report CLI without native bindings', () => {
  it('falls back to DuckDB-WASM, says why, and reads the same warehouse', async () => {
    const { db, engine, fallback } = await openReportDatabase('auto', { loadNative: MISSING_BINDINGS });
    try {
      expect(engine).toBe('wasm');
      expect(fallback).toMatch(/node-bindings-linux-x64/u);
      expect(fallbackNotice(fallback!)).toMatch(
        /^report: DuckDB gốc không chạy được .* using DuckDB-WASM \(slower\)\n$/u,
      );
      const indicators = await reportableIndicators(db);
      expect(indicators.ok && indicators.value.length).toBeGreaterThan(300);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('refuses --engine native with a clear message in both languages', async () => {
    const refused = await openReportDatabase('native', { loadNative: MISSING_BINDINGS }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(CliError);
    expect((refused as CliError).message).toMatch(
      /^Lỗi: DuckDB gốc \(@duckdb\/node-api\) không chạy được: Cannot find module .* \/ Error: native DuckDB \(@duckdb\/node-api\) does not start/u,
    );
  });

  it('names both engines when neither starts', async () => {
    const refused = await openReportDatabase('auto', {
      loadNative: MISSING_BINDINGS,
      wasm: () => Promise.reject(new Error('WebAssembly.instantiate(): out of memory')),
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CliError);
    expect((refused as CliError).en).toMatch(
      /^cannot open the warehouse: neither native DuckDB \(Cannot find module .*\) nor DuckDB-WASM \(.*out of memory\) starts$/u,
    );
  });
});

describe('npm run report --engine, spawned', () => {
  it(
    'writes the same report, byte for byte, from native DuckDB and from DuckDB-WASM',
    { timeout: 600_000 },
    async () => {
      const work = await mkdtemp(join(tmpdir(), 'ctw-report-engines-'));
      try {
        const bytes: Buffer[] = [];
        for (const engine of ['native', 'wasm']) {
          const out = join(work, `${engine}.csv`);
          const args = ['--format', 'csv', '--periods', 'years', '--date', '2026-12-01', '--engine', engine];
          const result = await spawnCli('scripts/report.ts', [...args, '--out', out], 300_000);
          expect(result.stderr, engine).toBe('');
          expect(result.code, engine).toBe(0);
          expect(result.stdout).toMatch(/: csv, 3\d\d indicators, \d+ bytes\n$/u);
          bytes.push(await readFile(out));
        }
        expect(bytes[0]!.length).toBeGreaterThan(10_000);
        expect(bytes[0]!.equals(bytes[1]!)).toBe(true);
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    },
  );
});
