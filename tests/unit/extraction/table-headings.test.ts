import { describe, expect, it } from 'vitest';
import { documentProfile } from '../../../renderer/src/lib/extraction/document-profile.ts';
import { readColumnHeading } from '../../../renderer/src/lib/extraction/table-headings.ts';

const profile = documentProfile(
  'Hà Giang, ngày 10 tháng 12 năm 2025\n\nBÁO CÁO\nTình hình kinh tế - xã hội',
  undefined,
);
const read = (...parts: string[]): ReturnType<typeof readColumnHeading> => readColumnHeading(parts, profile);

describe('readColumnHeading (DATA-CONTRACT "Reading conventions: Tables")', () => {
  it.each([
    [['Kế hoạch 2025'], 'target', false, [2025, 2025]],
    [['KH 2026'], 'target', false, [2026, 2026]],
    [['Dự báo 2026'], 'target', false, [2026, 2026]],
    [['Ước thực hiện 2025'], 'actual', true, [2025, 2025]],
    [['Ước TH 2025'], 'actual', true, [2025, 2025]],
    [['ƯTH Năm 2025'], 'actual', true, [2025, 2025]],
    [['Thực hiện 2024'], 'actual', false, [2024, 2024]],
    [['TH 2024'], 'actual', false, [2024, 2024]],
    [['Dự kiến 2025'], 'actual', true, [2025, 2025]],
    [['Dự kiến 2026'], 'target', false, [2026, 2026]],
    [['Năm 2023'], 'actual', false, [2023, 2023]],
    [['2026–2028'], 'target', false, [2026, 2028]],
    [['GIAI ĐOẠN 2026 - 2030', 'Năm 2027'], 'target', false, [2027, 2027]],
  ] as const)('%j is %s (estimate %s) for %j', (parts, measure, isEstimate, period) => {
    expect(read(...parts)).toMatchObject({ measure, isEstimate, period, baseYear: null });
  });

  it('reads a comparison column as a change against the year compared with', () => {
    expect(read('Ước TH 2025 so với TH 2024 (%)')).toMatchObject({
      measure: 'change',
      period: [2025, 2025],
      baseYear: 2024,
      unit: '%',
    });
    expect(read('So sánh (%)', '2025/2024')).toMatchObject({
      measure: 'change',
      period: [2025, 2025],
      baseYear: 2024,
    });
  });

  it('keeps what the heading names besides the period, and its unit', () => {
    expect(read('Kế hoạch 2026', 'Giá trị tham gia xuất khẩu (Nghìn USD)')).toMatchObject({
      topic: 'Giá trị tham gia xuất khẩu',
      unit: 'nghìn USD',
      measure: 'target',
    });
    expect(read('Năm 2026').topic).toBe('');
  });
});
