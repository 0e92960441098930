import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../support/extraction.ts';

// Random tables in both written forms: every numeric cell must come out once, spanning its number.
const cellValue = fc.oneof(
  fc.integer({ min: 0, max: 9_999_999 }).map((value) => value.toLocaleString('de-DE')),
  fc
    .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 9 }))
    .map(([whole, part]) => `${whole},${part}`),
  fc.constantFrom('-', 'x', ''),
);
const labels = fc.constantFrom(
  'Diện tích lúa',
  'Sản lượng chè búp tươi',
  'Tổng đàn trâu',
  'Số hợp tác xã',
  'Chiều dài kênh mương',
);
const table = fc.record({
  years: fc
    .integer({ min: 1, max: 5 })
    .map((count) => Array.from({ length: count }, (_, index) => 2023 + index)),
  rows: fc.array(fc.tuple(labels, fc.array(cellValue, { minLength: 5, maxLength: 5 })), {
    minLength: 1,
    maxLength: 6,
  }),
  flattened: fc.boolean(),
});

function written(years: readonly number[], rows: readonly [string, string[]][], flattened: boolean): string {
  const header = ['STT', 'Chỉ tiêu', 'ĐVT', ...years.map((year) => `Kế hoạch ${year}`)];
  const body = rows.map(([label, cells], index) => [
    String(index + 1),
    label,
    'Tấn',
    ...cells.slice(0, years.length),
  ]);
  if (!flattened) {
    const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...body.map(line)].join('\n');
  }
  return [header, ...body]
    .map((row) => ['|', ...row.flatMap((cell) => (cell ? [cell, '|'] : ['|']))].join('\n'))
    .join('\n');
}

describe('the table reader on random tables', () => {
  it('gives each numeric cell exactly one observation whose span is the cell’s number', () => {
    fc.assert(
      fc.property(table, ({ years, rows, flattened }) => {
        const text = `Biểu kế hoạch sản xuất\n\n${written(years, rows, flattened)}\n`;
        const numeric = rows
          .flatMap(([, cells]) => cells.slice(0, years.length))
          .filter((cell) => /\d/.test(cell));
        // A table with no figure at all is prose; nothing to check there.
        fc.pre(numeric.length > 0);
        const figures = extractText(text, { issued_on: '2022-12' });
        expect(figures.map((figure) => text.slice(figure.char_start, figure.char_end))).toEqual(numeric);
        expect(figures.every((figure) => figure.unit === 'tấn' && figure.measure === 'target')).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
