import { readFileSync } from 'node:fs';
import { Field, Int32, Schema, Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { countRows, readSchemaCatalog } from '../../../renderer/src/lib/meaning/schema-catalog.ts';
import { WAREHOUSE_TABLES, arrowPath } from '../../../renderer/src/lib/warehouse/tables.ts';
import { nodeConnector, openWarehouseDatabase } from '../../../scripts/lib/node-duckdb.ts';

describe('WorkbenchDatabase on the real DuckDB-WASM engine', () => {
  const db = new WorkbenchDatabase(nodeConnector);
  afterAll(() => db.close());

  it('shares one initialisation between concurrent callers', async () => {
    let starts = 0;
    const counted = new WorkbenchDatabase(async () => {
      starts++;
      return nodeConnector();
    });
    const results = await Promise.all([counted.ready(), counted.query('SELECT 1 AS a'), counted.ready()]);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(starts).toBe(1);
    await counted.close();
  });

  it('returns an Arrow table and binds parameters as values, not SQL', async () => {
    const result = await db.query('SELECT ?::INTEGER + 1 AS next, ? AS label', [
      41,
      "tăng trưởng'; DROP TABLE x; --",
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.numRows).toBe(1);
    expect(result.value.get(0)?.toJSON()).toEqual({ next: 42, label: "tăng trưởng'; DROP TABLE x; --" });
  });

  it('keeps the columns of an empty result', async () => {
    const result = await db.query('SELECT 1 AS a, 2 AS b WHERE false');
    expect(result.ok && result.value.schema.fields.map((field) => field.name)).toEqual(['a', 'b']);
    expect(result.ok && result.value.numRows).toBe(0);
  });

  it('reports bad SQL as a typed error with the engine message, and keeps working', async () => {
    const bad = await db.query('SELEC 1');
    expect(bad).toMatchObject({ ok: false, error: { code: 'sql' } });
    expect(!bad.ok && bad.error).toMatchObject({ kind: 'Parser', position: 0 });
    expect(!bad.ok && bad.error.message).toMatch(/^Parser Error: syntax error at or near "SELEC"/);
    const good = await db.query('SELECT 2 AS two');
    expect(good.ok && good.value.get(0)?.two).toBe(2);
  });

  it('reads each row of a result into a value, and passes an error through unread', async () => {
    const read = (row: Record<string, unknown>) => `${String(row.name)}=${Number(row.n)}`;
    const rows = await db.queryRows(
      'SELECT * FROM (VALUES (?, 1), (?, 2)) AS t(name, n) ORDER BY n',
      ['a', 'b'],
      read,
    );
    expect(rows).toEqual({ ok: true, value: ['a=1', 'b=2'] });
    const bad = await db.queryRows('SELECT nope FROM nowhere', [], read);
    expect(bad).toMatchObject({ ok: false, error: { code: 'sql' } });
  });

  it('cancels a running query and answers the next one', async () => {
    const slow = db.query('SELECT count(*) FROM range(10000000000) a');
    await expect.poll(() => db.cancel(), { interval: 50, timeout: 10_000 }).toBe(true);
    expect(await slow).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const after = await db.query('SELECT 3 AS three');
    expect(after.ok && after.value.get(0)?.three).toBe(3);
  });

  it('stops user SQL still waiting behind an app query, and leaves the app query alone', async () => {
    const app = db.query('SELECT count(*) AS n FROM range(30000000) a');
    const user = db.userQuery('SELECT 1 AS never');
    expect(await db.cancelUserSql()).toBe(false);
    expect(await user).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const appResult = await app;
    expect(appResult.ok && appResult.value.get(0)?.n).toBe(30000000);
    const after = await db.userQuery('SELECT 4 AS four');
    expect(after.ok && after.value.get(0)?.four).toBe(4);
  });

  it('has no way to fetch an extension: Parquet fails fast instead of going online', async () => {
    const result = await db.query("SELECT * FROM read_parquet('nowhere.parquet')");
    expect(result.ok).toBe(false);
  });

  it('reports a failed start as an init error and lets a later call retry', async () => {
    let attempts = 0;
    const flaky = new WorkbenchDatabase(async () => {
      attempts++;
      if (attempts === 1) throw new Error('wasm missing');
      return nodeConnector();
    });
    expect(await flaky.ready()).toEqual({ ok: false, error: { code: 'init', message: 'wasm missing' } });
    expect((await flaky.ready()).ok).toBe(true);
    await flaky.close();
  });
});

describe('the embedded warehouse', () => {
  it('loads every table from its Arrow IPC file, with exact row counts', async () => {
    const { db } = await openWarehouseDatabase();
    const catalog = await readSchemaCatalog(db);
    expect(catalog.ok).toBe(true);
    if (!catalog.ok) return;
    const tables = catalog.value.filter((object) => object.kind === 'table').map((object) => object.name);
    // The warehouse's tables, and the app-owned corrections the review lays over them (empty).
    expect(tables).toEqual([...WAREHOUSE_TABLES, 'corrections'].sort());
    expect(await countRows(db, { schema: 'main', name: 'corrections' })).toEqual({ ok: true, value: 0 });
    expect(await countRows(db, { schema: 'main', name: 'documents' })).toEqual({ ok: true, value: 5 });
    const observations = catalog.value.find((object) => object.name === 'observations');
    expect(observations?.columns.find((column) => column.name === 'char_start')).toMatchObject({
      type: 'INTEGER',
      vi: 'Vị trí bắt đầu của số trong văn bản gốc',
    });
    const titles = await db.query('SELECT title FROM documents WHERE doc_id = ?', [
      '2025-12-10_nghi-quyet-67-hdnd_ke-hoach-2026',
    ]);
    expect(titles.ok && titles.value.get(0)?.title).toBe(
      'Nghị quyết số 67/NQ-HĐND về mục tiêu, nhiệm vụ kế hoạch năm 2026',
    );
    await db.close();
  });

  it('reports a corrupt Arrow file as a load error', async () => {
    const db = new WorkbenchDatabase(nodeConnector);
    const result = await db.loadArrowTable('broken', new TextEncoder().encode('not arrow at all'));
    expect(result).toMatchObject({ ok: false, error: { code: 'load' } });
    expect((await db.query('SELECT 1 AS one')).ok).toBe(true);
    await db.close();
  });

  it('refuses a stream cut short, and the next stream loads whole', async () => {
    const db = new WorkbenchDatabase(nodeConnector);
    const units = new Uint8Array(readFileSync(`data/${arrowPath('units')}`));
    const cut = units.slice(0, units.byteLength - 100);
    for (const refused of [
      await db.loadArrowTable('cut', cut.slice()),
      await db.loadArrowTables(
        new Map([
          ['units', units.slice()],
          ['cut', cut.slice()],
        ]),
      ),
    ]) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'load' } });
    }
    expect((await db.loadArrowTable('units', units.slice())).ok).toBe(true);
    const rows = await db.queryRows('SELECT count(*) AS n FROM units', [], (row) => Number(row.n));
    expect(rows).toEqual({ ok: true, value: [tableFromIPC(units).numRows] });
    await db.close();
  });

  it('refuses a stream that ends like Arrow but holds no schema, and creates an empty table from one that does', async () => {
    const db = new WorkbenchDatabase(nodeConnector);
    const endOfStream = [0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0];
    const noSchema = new Uint8Array([...new TextEncoder().encode('no schema here'), ...endOfStream]);
    const markersOnly = new Uint8Array([...endOfStream, ...endOfStream]);
    for (const refused of [
      await db.loadArrowTable('garbage', noSchema),
      await db.loadArrowTables(new Map([['markers', markersOnly]])),
    ]) {
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'load', message: expect.stringMatching(/Arrow/) },
      });
    }
    const empty = tableToIPC(new Table(new Schema([new Field('n', new Int32())])), 'stream');
    expect((await db.loadArrowTables(new Map([['empty', empty]]))).ok).toBe(true);
    expect(await db.queryRows('SELECT count(*) AS n FROM empty', [], (row) => Number(row.n))).toEqual({
      ok: true,
      value: [0],
    });
    await db.close();
  });
});
