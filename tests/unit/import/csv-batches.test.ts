import { Table, tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { qualified } from '../../../renderer/src/lib/db/sql.ts';
import { CSV_BATCH_ROWS, csvToIpc } from '../../../renderer/src/lib/import/csv-columns.ts';
import { loadUserTable } from '../../../renderer/src/lib/import/user-table.ts';
import { USER_SCHEMA } from '../../../renderer/src/lib/warehouse/workspace.ts';
import { useUserSchemaDatabase } from '../../support/warehouse-database.ts';

// Issue 14: the CSV is parsed into Arrow record batches of a bounded number of rows, never held
// whole as JS rows; a row or a quoted field across a batch's end must come out exactly as written.
describe('a CSV parsed in record batches', () => {
  const csv = [
    'Tên;Năm;Tên;',
    '"Lạng Sơn; tỉnh";2020;a;x',
    '',
    '"dòng ""một""',
    'dòng hai";2021',
    'Cao Lộc;;b;y;thừa',
    'Văn Lãng;2023;c;z',
    'Đình Lập;2024',
  ].join('\r\n');

  it('keeps every row, in order, whatever the batch size', () => {
    const expected = [
      ['Lạng Sơn; tỉnh', '2020', 'a', 'x'],
      ['dòng "một"\r\ndòng hai', '2021', null, null],
      ['Cao Lộc', null, 'b', 'y'],
      ['Văn Lãng', '2023', 'c', 'z'],
      ['Đình Lập', '2024', null, null],
    ];
    for (const batchRows of [1, 2, 3, 1000]) {
      const streams = csvToIpc(csv, ';', batchRows);
      expect(streams.length, `batches of ${batchRows}`).toBe(Math.ceil(5 / batchRows));
      const table = new Table(streams.flatMap((stream) => tableFromIPC(stream).batches));
      expect(table.schema.fields.map((field) => field.name)).toEqual(['Tên', 'Năm', 'Tên_2', 'cot_4']);
      expect(table.toArray().map((row) => Object.values(row.toJSON()))).toEqual(expected);
    }
  });

  it('gives the header alone when there are no data rows', () => {
    const streams = csvToIpc('a,b\n\n', ',', 2);
    expect(streams.length).toBe(1);
    const table = tableFromIPC(streams[0]!);
    expect([table.numRows, table.schema.fields.map((field) => field.name)]).toEqual([0, ['a', 'b']]);
  });
});

const engine = useUserSchemaDatabase();

describe('a user table of more rows than one record batch, in DuckDB-WASM', () => {
  it('reads its column types from every batch, the last row included', { timeout: 300_000 }, async () => {
    // One row past a batch: numbers everywhere, except the last row's value, so the column is text.
    const rows = CSV_BATCH_ROWS + 1;
    const lines = ['ma;nam;gia_tri'];
    for (let i = 0; i < rows - 1; i++) lines.push(`m${i};${2000 + (i % 25)};${i},5`);
    lines.push('cuoi;2030;không có');
    const loaded = await loadUserTable(engine.db, 'hai_lo.csv', new TextEncoder().encode(lines.join('\n')));
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.rows).toBe(rows);
    expect(loaded.value.columns.map((column) => column.type)).toEqual(['VARCHAR', 'BIGINT', 'VARCHAR']);
    const last = await engine.db.queryRows(
      `SELECT nam, gia_tri FROM ${qualified(USER_SCHEMA, loaded.value.name)} WHERE ma = 'cuoi'`,
      [],
      (row) => [Number(row.nam), String(row.gia_tri)],
    );
    expect(last.ok && last.value).toEqual([[2030, 'không có']]);
  });
});
