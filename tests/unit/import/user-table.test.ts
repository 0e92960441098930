import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { loadUserTable, type UserTable } from '../../../renderer/src/lib/import/user-table.ts';
import { userTableObservations } from '../../../renderer/src/lib/import/user-observations.ts';
import { tableNameFor } from '../../../renderer/src/lib/import/table-name.ts';
import { openWarehouseDatabase } from '../../../scripts/lib/node-duckdb.ts';

let db: WorkbenchDatabase;

beforeAll(async () => {
  ({ db } = await openWarehouseDatabase());
}, 120_000);

afterAll(() => db.close());

const utf8 = (text: string) => new TextEncoder().encode(text);

async function load(name: string, bytes: Uint8Array): Promise<UserTable> {
  const result = await loadUserTable(db, name, bytes);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  const result = await db.queryRows(sql, [], (row) => ({ ...row }));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('user tables in DuckDB-WASM', () => {
  it('reads a Vietnamese Excel CSV export: ; separator, vi-VN decimals and thousands, Vietnamese headers', async () => {
    const csv =
      '\uFEFFChỉ tiêu;Năm;Giá trị;Đơn vị\nTốc độ tăng trưởng GRDP;2021;6,75;%\nTổng thu ngân sách;2022;12.450,5;tỷ đồng\nSố xã;2023;;xã\n';
    const table = await load('Số liệu Cục Thống kê 2024.csv', utf8(csv));
    expect(table).toMatchObject({ schema: 'workspace', name: 'so_lieu_cuc_thong_ke_2024', rows: 3 });
    expect(table.columns).toEqual([
      { name: 'Chỉ tiêu', type: 'VARCHAR' },
      { name: 'Năm', type: 'BIGINT' },
      { name: 'Giá trị', type: 'DOUBLE' },
      { name: 'Đơn vị', type: 'VARCHAR' },
    ]);
    expect(
      await rows('SELECT "Giá trị" AS v FROM workspace.so_lieu_cuc_thong_ke_2024 ORDER BY "Năm"'),
    ).toEqual([{ v: 6.75 }, { v: 12450.5 }, { v: null }]);
  });

  it('decodes a Windows-1258 file (no UTF-8 in it) and says it did', async () => {
    // "Chỉ tiêu;Năm\nThu ngân sách;2024" as Windows-1258 writes it: tones as combining marks.
    const legacy = Uint8Array.from([
      0x43, 0x68, 0x69, 0xd2, 0x20, 0x74, 0x69, 0xea, 0x75, 0x3b, 0x4e, 0xe3, 0x6d, 0x0a, 0x54, 0x68, 0x75,
      0x20, 0x6e, 0x67, 0xe2, 0x6e, 0x20, 0x73, 0xe1, 0x63, 0x68, 0x3b, 0x32, 0x30, 0x32, 0x34, 0x0a,
    ]);
    const table = await load('cu.csv', legacy);
    expect(table.reencoded).toBe(true);
    expect(table.columns.map((column) => column.name)).toEqual(['Chỉ tiêu', 'Năm']);
    expect(await rows('SELECT * FROM workspace.cu')).toEqual([{ 'Chỉ tiêu': 'Thu ngân sách', Năm: 2024 }]);
  });

  it('loads an XLSX sheet and joins it with the warehouse indicators', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Số liệu');
    sheet.addRow(['indicator_id', 'Năm', 'Giá trị', 'Ghi chú']);
    sheet.addRow(['grdp_growth', 2024, 8.2, { richText: [{ text: 'ước ' }, { text: 'tính' }] }]);
    sheet.addRow(['grdp_growth', 2025, { formula: '8+0.5', result: 8.5 }, 'có, "trích"']);
    sheet.addRow(['khong_co', 2025, 1, null]);
    const table = await load('Thống kê.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(table.rows).toBe(3);
    expect(table.columns.map((column) => column.type)).toEqual(['VARCHAR', 'BIGINT', 'DOUBLE', 'VARCHAR']);
    const joined = await rows(
      `SELECT t."Năm" AS nam, t."Giá trị" AS gia_tri, t."Ghi chú" AS ghi_chu, i.name_vi FROM workspace.thong_ke t JOIN main.indicators i USING (indicator_id) ORDER BY nam`,
    );
    expect(joined).toHaveLength(2);
    expect(joined[1]).toMatchObject({ nam: 2025, gia_tri: 8.5, ghi_chu: 'có, "trích"' });
    expect(joined[0]?.ghi_chu).toBe('ước tính');
    const withObservations = await rows(
      `SELECT count(*) AS n FROM workspace.thong_ke t JOIN main.observations o ON o.indicator_id = t.indicator_id AND o.period_start = t."Năm"`,
    );
    expect(Number(withObservations[0]?.n)).toBeGreaterThan(0);
  });

  it('turns a mapped table into observations of a user source, matching indicators by name without diacritics', async () => {
    await load(
      'nhap.csv',
      utf8(
        'Chỉ tiêu;Năm;Giá trị;Loại\ntoc do tang truong kinh te (grdp);2024;8,2;kết quả\nChỉ tiêu mới;2030;10;chỉ tiêu\n',
      ),
    );
    const names = await rows(
      `SELECT indicator_id, name_vi FROM main.indicators WHERE indicator_id = 'grdp_growth'`,
    );
    const mapped = await userTableObservations(
      db,
      { table: 'nhap', indicator: 'Chỉ tiêu', year: 'Năm', value: 'Giá trị', measure: 'Loại' },
      'Số liệu nhập',
    );
    if (!mapped.ok) throw new Error(mapped.error.message);
    const [first, second] = mapped.value.observations;
    expect(first).toMatchObject({
      doc_id: 'user:nhap',
      period_start: 2024,
      value_low: 8.2,
      measure: 'actual',
    });
    expect(first?.indicator_id === 'grdp_growth').toBe(
      String(names[0]?.name_vi).toLowerCase() === 'tốc độ tăng trưởng kinh tế (grdp)',
    );
    expect(second).toMatchObject({
      indicator_id: 'x_chi_tieu_moi',
      measure: 'target',
      term: '2026-2030',
      catalogued: false,
    });
    for (const row of mapped.value.observations) {
      expect(mapped.value.text.slice(Number(row.char_start), Number(row.char_end))).toBe(
        Number(row.value_low).toLocaleString('vi-VN'),
      );
    }
  });

  it('says which row holds a value that is not a number', async () => {
    await load('loi.csv', utf8('Chỉ tiêu;Năm;Giá trị\nA;2024;8,2\nB;2025;nhiều\n'));
    const mapped = await userTableObservations(
      db,
      { table: 'loi', indicator: 'Chỉ tiêu', year: 'Năm', value: 'Giá trị' },
      'x',
    );
    expect(mapped.ok).toBe(false);
    if (!mapped.ok) expect(mapped.error.message).toBe('Dòng 3 của bảng loi: "nhiều" không phải một số.');
  });

  it('loads a 1M-row CSV generated here', async () => {
    const lines = ['indicator_id;Năm;Giá trị'];
    for (let i = 0; i < 1_000_000; i++) lines.push(`grdp_growth;${2000 + (i % 31)};${i % 997},${i % 10}`);
    const started = performance.now();
    const table = await load('trieu-dong.csv', utf8(`${lines.join('\n')}\n`));
    console.log(
      `1M-row CSV (${lines.length - 1} rows) loaded in ${Math.round(performance.now() - started)} ms`,
    );
    expect(table.rows).toBe(1_000_000);
    const sum = await rows(
      'SELECT sum("Giá trị") AS s, count(DISTINCT "Năm") AS years FROM workspace.trieu_dong',
    );
    expect(sum[0]?.years).toBe(31);
  }, 180_000);

  it('names tables without diacritics and never reuses a name', () => {
    expect(tableNameFor('Dân số 2024.xlsx')).toBe('dan_so_2024');
    expect(tableNameFor('2024.csv')).toBe('t_2024');
    expect(tableNameFor('"; DROP TABLE x; --.csv')).toBe('drop_table_x');
    expect(tableNameFor('dan_so.csv', new Set(['dan_so', 'dan_so_2']))).toBe('dan_so_3');
  });
});
