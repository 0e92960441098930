/** "quý III", "tuần 2"; `\b` before a word's first letter is "no word character before it", written so because `\b` under /iu is slow. */
export const QUARTER_OR_WEEK = /(?<!\w)(?:quý|tuần)\s+[IV\d]+/giu;

const DESIGNATOR_WORD =
  'giai đoạn|cấp|hạng|loại|mức độ|mức|đợt|lô|tổ|khu vực|phân khu|tuyến|quốc lộ|tỉnh lộ|đường tỉnh|đường huyện|km|cột mốc|mốc|công nghiệp|phiên bản|phiên';

/**
 * "giai đoạn 2", "cấp 1", "hạng 3": a designator, not a figure. The leading lookahead (a word and
 * a space, which the match needs anyway) lets the engine skip to them instead of looking behind
 * every character.
 */
export const DESIGNATOR = new RegExp(
  String.raw`(?=(?:${DESIGNATOR_WORD})\s)(?<!xếp\s+)(?:${DESIGNATOR_WORD})\s+\d{1,2}(?:\.\d)?(?![\d.,])(?:\s*,\s*\d{1,2}(?![\d.,]))*(?!\s*%)`,
  'giu',
);

/**
 * Spans of text whose digits are not statistics: dates, times, document numbers, list and
 * section numbering, ordinals, map scales, and designators such as "giai đoạn 2" or "Covid-19".
 * Patterns run on NFC text; each returns the character range to block.
 */
const BLOCKING_PATTERNS: readonly RegExp[] = [
  // Dates and times: 27/9/2020, ngày 25, tháng 12, tháng 7/2020, 14h30’.
  /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/gu,
  // A date written out ("ngày 20 tháng 11 năm 2025"), its year included.
  /ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/giu,
  /(?:ngày|hôm)\s+\d{1,2}(?:\s*[/-]\s*\d{1,2})?(?:\s*[/-]\s*\d{2,4})?/giu,
  /tháng\s+\d{1,2}(?:\s*[/-]\s*\d{4})?/giu,
  /\b\d{1,2}\s*h\s*\d{0,2}\s*[’']?(?=[\s,;.)]|$)/gu,
  QUARTER_OR_WEEK,
  // Document numbers: 67/NQ-HĐND, 18-NQ/TW, 162/2024/QH15, số 05, Nghị định 123.
  /\b\d+\s*\/\s*(?:\d{4}\s*\/\s*)?\p{Lu}[\p{Lu}\d-]*/gu,
  /\b\d+\s*-\s*\p{Lu}{2,}[\p{Lu}\d]*\s*\/\s*\p{Lu}+/gu,
  /(?:\bsố|Số)\s*:?\s*\d+\s*[/-][\d\p{L}/-]*/gu,
  /(?:nghị quyết|nghị định|quyết định|chỉ thị|kết luận|kế hoạch|thông tư|công văn|quy định|hướng dẫn|thông báo|đề án)(?:\s+(?:hành động|liên tịch))?(?:\s+số)?\s*:?\s+\d+[\d/.-]*/giu,
  // Numbering: (1), 1), Điều 2, Phần I, mục 3, and 2.1. at the start of a line.
  /\(\d{1,2}\)/gu,
  /(?:^|\n)\s*[-+•]?\s*\d{1,2}(?:\.\d{1,2})*[.)](?=\s)/gu,
  /(?:điều|khoản|chương|mục|phần|bước|tiểu mục)\s+\d+/giu,
  // Ordinals and designators: lần thứ 2, khóa XV, kỳ họp thứ 10, giai đoạn 2, cấp 1, hạng 3, Covid-19.
  /(?<!(?:xếp|đứng)\s+)(?:lần thứ|thứ|lần|khóa|khoá|kỳ họp|kỳ)\s+\d+(?![\d.,]*\s*\/)/giu,
  DESIGNATOR,
  /\p{L}-\d+/gu,
  // Map scales: "quy hoạch chi tiết tỷ lệ 1/2.000 và 1/500".
  /tỷ lệ\s+1\s*\/\s*(?:[1-9]\d{0,2}(?:\.\d{3})+|[5-9]\d{2})(?:\s*(?:,|và|hoặc)\s*1\s*\/\s*(?:[1-9]\d{0,2}(?:\.\d{3})+|[5-9]\d{2}))*(?![\d.,])/giu,
  // "Cầu 17/10": a day and month used as a name.
  /\b(?:[12]?\d|3[01])\/(?:0?[1-9]|1[0-2])\b(?!\s*(?:\/|\d|%|\p{L}))/gu,
];

/** Character ranges `[start, end)` of the text that hold no statistic. */
export function blockedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const pattern of BLOCKING_PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

/** True when `[start, end)` overlaps any blocked range. */
export function isBlocked(ranges: readonly [number, number][], start: number, end: number): boolean {
  return ranges.some(([from, to]) => from < end && start < to);
}
