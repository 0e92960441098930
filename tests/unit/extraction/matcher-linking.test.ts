import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../../renderer/src/lib/extraction/catalogue.ts';
import {
  IndicatorMatcher,
  type IndicatorMatch,
  type IndicatorQuery,
} from '../../../renderer/src/lib/extraction/indicator-matcher.ts';

const catalogue = parseCatalogue(JSON.parse(readFileSync('data/indicators.json', 'utf8')));
const matcher = new IndicatorMatcher(catalogue);

/** A query for a figure that follows `before` in its sentence and is followed by `after`. */
function query(
  before: string,
  unit: string,
  after = '',
  previous: IndicatorMatch | null = null,
): IndicatorQuery {
  return {
    windowBefore: before,
    clauseBefore: before,
    sentenceBefore: before,
    after,
    previous,
    unit,
    isChange: false,
    isLevel: false,
  };
}

function previousOf(id: string): IndicatorMatch {
  const entry = catalogue.indicators.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`no catalogue entry ${id}`);
  return { entry, label: entry.name_vi };
}

describe('linking a figure to its indicator by phrase structure', () => {
  it('gives national comparison figures their own _national indicators', () => {
    const province = previousOf('grdp_growth');
    const higherThan = {
      ...query(', cao hơn mức tăng cả nước là ', '%', '', province),
      sentenceBefore: 'Tốc độ tăng trưởng kinh tế đạt 8,2%, cao hơn mức tăng cả nước là ',
    };
    expect(matcher.match(higherThan)?.entry.id).toBe('grdp_growth_national');
    const average = {
      ...query(', bình quân cả nước tăng ', '%', '', province),
      sentenceBefore: 'Tăng trưởng kinh tế đạt 8,5%, bình quân cả nước tăng ',
    };
    expect(matcher.match(average)?.entry.id).toBe('grdp_growth_national');
  });

  it('keeps the province figure when the country is only named as a comparison after it', () => {
    expect(matcher.match(query('Tốc độ tăng trưởng kinh tế đạt ', '%', ', cao hơn cả nước'))?.entry.id).toBe(
      'grdp_growth',
    );
    expect(matcher.match(query('Tăng trưởng kinh tế cao hơn cả nước, đạt ', '%'))?.entry.id).toBe(
      'grdp_growth',
    );
  });

  it('tells siblings apart by their own modifier after the figure', () => {
    const before = 'Hết năm 2024, toàn tỉnh có ';
    expect(matcher.match(query(before, 'xã', 'xã đạt chuẩn nông thôn mới nâng cao'))?.entry.id).toBe(
      'new_rural_communes_advanced',
    );
    expect(matcher.match(query(before, 'xã', 'xã đạt chuẩn nông thôn mới kiểu mẫu'))?.entry.id).toBe(
      'new_rural_communes_model',
    );
    expect(matcher.match(query(before, 'xã', 'xã đạt chuẩn nông thôn mới'))?.entry.id).toBe(
      'new_rural_communes',
    );
    expect(matcher.match(query('Trong đó có ', 'chỉ tiêu', 'chỉ tiêu chưa đạt mục tiêu'))?.entry.id).toBe(
      'main_targets_not_met',
    );
  });

  it('reads abbreviations as their expansions', () => {
    expect(matcher.match(query('Tỷ lệ tham gia BHYT đạt ', '%'))?.entry.id).toBe('health_insurance_coverage');
    expect(matcher.match(query('Tổng thu NSNN trên địa bàn đạt ', 'tỷ đồng'))?.entry.id).toBe(
      'budget_revenue_total',
    );
    expect(matcher.match(query('Toàn tỉnh có ', 'xã', 'xã đạt chuẩn NTM nâng cao'))?.entry.id).toBe(
      'new_rural_communes_advanced',
    );
    expect(matcher.match(query('Tốc độ tăng trưởng GRDP bình quân đạt ', '%'))?.entry.id).toBe('grdp_growth');
  });

  it('matches word-order variants and phrases broken by hard line breaks', () => {
    expect(matcher.match(query('Diện tích rừng trồng mới đạt ', 'ha'))?.entry.id).toBe(
      'forest_planting_area',
    );
    expect(matcher.match(query('Tỷ lệ che phủ\n\nrừng đạt ', '%'))?.entry.id).toBe('forest_cover_rate');
  });

  it('links counts of different nouns to different indicators', () => {
    const before = 'Đã kiểm tra, giám sát đối với 7.712 tổ chức đảng và ';
    const members = { ...query(' tổ chức đảng và ', 'đảng viên', 'đảng viên.'), sentenceBefore: before };
    expect(matcher.match(members)?.entry.id).toBe('party_members_inspected');
    const organisations = query(
      'Đã kiểm tra, giám sát đối với ',
      'tổ chức đảng',
      'tổ chức đảng và 23.498 đảng viên',
    );
    expect(matcher.match(organisations)?.entry.id).toBe('party_orgs_inspected');
  });

  it('does not name a figure by the tail of the previous figure', () => {
    const before = 'Đã cử 10.866 lượt cán bộ đi đào tạo trong nước (187 cán bộ đi đào tạo sau đại học, ';
    const next = {
      ...query(' đi đào tạo sau đại học, ', 'cán bộ', 'cán bộ đào tạo cao cấp lý luận chính trị'),
      sentenceBefore: before,
    };
    expect(matcher.match(next)?.entry.id).toBe('officials_advanced_political_theory_training');
  });

  it('names nothing when no phrasing is there or the unit cannot be the indicator', () => {
    expect(matcher.match(query('Ông Nguyễn Văn A phát biểu tại ', 'lần'))).toBeNull();
    expect(matcher.match(query('Tổng đàn trâu đạt ', 'ha'))?.entry.id).not.toBe('buffalo_herd');
  });
});
