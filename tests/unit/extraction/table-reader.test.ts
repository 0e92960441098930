import { describe, expect, it } from 'vitest';
import { extractText } from '../../support/extraction.ts';

/** A flattened table as web pages export it: one cell per line, a lone `|` between cells, two between rows. */
function flattened(rows: readonly (readonly string[])[]): string {
  return rows
    .map((row) => ['|', ...row.flatMap((cell) => (cell ? [cell, '|'] : ['|']))].join('\n'))
    .join('\n');
}

const FLAT_TABLE = [
  'Biểu 01',
  '',
  'KẾT QUẢ VÀ KẾ HOẠCH SẢN XUẤT NÔNG NGHIỆP',
  '',
  flattened([
    ['**STT**', '**Chỉ tiêu**', '**ĐVT**', '**Thực hiện 2024**', '**Ước TH 2025**', '**Kế hoạch 2026**'],
    ['*1*', '*2*', '*3*', '*4*', '*5*', '*6*'],
    ['**I**', '**Cây lúa**', '', '', '', ''],
    ['-', 'Diện tích', 'Ha', '12.500', '12.300', '-'],
    ['-', 'Sản lượng', 'Tấn', '68.400', '**67.950**', '70.000'],
    ['**II**', '**Tổng đàn lợn**', 'Con', 'x', '150.000', '155.000 - 160.000'],
  ]),
  '',
  'Sau bảng, năm 2025 sản lượng ngô đạt 5.000 tấn.',
].join('\n');

const PIPE_TABLE = [
  'Bảng 2. Thu, chi ngân sách (Đơn vị: tỷ đồng)',
  '',
  '| TT | Chỉ tiêu | Năm 2024 | Năm 2025 | | Năm 2026 |',
  '|---|---|---|---|---|---|',
  '| | | Thực hiện | Kế hoạch | Ước thực hiện | Dự toán |',
  '| 1 | Tổng thu ngân sách nhà nước trên địa bàn | 8.100 | 8.500 | 9.020,5 | 9.600 |',
  '| | Trong đó: thu nội địa | 4.150 | 4.300 | 4.410 | 4.700 |',
  '| 2 | Tỷ lệ chi đầu tư phát triển (%) | 28,5 | 30 | 31,2 | ≥ 32 |',
  '| 3 | Số chợ đầu mối nông sản | 310 | – | 02 | … |',
].join('\n');

interface Expected {
  span: string;
  label: string;
  value: number | [number, number];
  unit: string;
  measure: string;
  period: number;
  estimate?: boolean;
  comparator?: string;
}

function readings(text: string): Expected[] {
  return extractText(text, { issued_on: '2025-11' }).map((figure) => ({
    span: text.slice(figure.char_start, figure.char_end),
    label: figure.label_vi,
    value: figure.value_low === figure.value_high ? figure.value_low : [figure.value_low, figure.value_high],
    unit: figure.unit,
    measure: figure.measure,
    period: figure.period_start === figure.period_end ? (figure.period_start ?? NaN) : NaN,
    estimate: figure.is_estimate,
    comparator: figure.comparator,
  }));
}

const cell = (expected: Expected): Expected => ({ estimate: false, comparator: '=', ...expected });

describe('readTables on a table flattened one cell per line', () => {
  const found = readings(FLAT_TABLE);

  it('reads each numeric cell with the row label, the ĐVT unit and the period and measure of its column', () => {
    const table = found.filter((figure) => figure.span !== '5.000 tấn');
    expect(table).toEqual([
      cell({
        span: '12.500',
        label: 'Diện tích cây lúa (ha)',
        value: 12500,
        unit: 'ha',
        measure: 'actual',
        period: 2024,
      }),
      cell({
        span: '12.300',
        label: 'Diện tích cây lúa (ha)',
        value: 12300,
        unit: 'ha',
        measure: 'actual',
        period: 2025,
        estimate: true,
      }),
      cell({
        span: '68.400',
        label: 'Sản lượng cây lúa (tấn)',
        value: 68400,
        unit: 'tấn',
        measure: 'actual',
        period: 2024,
      }),
      cell({
        span: '67.950',
        label: 'Sản lượng cây lúa (tấn)',
        value: 67950,
        unit: 'tấn',
        measure: 'actual',
        period: 2025,
        estimate: true,
      }),
      cell({
        span: '70.000',
        label: 'Sản lượng cây lúa (tấn)',
        value: 70000,
        unit: 'tấn',
        measure: 'target',
        period: 2026,
      }),
      cell({
        span: '150.000',
        label: 'Tổng đàn lợn',
        value: 150000,
        unit: 'con',
        measure: 'actual',
        period: 2025,
        estimate: true,
      }),
      cell({
        span: '155.000 - 160.000',
        label: 'Tổng đàn lợn',
        value: [155000, 160000],
        unit: 'con',
        measure: 'target',
        period: 2026,
      }),
    ]);
  });

  it('reads no figure from `-`, `x`, the column-number row or the STT column, and reads the prose after the table once', () => {
    expect(found.map((figure) => figure.span)).not.toContain('1');
    expect(found.filter((figure) => figure.span.startsWith('5.000'))).toHaveLength(1);
  });
});

describe('readTables on a Markdown pipe table', () => {
  const found = extractText(PIPE_TABLE, { issued_on: '2025-11' });
  const at = (span: string): (typeof found)[number] | undefined =>
    found.find((figure) => PIPE_TABLE.slice(figure.char_start, figure.char_end) === span);

  it('takes the unit from the caption, periods from merged two-level headings, and links catalogued rows', () => {
    expect(at('8.100')).toMatchObject({
      indicator_id: 'budget_revenue_total',
      value_low: 8100,
      unit: 'tỷ đồng',
      measure: 'actual',
      is_estimate: false,
      period_start: 2024,
      period_end: 2024,
      quote: 'Tổng thu ngân sách nhà nước trên địa bàn: Năm 2024 Thực hiện',
    });
    expect(at('8.500')).toMatchObject({ measure: 'target', period_start: 2025, is_estimate: false });
    expect(at('9.020,5')).toMatchObject({
      value_low: 9020.5,
      measure: 'actual',
      is_estimate: true,
      period_start: 2025,
    });
    expect(at('9.600')).toMatchObject({
      measure: 'target',
      period_start: 2026,
      period_end: 2026,
      term: '2026-2030',
    });
    expect(at('4.410')).toMatchObject({
      indicator_id: 'budget_revenue_domestic',
      unit: 'tỷ đồng',
      is_estimate: true,
    });
  });

  it('prefers the unit written in the row label and keeps a comparator written in the cell', () => {
    expect(at('≥ 32')).toBeUndefined();
    expect(at('32')).toMatchObject({ unit: '%', comparator: '>=', measure: 'target', period_start: 2026 });
    expect(at('28,5')).toMatchObject({ unit: '%', value_low: 28.5, label_vi: 'Tỷ lệ chi đầu tư phát triển' });
  });

  it('derives an indicator from a row label the catalogue does not know, counting what `Số …` names, and skips `–` and `…`', () => {
    const rows = found.filter((figure) => figure.label_vi.startsWith('Số chợ'));
    expect(rows.map((figure) => [figure.value_low, figure.period_start, figure.measure])).toEqual([
      [310, 2024, 'actual'],
      [2, 2025, 'actual'],
    ]);
    expect(rows[0]?.indicator_id).toBe('x_so_cho_dau_moi_nong_san');
    expect(rows.every((figure) => !figure.catalogued && figure.unit === 'chợ')).toBe(true);
  });
});

describe('readTables on a table whose headings name no period', () => {
  it('takes the period and measure from the caption above it, and no name from a lone `Giá trị` heading', () => {
    const text = [
      'Biểu 3. CHỈ TIÊU KẾ HOẠCH NĂM 2026',
      '',
      '| Chỉ tiêu | ĐVT | Giá trị |',
      '|---|---|---|',
      '| Tổng đàn trâu | Con | 51.000 |',
    ].join('\n');
    expect(extractText(text, { issued_on: '2025-12' })).toMatchObject([
      {
        label_vi: 'Tổng đàn trâu',
        value_low: 51000,
        unit: 'con',
        measure: 'target',
        period_start: 2026,
        period_end: 2026,
      },
    ]);
  });
});
