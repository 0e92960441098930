import { describe, expect, it } from 'vitest';
import { afterAll, beforeAll } from 'vitest';
import type { Table } from 'apache-arrow';
import { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import {
  defaultTsvDecimals,
  displayCell,
  resultColumns,
  sortedOrder,
  toTsv,
} from '../../../renderer/src/features/sql/result-columns.ts';
import { nodeConnector } from '../../../scripts/lib/node-duckdb.ts';

describe('result columns on a real DuckDB result', () => {
  const db = new WorkbenchDatabase(nodeConnector);
  let table: Table;

  beforeAll(async () => {
    const result = await db.query(
      `SELECT * FROM (VALUES (6.79, '%', 'tăng\ttrưởng', 2), (111100, 'tỷ đồng', 'dòng\nmới', NULL), (NULL, NULL, NULL, 1))
       t(value_low, unit, label, rank)`,
    );
    if (!result.ok) throw new Error(result.error.message);
    table = result.value;
  });
  afterAll(() => db.close());

  it('shows numbers the Vietnamese way with their unit, and nulls as null', () => {
    const columns = resultColumns(table);
    const value = columns[0]!;
    expect(displayCell(columns, value, 0, 'vi')).toBe('6,79%');
    expect(displayCell(columns, value, 1, 'vi')).toBe('111.100 tỷ đồng');
    expect(displayCell(columns, value, 2, 'vi')).toBeNull();
    expect(displayCell(columns, columns[3]!, 0, 'vi')).toBe('2');
  });

  it('copies raw values as TSV that pastes cleanly into a spreadsheet', () => {
    const columns = resultColumns(table);
    expect(toTsv(columns, [0, 1, 2], true, 'raw')).toBe(
      'value_low\tunit\tlabel\trank\n6.79\t%\ttăng trưởng\t2\n111100\ttỷ đồng\tdòng mới\t\n\t\t\t1',
    );
  });

  it('copies TSV with decimal commas for a Vietnamese Excel, never grouping thousands', () => {
    const columns = resultColumns(table);
    expect(toTsv(columns, [0, 1], false, 'vi')).toBe('6,79\t%\ttăng trưởng\t2\n111100\ttỷ đồng\tdòng mới\t');
    expect(defaultTsvDecimals('vi')).toBe('vi');
    expect(defaultTsvDecimals('en')).toBe('raw');
  });

  it('copies a decimal and a boolean as the grid reads them, without float artefacts', async () => {
    // DuckDB hands DECIMAL 54449.1 over as the double 54449.100000000006.
    const result = await db.query(
      `SELECT 54449.1 AS thu, 5.45 AS ty_le, true AS is_estimate, false AS reviewed`,
    );
    if (!result.ok) throw new Error(result.error.message);
    const columns = resultColumns(result.value);
    expect(displayCell(columns, columns[0]!, 0, 'vi')).toBe('54.449,1');
    expect(toTsv(columns, [0], false, 'vi')).toBe('54449,1\t5,45\tcó\tkhông');
    expect(toTsv(columns, [0], false, 'raw')).toBe('54449.1\t5.45\tTRUE\tFALSE');
  });

  it('writes years and offsets plain, never grouped, while quantities are grouped', async () => {
    const result = await db.query(
      `SELECT 2016 AS period_start, 1952::BIGINT AS char_start, 'obs' AS obs_id, 12345::BIGINT AS figures, 2016.0 AS value_low`,
    );
    if (!result.ok) throw new Error(result.error.message);
    const columns = resultColumns(result.value);
    const shown = columns.map((column) => displayCell(columns, column, 0, 'vi'));
    expect(shown).toEqual(['2016', '1952', 'obs', '12.345', '2.016']);
    expect(columns.map((column) => displayCell(columns, column, 0, 'en'))).toEqual([
      '2016',
      '1952',
      'obs',
      '12,345',
      '2,016',
    ]);
  });

  it('sorts by a column with nulls last, in both directions', () => {
    const columns = resultColumns(table);
    expect(sortedOrder(columns[0]!, 3, 'asc')).toEqual([0, 1, 2]);
    expect(sortedOrder(columns[0]!, 3, 'desc')).toEqual([1, 0, 2]);
    expect(sortedOrder(columns[2]!, 3, 'asc')).toEqual([1, 0, 2]);
  });
});
