import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractCorpus } from '../../../scripts/lib/extract-corpus.ts';
import type { WarehouseRows } from '../../../renderer/src/lib/extraction/build-warehouse.ts';

// A copy of ../shared/real-documents: a Sơn La decision as a user's import looks (hard wraps,
// Markdown emphasis, tables flattened one cell per line). Expected cells were read off the document.
const CORPUS = 'tests/fixtures/real-documents';
const DOC = '2025-11_son-la_ke-hoach-xuat-khau-2026-2030';
const raw = readFileSync(`${CORPUS}/${DOC}.txt`, 'utf8');

describe('extracting a real document of another province, with no manifest', () => {
  let tables: WarehouseRows;
  const rows = (): Record<string, unknown>[] => tables.observations;
  const spanOf = (row: Record<string, unknown>): string =>
    raw.slice(Number(row['char_start']), Number(row['char_end']));
  /** The observation whose span is `text`, at the `nth` place it occurs after `after`. */
  const cellAt = (after: string, text: string): Record<string, unknown> | undefined => {
    const start = raw.indexOf(text, raw.indexOf(after));
    return rows().find((row) => row['char_start'] === start && spanOf(row) === text);
  };

  beforeAll(async () => {
    ({ tables } = await extractCorpus(CORPUS));
  });

  it('describes the document from its header: a decision of the Sơn La people’s committee of 20/11/2025', () => {
    expect(tables.documents[0]).toMatchObject({
      doc_id: DOC,
      doc_type: 'quyet_dinh',
      issuer: 'Ủy ban nhân dân tỉnh Sơn La',
      issued_on: '2025-11-20',
      title:
        'QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH KẾ HOẠCH XUẤT KHẨU SẢN PHẨM HÀNG HÓA TỈNH SƠN LA GIAI ĐOẠN 2026 - 2030',
    });
  });

  it('reads annex 01 (crop areas and outputs) cell by cell, a dash row named with its heading row', () => {
    expect(cellAt('**Cà Phê**', '26.120')).toMatchObject({
      label_vi: 'Diện tích cà phê (ha)',
      value_low: 26120,
      unit: 'ha',
      measure: 'actual',
      is_estimate: true,
      period_start: 2025,
      period_end: 2025,
      quote: 'Diện tích cà phê: ƯTH Năm 2025',
    });
    expect(cellAt('**Cà Phê**', '30.000')).toMatchObject({
      measure: 'target',
      period_start: 2030,
      unit: 'ha',
    });
    expect(cellAt('Sản lượng cà phê nhân', '54.468')).toMatchObject({
      label_vi: 'Sản lượng cà phê nhân (tấn)',
      measure: 'target',
      is_estimate: false,
      period_start: 2030,
      term: '2026-2030',
    });
    expect(cellAt('**BÒ SỮA**', '28.010')).toMatchObject({ label_vi: 'Tổng đàn bò sữa (con)', unit: 'con' });
  });

  it('reads annex 02, whose years span two columns (quantity and value), and its total row', () => {
    expect(cellAt('\nXoài\n', '13.500')).toMatchObject({
      label_vi: 'Lượng xoài (tấn)',
      unit: 'tấn',
      measure: 'target',
      period_start: 2026,
    });
    expect(cellAt('\nXoài\n', '7.000')).toMatchObject({
      label_vi: 'Giá trị tham gia xuất khẩu xoài (nghìn USD)',
      unit: 'nghìn USD',
      period_start: 2026,
      catalogued: false,
    });
    expect(cellAt('**Tổng I + II**', '400.000')).toMatchObject({
      label_vi: 'Tổng giá trị tham gia xuất khẩu (nghìn USD)',
      value_low: 400000,
      measure: 'target',
      period_start: 2030,
    });
    // "Sữa và sản phẩm từ sữa" states no quantity: its 2026 value is the cell after an empty one.
    expect(cellAt('Sữa và sản phẩm từ sữa', '14.000')).toMatchObject({
      unit: 'nghìn USD',
      period_start: 2026,
    });
  });

  it('gives every table cell one observation with a period and a unit, and reads none twice as prose', () => {
    const tableStart = raw.indexOf('**PHỤ LỤC 01**');
    const inTables = rows().filter((row) => Number(row['char_start']) > tableStart);
    expect(inTables).toHaveLength(23 * 6 + 185);
    expect(inTables.every((row) => row['period_start'] !== null && row['unit'] !== '')).toBe(true);
    expect(new Set(inTables.map((row) => row['char_start'])).size).toBe(inTables.length);
  });

  it('still reads the prose targets, and takes no date of the header for a figure', () => {
    expect(rows().find((row) => spanOf(row) === '400 triệu USD')).toMatchObject({
      measure: 'target',
      period_start: 2030,
    });
    expect(rows().some((row) => row['value_low'] === 2025)).toBe(false);
  });
});
