import type { DocumentProfile } from './document-profile.ts';
import type { Measure } from './observation.ts';
import { normaliseRange } from './periods.ts';
import { tableUnit } from './table-units.ts';

/** What a value column's heading says about its figures. */
export interface ColumnReading {
  period: [number, number] | null;
  measure: Measure;
  isEstimate: boolean;
  baseYear: number | null;
  /** A unit the heading states (`Lượng (Tấn)`), '' when none. */
  unit: string;
  /** Words of the heading that name what is measured (`Lượng`, `Giá trị tham gia xuất khẩu`), '' when it only names a period. */
  topic: string;
  /** The heading as written, parts joined. */
  text: string;
}

// Cue words of a heading, tried in this order ("Ước TH" is an estimate before it is "TH").
const ESTIMATE = /(?<![\p{L}])(?:ước|ưth|uth|ươc|dự ước)(?![\p{L}])/iu;
const ACTUAL = /(?<![\p{L}])(?:thực hiện|th|th\.|kết quả|thực tế|đạt được)(?![\p{L}])/iu;
const TARGET =
  /(?<![\p{L}])(?:kế hoạch|kh|chỉ tiêu|mục tiêu|dự báo|dự kiến|phấn đấu|định hướng|dự toán|giao|đề ra)(?![\p{L}])/iu;
const FORECAST = /(?<![\p{L}])dự kiến(?![\p{L}])/iu;
const CHANGE = /so với|so sánh|tăng\s*[/,]?\s*giảm|\+\/-|tốc độ tăng|tỷ lệ tăng/iu;
const YEAR = String.raw`(?:19|20)\d{2}`;
const RANGE = new RegExp(String.raw`(${YEAR})\s*[-–—]\s*(${YEAR})`, 'u');
const ANY_YEAR = new RegExp(String.raw`(?<!\d)(${YEAR})(?!\d)`, 'gu');
// Words that only frame a period; what is left names the measured thing.
const PERIOD_WORDS =
  /(?<![\p{L}])(?:ước thực hiện|ước tính|ước đạt|ước|ưth|uth|thực hiện|th|kế hoạch|kh|dự báo|dự kiến|chỉ tiêu|mục tiêu|năm|giai đoạn|nhiệm kỳ|thời kỳ|so với|so sánh|cùng kỳ|đến|tháng|quý|lũy kế|phấn đấu|định hướng|dự toán|số liệu)(?![\p{L}])/giu;

/**
 * The reading of a column whose heading names no period ("Giá trị", "Số lượng"): the period and
 * measure the table's caption gives ("KẾ HOẠCH NĂM 2026", "Kết quả năm 2024").
 */
export function withCaption(column: ColumnReading, caption: ColumnReading): ColumnReading {
  if (column.period || column.measure === 'change' || !caption.period) return column;
  const { period, measure, isEstimate } = caption;
  return { ...column, period, measure, isEstimate };
}

/**
 * Reads a value column's heading (its header cells top to bottom): the lowest cell naming a
 * period gives it; `Kế hoạch`/`KH`/`Dự báo` make targets, `Ước TH`/`ƯTH` estimated actuals,
 * `Thực hiện`/`TH` actuals, `so với`/`so sánh` changes against the year compared with; a bare
 * year is a target when it lies after the document's year, else an actual.
 */
export function readColumnHeading(parts: readonly string[], profile: DocumentProfile): ColumnReading {
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  const isChange = CHANGE.test(text);
  let period: [number, number] | null = null;
  let baseYear: number | null = null;
  if (isChange) {
    const years = [...text.matchAll(ANY_YEAR)].map((match) => Number(match[1]));
    if (years[0] !== undefined) period = [years[0], years[0]];
    if (years.length > 1) baseYear = years.at(-1) ?? null;
  } else {
    for (const part of [...parts].reverse()) {
      period = periodOf(part);
      if (period) break;
    }
  }
  const end = period?.[1] ?? null;
  let measure: Measure;
  let isEstimate = false;
  if (isChange) measure = 'change';
  else if (ESTIMATE.test(text)) {
    measure = 'actual';
    isEstimate = true;
  } else if (FORECAST.test(text) && end !== null && end <= profile.issueYear) {
    // "Dự kiến 2025" in a document of 2025: the year is ending, its figure an estimate.
    measure = 'actual';
    isEstimate = true;
  } else if (TARGET.test(text)) measure = 'target';
  else if (ACTUAL.test(text)) measure = 'actual';
  else if (end !== null && end > profile.issueYear) measure = 'target';
  else {
    measure = 'actual';
    isEstimate = end === profile.issueYear;
  }
  const written = /\(([^()]+)\)/u.exec(text);
  const unit = written ? tableUnit(written[1] ?? '') : '';
  return { period, measure, isEstimate, baseYear, unit, topic: topicOf(text), text };
}

function periodOf(text: string): [number, number] | null {
  const range = RANGE.exec(text);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (from > to) return null;
    return /nhiệm kỳ/iu.test(text) ? normaliseRange(from, to) : [from, to];
  }
  const year = new RegExp(ANY_YEAR.source, 'u').exec(text);
  return year ? [Number(year[1]), Number(year[1])] : null;
}

function topicOf(text: string): string {
  const words = text
    .replace(/\([^()]*\)/gu, ' ')
    .replace(RANGE, ' ')
    .replace(ANY_YEAR, ' ')
    .replace(PERIOD_WORDS, ' ')
    .replace(/[/:,;\-–—]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return /\p{L}{2}/u.test(words) ? words : '';
}
