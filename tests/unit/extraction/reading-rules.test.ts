import { describe, expect, it } from 'vitest';
import { MEASURE_RULES, PERIOD_RULES } from '../../../renderer/src/lib/extraction/reading-rules.ts';
import { extractText } from '../../support/extraction.ts';

const REVIEW = { issued_on: '2025-09', covers: ['2021-2025 results', '2026-2030 targets'] };
const ANNUAL_REVIEW = { issued_on: '2025-10', covers: ['2025 results'] };

/** The reading of the figure whose text is `figure` in a made-up sentence. */
function read(text: string, figure: string, entry = REVIEW) {
  const found = extractText(text, entry).find((row) => text.slice(row.char_start, row.char_end) === figure);
  if (!found) throw new Error(`no figure ${figure} in ${text}`);
  return {
    measure: found.measure,
    period: `${found.period_start}-${found.period_end}`,
    basis: found.basis,
    note: found.period_note,
    unit: found.unit,
  };
}

describe('the reading rule tables', () => {
  it('are named uniquely and end with an unconditional fallback', () => {
    for (const table of [PERIOD_RULES, MEASURE_RULES]) {
      expect(new Set(table.map((rule) => rule.name)).size).toBe(table.length);
      expect(table.at(-1)?.when({} as never)).toBe(true);
    }
  });
});

// Made-up sentences, one convention each (DATA-CONTRACT.md, "Reading conventions").
describe('reporting-frame semantics in a multi-year review', () => {
  it('an uncued flow of money is the total over the reviewed period', () => {
    expect(read('Kim ngạch xuất khẩu của tỉnh đạt 2,5 tỷ USD.', '2,5 tỷ USD')).toMatchObject({
      measure: 'actual',
      period: '2021-2025',
      basis: 'total',
    });
  });
  it('things done (an action verb from the lexicon) are the total over the period', () => {
    expect(read('Đã cử 1.200 lượt cán bộ đi bồi dưỡng ở nước ngoài.', '1.200 lượt')).toMatchObject({
      period: '2021-2025',
      basis: 'total',
    });
  });
  it('work carried on ("đảm bảo tiến độ N đề tài") is a flow: the total over the period', () => {
    expect(read('Đảm bảo tiến độ 60 đề tài nghiên cứu khoa học cấp tỉnh.', '60 đề tài')).toMatchObject({
      period: '2021-2025',
      basis: 'total',
    });
  });
  it('a synonym in the lexicon reads the same ("tuyên dương" as "biểu dương")', () => {
    const praised = read('Có 120 tập thể được các cấp biểu dương.', '120 tập thể');
    expect(read('Có 120 tập thể được các cấp tuyên dương.', '120 tập thể')).toEqual(praised);
  });
  it('a stock ("toàn tỉnh có") is the level at the end of the period', () => {
    expect(read('Lũy kế toàn tỉnh có 04 khu công nghiệp.', '04 khu công nghiệp')).toMatchObject({
      period: '2025-2025',
      basis: 'level',
    });
  });
  it('an uncued growth rate of a growth indicator is the yearly average over the term', () => {
    expect(read('Trong đó, ngành dịch vụ tăng 7,1%.', '7,1%')).toMatchObject({
      measure: 'actual',
      period: '2021-2025',
      basis: 'annual_avg',
    });
  });
  it('a verb opening the sentence stops at a later clause opened by "có"', () => {
    const text =
      'Xây dựng và hình thành 20 chuỗi liên kết sản xuất; có 150 vùng trồng được cấp mã số, ' +
      'trong đó có 40 mã vùng trồng nội tiêu; 110 mã vùng trồng xuất khẩu.';
    expect(read(text, '20 chuỗi')).toMatchObject({ period: '2021-2025', basis: 'total' });
    expect(read(text, '110 mã vùng trồng')).toMatchObject({ period: '2025-2025', basis: 'level' });
  });
  it('what is under way ("đang …") is the level at the end of the period', () => {
    const text = 'Đã phê duyệt 08 đồ án quy hoạch; đang triển khai thực hiện 03 đồ án.';
    expect(read(text, '08 đồ án')).toMatchObject({ period: '2021-2025', basis: 'total' });
    expect(read(text, '03 đồ án')).toMatchObject({ period: '2025-2025', basis: 'level' });
  });
  it('a bracketed part inherits the period and basis of the figure it details', () => {
    const text = 'Đã đào tạo 5.000 lao động (trong đó 1.200 lao động nữ).';
    expect(read(text, '1.200 lao động')).toEqual({ ...read(text, '5.000 lao động'), unit: 'lao động' });
  });
  it('"Hết năm 2024, …" sets the period of the sentences after it until another is named', () => {
    const text = 'Kết quả tích cực: Hết năm 2024, toàn tỉnh có 90 xã đạt chuẩn. Có 20 xã đạt chuẩn nâng cao.';
    expect(read(text, '20 xã')).toMatchObject({ period: '2024-2024', basis: 'level' });
  });
  it('a lead-in naming a new subject ends the carried period', () => {
    const text =
      'Kết quả tích cực: Hết năm 2024, toàn tỉnh có 90 xã đạt chuẩn. Có 20 xã đạt chuẩn nâng cao. ' +
      'Các chính sách hỗ trợ sản xuất phát huy hiệu quả: toàn tỉnh có 150 sản phẩm OCOP.';
    expect(read(text, '20 xã')).toMatchObject({ period: '2024-2024', basis: 'level' });
    expect(read(text, '150 sản phẩm')).toMatchObject({ period: '2025-2025', basis: 'level' });
    // "Trong đó: …" details what came before: no new subject.
    const detail = 'Hết năm 2024, toàn tỉnh có 90 xã đạt chuẩn. Trong đó: có 20 xã đạt chuẩn nâng cao.';
    expect(read(detail, '20 xã')).toMatchObject({ period: '2024-2024', basis: 'level' });
  });
});

describe('totals over time need a span word', () => {
  const PLAN = 'II. PHƯƠNG HƯỚNG, MỤC TIÊU GIAI ĐOẠN 2026 - 2030\n';
  it('"tổng thu" in a term\'s target list names all sources of a yearly flow: the level at the end', () => {
    const text = `${PLAN}Tổng thu từ khách du lịch đạt từ 9.000 tỷ đồng trở lên.`;
    expect(read(text, '9.000 tỷ đồng')).toMatchObject({
      measure: 'target',
      period: '2030-2030',
      basis: 'level',
    });
  });
  it('"tổng … cả giai đoạn", "tổng … 5 năm" are totals over the period', () => {
    const text = `${PLAN}Tổng vốn đầu tư xã hội cả giai đoạn khoảng 200 nghìn tỷ đồng.`;
    expect(read(text, '200 nghìn tỷ đồng')).toMatchObject({
      measure: 'target',
      period: '2026-2030',
      basis: 'total',
    });
    const review = 'Tổng thu ngân sách nhà nước trên địa bàn 5 năm ước đạt 40.000 tỷ đồng.';
    expect(read(review, '40.000 tỷ đồng')).toMatchObject({ period: '2021-2025', basis: 'total' });
  });
});

describe('clause-scoped and named cues', () => {
  it('a verb distributes over a coordinated list: every item is a change', () => {
    const text = 'Giai đoạn 2021 - 2025 đã giảm 03 sở, 02 chi cục, 15 phòng.';
    for (const figure of ['03 sở', '02 chi cục', '15 phòng'])
      expect(read(text, figure).measure).toBe('change');
  });
  it("a comparison base closing a coordinated list is every item's", () => {
    const text =
      'Mạng lưới trường, lớp được sắp xếp lại, giảm 30 trường, 80 điểm trường so với đầu nhiệm kỳ.';
    for (const figure of ['30 trường', '80 điểm trường'])
      expect(read(text, figure)).toMatchObject({ measure: 'change', period: '2025-2025', basis: 'level' });
  });
  it('"mục tiêu" inside the name of something done does not make a target', () => {
    expect(read('Tỉnh đã hoàn thành mục tiêu 150 xã đạt chuẩn nông thôn mới.', '150 xã').measure).toBe(
      'actual',
    );
  });
  it('"yêu cầu" sets a target', () => {
    expect(read('Yêu cầu 100% hồ sơ được số hóa.', '100%', ANNUAL_REVIEW).measure).toBe('target');
  });
});

describe('levels, changes and elaborations (DATA-CONTRACT.md, "Reading conventions")', () => {
  it('"mở rộng thêm" is a change over the period; a level after it in its own clause is at the end', () => {
    const text =
      'Vùng trồng cây Quế mở rộng thêm 500 ha, diện tích vùng Quế đạt 2.300 ha, sản lượng đạt 9.000 tấn.';
    expect(read(text, '500 ha')).toMatchObject({ measure: 'change', period: '2021-2025', basis: 'total' });
    expect(read(text, '2.300 ha')).toMatchObject({ measure: 'actual', period: '2025-2025', basis: 'level' });
    expect(read(text, '9.000 tấn')).toMatchObject({ measure: 'actual', period: '2025-2025', basis: 'level' });
  });
  it('an area ("diện tích") is a stock, whatever verb opened the sentence', () => {
    const text =
      'Hình thành các vùng cây trồng tập trung: Quế diện tích 4.100 ha; Hồi diện tích trên 2.700 ha.';
    expect(read(text, '4.100 ha')).toMatchObject({ measure: 'actual', period: '2025-2025', basis: 'level' });
    expect(read(text, '2.700 ha')).toMatchObject({ measure: 'actual', period: '2025-2025', basis: 'level' });
  });
  it('the attribute right after a change ("…, diện tích đạt") is the level, not part of the change', () => {
    const text = 'Vùng Chè mở rộng thêm 300 ha, diện tích đạt 1.900 ha, sản lượng đạt 8.000 tấn.';
    expect(read(text, '300 ha')).toMatchObject({ measure: 'change', period: '2021-2025', basis: 'total' });
    expect(read(text, '1.900 ha')).toMatchObject({ measure: 'actual', period: '2025-2025', basis: 'level' });
    expect(read(text, '8.000 tấn')).toMatchObject({ measure: 'actual', period: '2025-2025', basis: 'level' });
  });
  it('"có N … đã được … quyết định" counts things done; their "tổng diện tích" sums them', () => {
    const text =
      'Có 15 dự án đã được UBND tỉnh quyết định chuyển đổi mục đích sử dụng đất, tổng diện tích 420,5 ha.';
    expect(read(text, '15 dự án')).toMatchObject({ period: '2021-2025', basis: 'total' });
    expect(read(text, '420,5 ha')).toMatchObject({ period: '2021-2025', basis: 'total' });
    // Without "đã", a state: "có 90 vùng trồng được cấp mã số" is the level now.
    expect(read('Toàn tỉnh có 90 vùng trồng được cấp mã số.', '90 vùng trồng')).toMatchObject({
      period: '2025-2025',
      basis: 'level',
    });
  });
  it('a share in brackets after an amount ("(chiếm 12%)") takes the amount\'s period and basis', () => {
    const text = 'Trong đó: vốn tín dụng 3.000 tỷ đồng (chiếm 12%); vốn ngân sách 500 tỷ đồng (chiếm 2%).';
    expect(read(text, '12%')).toMatchObject({ period: read(text, '3.000 tỷ đồng').period, basis: 'total' });
    expect(read(text, '2%')).toMatchObject({ period: '2021-2025', basis: 'total' });
  });
  it('the make-up of a body elected for a term ("gồm N") is its level at the document date', () => {
    const text = 'Đại hội bầu Ban Chấp hành khóa mới, nhiệm kỳ 2025 - 2030 gồm 45 đồng chí.';
    expect(read(text, '45 đồng chí')).toMatchObject({
      measure: 'actual',
      period: '2025-2025',
      basis: 'level',
    });
    const elected = 'Hội nghị bầu ra Ban Thường vụ gồm 13 đồng chí.';
    expect(read(elected, '13 đồng chí')).toMatchObject({
      measure: 'actual',
      period: '2025-2025',
      basis: 'level',
    });
  });
  it('a merger "từ A … thành B" gives the level before the period and the level at its end', () => {
    const text = 'Đã sáp nhập từ 900 thôn, bản thành 820 thôn, bản.';
    expect(read(text, '900 thôn')).toMatchObject({ period: '2020-2020', basis: 'level' });
    expect(read(text, '820 thôn')).toMatchObject({ period: '2025-2025', basis: 'level' });
  });
  it('"hoàn thành" after a "từ" is no end of a movement', () => {
    const text = 'Đã chuyển từ 3 kho sang hình thức mới, hoàn thành 120 công trình.';
    expect(read(text, '120 công trình')).toMatchObject({ period: '2021-2025', basis: 'total' });
  });
  it('a ratio to a base year after a level at a date is a change at that date', () => {
    const text = 'Hết năm 2025 toàn tỉnh có 3.000 hợp tác xã, gấp 1,5 lần năm 2020.';
    expect(read(text, '1,5 lần')).toMatchObject({ measure: 'change', period: '2025-2025', basis: 'level' });
  });
  it("a ratio's base year is not the base of a yearly average growth after it", () => {
    const text =
      'Doanh thu dịch vụ lưu trú năm 2025 ước đạt 900 tỷ đồng, gấp 2,1 lần năm 2020, bình quân hằng năm tăng 16,2%.';
    expect(read(text, '2,1 lần').measure).toBe('change');
    expect(read(text, '16,2%')).toMatchObject({ period: '2021-2025', basis: 'annual_avg' });
  });
});

describe('numbers by grammar', () => {
  it('any noun after a count is what it counts: an unknown noun is a two-word compound', () => {
    expect(read('Đã sáp nhập 07 nông trường.', '07 nông trường').unit).toBe('nông trường');
    expect(read('Kích hoạt 9.500 tài khoản định danh.', '9.500 tài khoản').unit).toBe('tài khoản');
    expect(read('Bắt giữ 120 đối tượng vi phạm.', '120 đối tượng').unit).toBe('đối tượng');
  });
  it('a one-word counted noun of the lexicon, or one a verb or function word follows, is one word', () => {
    expect(read('Lắp đặt 300 đèn năng lượng mặt trời.', '300 đèn').unit).toBe('đèn');
    expect(read('Có 12 cháu được nhận học bổng.', '12 cháu').unit).toBe('cháu');
    expect(read('Tiếp 200 lượt/230 công dân.', '230 công dân').unit).toBe('công dân');
  });
  it('an abbreviation counted keeps its capitals', () => {
    expect(read('Đã cắt giảm 340 TTHC.', '340 TTHC').unit).toBe('TTHC');
  });
  it('a map scale is no figure', () => {
    expect(extractText('Phê duyệt quy hoạch chi tiết tỷ lệ 1/2.000 và 1/500 khu trung tâm.', REVIEW)).toEqual(
      [],
    );
  });
  it('a unit split by a hard line break is one unit', () => {
    expect(read('Toàn tỉnh có 566 hợp \n\ntác xã.', '566 hợp \n\ntác xã').unit).toBe('hợp tác xã');
  });
  it('a slash after a counted noun starts a second figure', () => {
    const text = 'Cử 12 đoàn/340 công chức đi công tác.';
    expect(read(text, '12 đoàn').unit).toBe('đoàn');
    expect(read(text, '340 công chức').unit).toBe('công chức');
  });
  it('a rank is a figure', () => {
    expect(read('Năm 2024 chỉ số PCI xếp hạng 20/63.', '20/63').unit).toBe('hạng');
  });
  it('life expectancy is a figure in years of age; an age bracket is not', () => {
    expect(read('Đến năm 2030, tuổi thọ trung bình đạt 74,5 tuổi.', '74,5 tuổi').unit).toBe('tuổi');
    expect(extractText('Phổ cập giáo dục cho trẻ em từ 3 đến 5 tuổi.', REVIEW)).toEqual([]);
  });
});

describe('sub-year periods (period_note)', () => {
  it('keeps the year and says which part of it', () => {
    const text =
      'Quý I/2025, có 48 doanh nghiệp thành lập mới. 9 tháng năm 2025 thu ngân sách đạt 900 tỷ đồng.';
    expect(read(text, '48 doanh nghiệp', ANNUAL_REVIEW)).toMatchObject({
      period: '2025-2025',
      note: 'quý I',
    });
    expect(read(text, '900 tỷ đồng', ANNUAL_REVIEW)).toMatchObject({ period: '2025-2025', note: '9 tháng' });
  });
  it('a school year is a note too, and whole years have none', () => {
    const text = 'Năm học 2024 - 2025 có 30 trường đạt chuẩn. Năm 2024 có 12 trường mới.';
    expect(read(text, '30 trường', ANNUAL_REVIEW).note).toBe('năm học 2024 - 2025');
    expect(read(text, '12 trường', ANNUAL_REVIEW).note).toBeNull();
  });
});
