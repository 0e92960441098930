import { describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { qualified } from '../../../renderer/src/lib/db/sql.ts';
import { loadUserTable } from '../../../renderer/src/lib/import/user-table.ts';
import { translate } from '../../../renderer/src/lib/i18n/translate.ts';
import { USER_SCHEMA } from '../../../renderer/src/lib/warehouse/workspace.ts';
import { nodeConnector } from '../../../scripts/lib/node-duckdb.ts';
import { useUserSchemaDatabase } from '../../support/warehouse-database.ts';

// Issue 14: a large import keeps every row, and memory running out is said in Vietnamese, never a
// short table. The expected figures are summed here while the file is generated, not by the importer.
const ROWS = 200_000;

/** An observations-shaped CSV (vi-VN decimals, `;`) and the figures the generator knows of it. */
function generatedCsv(rows: number): { bytes: Uint8Array; valueSum: number; yearSum: number } {
  const lines = ['indicator_id;Năm;Giá trị;Đơn vị'];
  let centsSum = 0;
  let yearSum = 0;
  for (let i = 0; i < rows; i++) {
    const cents = (i * 7919) % 1_000_003;
    const year = 2000 + (i % 31);
    centsSum += cents;
    yearSum += year;
    const units = Math.floor(cents / 100).toString();
    const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/gu, '.');
    lines.push(`chi_tieu_${i % 997};${year};${grouped},${String(cents % 100).padStart(2, '0')};tỷ đồng`);
  }
  return { bytes: new TextEncoder().encode(`${lines.join('\n')}\n`), valueSum: centsSum / 100, yearSum };
}

const engine = useUserSchemaDatabase();

describe('a large user table in DuckDB-WASM', () => {
  it(
    `imports ${ROWS.toLocaleString('en')} generated rows with the exact count and sums`,
    { timeout: 300_000 },
    async () => {
      const csv = generatedCsv(ROWS);
      const loaded = await loadUserTable(engine.db, 'quan_sat_lon.csv', csv.bytes);
      if (!loaded.ok) throw new Error(loaded.error.message);
      expect(loaded.value.rows).toBe(ROWS);
      expect(loaded.value.columns.map((column) => column.type)).toEqual([
        'VARCHAR',
        'BIGINT',
        'DOUBLE',
        'VARCHAR',
      ]);
      const table = qualified(USER_SCHEMA, loaded.value.name);
      const sums = await engine.db.queryRows(
        `SELECT count(*) AS n, sum("Năm") AS years, round(sum("Giá trị"), 2) AS total, count(DISTINCT indicator_id) AS ids FROM ${table}`,
        [],
        (row) => ({
          n: Number(row.n),
          years: Number(row.years),
          total: Number(row.total),
          ids: Number(row.ids),
        }),
      );
      if (!sums.ok) throw new Error(sums.error.message);
      expect(sums.value[0]).toEqual({ n: ROWS, years: csv.yearSum, total: csv.valueSum, ids: 997 });
    },
  );

  it('says in Vietnamese that memory ran out, and leaves no table behind', { timeout: 300_000 }, async () => {
    const limited = new WorkbenchDatabase(nodeConnector);
    try {
      for (const statement of [`CREATE SCHEMA ${qualified(USER_SCHEMA)}`, "SET memory_limit = '8MB'"]) {
        const done = await limited.query(statement);
        if (!done.ok) throw new Error(done.error.message);
      }
      const loaded = await loadUserTable(limited, 'qua_lon.csv', generatedCsv(ROWS).bytes);
      expect(loaded.ok).toBe(false);
      if (loaded.ok) return;
      expect(loaded.error.key).toBe('userTable.outOfMemory');
      expect(loaded.error.message).toBe(translate('vi', 'userTable.outOfMemory', { name: 'qua_lon.csv' }));
      expect(loaded.error.message).toMatch(/Không đủ bộ nhớ/u);
      const left = await limited.queryRows(
        `SELECT count(*) AS n FROM duckdb_tables() WHERE schema_name = ?`,
        [USER_SCHEMA],
        (row) => Number(row.n),
      );
      expect(left.ok && left.value[0]).toBe(0);
    } finally {
      await limited.close();
    }
  });
});
