import { afterAll, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { appObject, ident, inBoundList, literal, qualified } from '../../../renderer/src/lib/db/sql.ts';
import { nodeConnector } from '../../../scripts/lib/node-duckdb.ts';

describe('SQL text helpers', () => {
  const db = new WorkbenchDatabase(nodeConnector);
  afterAll(() => db.close());

  it('matches each row once against a bound list, whatever the list repeats, and splits it only at its separator', async () => {
    const ids = "SELECT * FROM (VALUES ('grdp_growth'), ('poverty_rate'), ('forest, cover'), ('')) t(id)";
    const matched = (separator: ',' | 'newline', list: string) =>
      db.queryRows(
        `SELECT id FROM (${ids}) WHERE ${inBoundList('id', separator)} ORDER BY id`,
        [list],
        (row) => String(row.id),
      );
    expect(await matched(',', 'poverty_rate,grdp_growth,poverty_rate')).toEqual({
      ok: true,
      value: ['grdp_growth', 'poverty_rate'],
    });
    // A value with a comma in it is one value when the list is joined by newlines.
    expect(await matched('newline', 'forest, cover\ngrdp_growth')).toEqual({
      ok: true,
      value: ['forest, cover', 'grdp_growth'],
    });
    expect(await matched(',', 'forest, cover')).toEqual({ ok: true, value: [] });
    expect(await matched(',', 'unknown')).toEqual({ ok: true, value: [] });
  });

  it('quotes identifiers and literals so that the engine reads back exactly what was meant', async () => {
    const name = 'chỉ "tiêu"; DROP TABLE x; --';
    const text = "tăng trưởng'; DROP TABLE x; --";
    const result = await db.query(
      `SELECT ${literal(text)} AS ${ident(name)}, ${literal(6.79)} AS n, ${literal(null)} AS z, ${literal(true)} AS b`,
    );
    expect(result.ok && result.value.toArray().map((row) => row.toJSON())).toEqual([
      { [name]: text, n: 6.79, z: null, b: true },
    ]);
  });

  it('names app objects fully qualified, so a user macro of the same name does not shadow them', async () => {
    await db.query(`CREATE MACRO ${appObject('twice')}(x) AS x * 2`);
    await db.query(`CREATE SCHEMA u; SET search_path = 'u,main'; CREATE MACRO u.twice(x) AS x * 3`);
    const result = await db.query(`SELECT ${appObject('twice')}(21) AS app, twice(21) AS mine`);
    expect(result.ok && result.value.toArray().map((row) => row.toJSON())).toEqual([{ app: 42, mine: 63 }]);
    expect(qualified('a"b', 'c')).toBe('"a""b"."c"');
  });

  it('refuses a non-finite number as a literal', () => {
    expect(() => literal(Number.POSITIVE_INFINITY)).toThrow(/not a finite number/);
  });
});
