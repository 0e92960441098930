import { describe, expect, it } from 'vitest';
import { namesInTitle } from '../../../renderer/src/lib/report/report-labels.ts';

describe('namesInTitle', () => {
  it('joins names as a Vietnamese sentence: later names in lower case, the last after "và"', () => {
    expect(
      namesInTitle(['Kim ngạch xuất nhập khẩu qua địa bàn', 'Tốc độ tăng trưởng kinh tế (GRDP)'], 'vi'),
    ).toBe('Kim ngạch xuất nhập khẩu qua địa bàn và tốc độ tăng trưởng kinh tế (GRDP)');
    expect(namesInTitle(['Tỷ lệ hộ nghèo', 'Tỷ lệ che phủ rừng', 'Tổng thu ngân sách'], 'vi')).toBe(
      'Tỷ lệ hộ nghèo, tỷ lệ che phủ rừng và tổng thu ngân sách',
    );
  });

  it('keeps the case of a name that opens with an abbreviation', () => {
    expect(namesInTitle(['Tỷ lệ che phủ rừng', 'GRDP bình quân đầu người'], 'vi')).toBe(
      'Tỷ lệ che phủ rừng và GRDP bình quân đầu người',
    );
    expect(namesInTitle(['Border trade turnover', 'GRDP growth rate'], 'en')).toBe(
      'Border trade turnover and GRDP growth rate',
    );
  });

  it('writes one name as it is, and nothing for none', () => {
    expect(namesInTitle(['Tốc độ tăng trưởng kinh tế (GRDP)'], 'vi')).toBe(
      'Tốc độ tăng trưởng kinh tế (GRDP)',
    );
    expect(namesInTitle([], 'en')).toBe('');
  });
});
