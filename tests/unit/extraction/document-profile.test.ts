import { describe, expect, it } from 'vitest';
import { documentProfile } from '../../../renderer/src/lib/extraction/document-profile.ts';

// Made-up headers, one per genre, in the shapes exports take (Markdown emphasis, hard wraps, a layout table).
const headers = {
  annualResolution: [
    'HỘI ĐỒNG NHÂN DÂN',
    'TỈNH CAO BẰNG',
    'Số: 12/NQ-HĐND',
    'Cao Bằng, ngày 8 tháng 12 năm 2024',
    '',
    'NGHỊ QUYẾT',
    'Về kế hoạch phát triển kinh tế - xã hội năm 2025',
    '',
    'Căn cứ Luật Tổ chức chính quyền địa phương;',
  ],
  congress: [
    'ĐẢNG BỘ TỈNH HÀ GIANG',
    '',
    'BÁO CÁO CHÍNH TRỊ',
    'của Ban Chấp hành Đảng bộ tỉnh khóa XVI tại Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII,',
    'nhiệm kỳ 2020 - 2025',
    '',
    'Phần thứ nhất',
    'KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2015 - 2020',
  ],
  news: [
    'Lào Cai: kinh tế tăng trưởng khá trong 6 tháng đầu năm',
    'Thứ Hai, 14/08/2023 09:30',
    'Tác giả: Minh Anh',
    '',
    'Từ đầu nhiệm kỳ đến nay, tỉnh đã thu hút 120 dự án đầu tư.',
  ],
  fiveYearPlan: [
    '|',
    '**ỦY BAN NHÂN DÂN',
    '**',
    'TỈNH YÊN BÁI',
    '|',
    '*Yên Bái, ngày 30',
    'tháng 12 năm 2025*',
    '|',
    '',
    '** **',
    '',
    '**KẾ HOẠCH**',
    '',
    'Phát triển kinh tế - xã hội 5 năm 2026 - 2030',
  ],
  budgetPlan: [
    'ỦY BAN NHÂN DÂN TỈNH BẮC KẠN',
    'Bắc Kạn, ngày 20 tháng 7 năm 2025',
    '',
    'KẾ HOẠCH',
    'Tài chính - ngân sách nhà nước 03 năm 2026 - 2028',
  ],
  planDecision: [
    'ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN',
    'Điện Biên, ngày 5 tháng 11 năm 2025',
    '',
    '**QUYẾT ĐỊNH**',
    '',
    'VỀ VIỆC BAN HÀNH KẾ HOẠCH PHÁT TRIỂN DU LỊCH TỈNH ĐIỆN BIÊN',
    'GIAI ĐOẠN 2026 - 2030',
    '',
    '**ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN**',
  ],
  fiveYearReport: [
    'BÁO CÁO',
    'Đánh giá tình hình thực hiện kế hoạch phát triển kinh tế - xã hội 5 năm 2021 - 2025;',
    'phương hướng, nhiệm vụ 5 năm 2026 - 2030',
    '',
    'I. NHỮNG THÀNH TỰU CHỦ YẾU',
  ],
};

const profileOf = (lines: readonly string[]): ReturnType<typeof documentProfile> =>
  documentProfile(lines.join('\n'), undefined);

describe('documentProfile without a manifest', () => {
  it('reads an annual plan resolution as reviewing the year before its plan year and setting that year', () => {
    expect(profileOf(headers.annualResolution)).toMatchObject({
      genre: 'nghi_quyet',
      issuer: 'Hội đồng nhân dân tỉnh Cao Bằng',
      issuedOn: '2024-12-08',
      issueYear: 2024,
      results: [2024, 2024],
      targets: [2025, 2025],
      targetsOnly: true,
      title: 'NGHỊ QUYẾT Về kế hoạch phát triển kinh tế - xã hội năm 2025',
    });
  });

  it('reads a congress document as reviewing the term before the one it opens', () => {
    expect(profileOf(headers.congress)).toMatchObject({
      genre: 'bao_cao',
      results: [2016, 2020],
      targets: [2021, 2025],
      targetsOnly: false,
      issueYear: 2020,
    });
  });

  it('reads a dated news article as reporting from its term’s start to its date', () => {
    expect(profileOf(headers.news)).toMatchObject({
      genre: 'tin_bao',
      issuedOn: '2023-08-14',
      issueYear: 2023,
      results: [2021, 2023],
    });
  });

  it('reads a 5-year plan behind a flattened layout table as targets for 2026–2030', () => {
    expect(profileOf(headers.fiveYearPlan)).toMatchObject({
      genre: 'ke_hoach',
      issuer: 'Ủy ban nhân dân tỉnh Yên Bái',
      issuedOn: '2025-12-30',
      targets: [2026, 2030],
      results: [2021, 2025],
      targetsOnly: true,
    });
  });

  it('reads a 3-year budget plan as covering 2026–2028', () => {
    expect(profileOf(headers.budgetPlan)).toMatchObject({ targets: [2026, 2028], targetsOnly: true });
  });

  it('reads a decision issuing a plan for a period as that plan, its title wrapped over two lines', () => {
    expect(profileOf(headers.planDecision)).toMatchObject({
      genre: 'quyet_dinh',
      title: 'QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH KẾ HOẠCH PHÁT TRIỂN DU LỊCH TỈNH ĐIỆN BIÊN GIAI ĐOẠN 2026 - 2030',
      targets: [2026, 2030],
      targetsOnly: true,
      issueYear: 2025,
    });
  });

  it('reads a review with a plan after it: results for the reviewed years, targets for the next', () => {
    expect(profileOf(headers.fiveYearReport)).toMatchObject({
      genre: 'bao_cao',
      results: [2021, 2025],
      targets: [2026, 2030],
      targetsOnly: false,
      issueYear: 2025,
    });
  });

  it('finds no genre in body text that merely starts with a genre word', () => {
    const profile = profileOf([
      'Tỉnh ủy tổ chức hội nghị',
      'Kế hoạch hành động của tỉnh được triển khai đồng bộ tới tất cả các huyện, thành phố trong tỉnh.',
    ]);
    expect(profile.genre).toBeNull();
    expect(profile.title).toBeNull();
  });
});

describe('documentProfile with a manifest entry', () => {
  it('lets the manifest win over what the header says', () => {
    const profile = documentProfile(headers.annualResolution.join('\n'), {
      doc_id: 'x',
      title: 'Nghị quyết kế hoạch năm 2025',
      doc_type: 'nghi_quyet_hdnd',
      issuer: 'HĐND tỉnh Cao Bằng',
      issued_on: '2024-12',
      covers: ['2021-2024 results', '2025 targets'],
    });
    expect(profile).toMatchObject({
      genre: 'nghi_quyet_hdnd',
      title: 'Nghị quyết kế hoạch năm 2025',
      issuer: 'HĐND tỉnh Cao Bằng',
      issuedOn: '2024-12',
      results: [2021, 2024],
      targets: [2025, 2025],
      targetsOnly: false,
    });
  });
});
