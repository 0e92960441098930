import type { Basis, Comparator, Measure } from './observation.ts';
import { findPeriods, type PeriodMention } from './periods.ts';

/** Where a figure sits: its sentence, split around it. */
export interface FigureSurroundings {
  sentence: string;
  /** Offsets of the figure inside `sentence`. */
  start: number;
  end: number;
  clauseStart: number;
  clauseEnd: number;
  /** Start of the previous figure in the same clause, if any. */
  previousFigureInClause: number | null;
}

/** The reading frame of a sentence: results or targets, and for which period by default. */
export interface Frame {
  mode: 'actual' | 'target';
  period: [number, number];
  issueYear: number;
}

export interface FigureReading {
  comparator: Comparator;
  measure: Measure;
  isEstimate: boolean;
  periodStart: number;
  periodEnd: number;
  basis: Basis;
  baseYear: number | null;
  negative: boolean;
}

const TARGET_CUE = /(phấn đấu|mục tiêu|chỉ tiêu|kế hoạch|đề ra|định hướng|dự kiến đến|đặt ra|nghị quyết đề ra)/iu;
const ACTUAL_CUE = /(đã|thực hiện|ước đạt|ước thực hiện|ước tính|kết quả|đạt được)/iu;
const ESTIMATE_CUE = /(ước|dự ước|ước tính|dự kiến)/iu;
const AVERAGE_CUE = /bình quân|trung bình/iu;
const EACH_YEAR_CUE = /hằng năm|hàng năm|mỗi năm/iu;
const TOTAL_CUE = /tổng|cả giai đoạn|lũy kế|luỹ kế|trong nhiệm kỳ|nhiệm kỳ|\b5 năm|năm năm|cả nhiệm kỳ|từ đầu nhiệm kỳ|trong giai đoạn/iu;
const ADDED_CUE = /(?:có thêm|tăng thêm|thêm|mới)\s*(?:được\s*)?$/iu;
const OF_PLAN_AFTER = /^\s*(?:so với\s+)?(?:kế hoạch|chỉ tiêu|mục tiêu|dự toán|nghị quyết)/iu;

function comparatorOf(before: string, after: string): Comparator {
  const tail = before.slice(-28);
  if (/^\s*trở lên/iu.test(after) || /(≥|không dưới|tối thiểu|ít nhất)\s*$/iu.test(tail)) return '>=';
  if (/(≤|không quá|tối đa|không vượt quá)\s*$/iu.test(tail)) return '<=';
  if (/(<|dưới|thấp hơn)\s*$/iu.test(tail)) return '<';
  if (/(>|trên|hơn|vượt|cao hơn)\s*$/iu.test(tail)) return '>';
  if (/(khoảng|gần|xấp xỉ|chừng)\s*$/iu.test(tail)) return '~';
  if (/từ\s*$/iu.test(tail) && /^\s*trở lên/iu.test(after)) return '>=';
  return '=';
}

function termAround(year: number): [number, number] {
  const start = Math.floor((year - 1) / 5) * 5 + 1;
  return [start, start + 4];
}

/**
 * Reads what a figure is: target or result or change, for which period, on which basis,
 * from the words around it and the frame of its section.
 */
export function readFigure(around: FigureSurroundings, frame: Frame): FigureReading {
  const { sentence, start, end } = around;
  const before = sentence.slice(0, start);
  const clauseBefore = sentence.slice(around.clauseStart, start);
  const clauseAfter = sentence.slice(end, around.clauseEnd);
  const periods = findPeriods(sentence);

  const comparator = comparatorOf(before, sentence.slice(end));
  const baseline = periods.find(
    (period) => period.role === 'baseline' && period.start >= end && period.start - end < 40 && period.end <= around.clauseEnd,
  );
  const soVoiAfter = /^[^\d]{0,40}?so với/iu.exec(clauseAfter);
  const ratio = /gấp\s*(?:khoảng\s*|hơn\s*|gần\s*)?$/iu.test(before);
  const ofPlan = OF_PLAN_AFTER.test(sentence.slice(end));
  const deltaVerb = /(tăng|giảm)\s*(?:thêm\s*)?(?:bình quân\s*)?(?:khoảng\s*|trên\s*|hơn\s*|gần\s*)?$/iu.test(clauseBefore);
  const deltaAfterLevel = deltaVerb && around.previousFigureInClause !== null;
  const isChange = ratio || ofPlan || baseline !== undefined || soVoiAfter !== null || deltaAfterLevel;

  const explicit = choosePeriod(periods, start, end, around.clauseStart);
  let periodStart: number;
  let periodEnd: number;
  let basis: Basis = 'level';
  const cueText = before.slice(Math.max(0, around.clauseStart - 80));
  const average = AVERAGE_CUE.test(cueText);
  const eachYear = EACH_YEAR_CUE.test(cueText) || /^\s*\/\s*năm/iu.test(sentence.slice(end));
  const total = TOTAL_CUE.test(cueText) || ADDED_CUE.test(clauseBefore);
  const defaultRange = frame.period;
  if (explicit && explicit.from !== explicit.to) {
    [periodStart, periodEnd] = [explicit.from, explicit.to];
    basis = average ? 'annual_avg' : eachYear ? 'each_year' : 'total';
  } else if (explicit && (explicit.role === 'until' || !(average || eachYear || total))) {
    periodStart = periodEnd = explicit.from;
  } else if (average || eachYear || total) {
    // A rate or flow over a period: the section's period, or the plan period around the named year.
    [periodStart, periodEnd] = explicit ? termAround(explicit.from) : defaultRange;
    if (explicit && defaultRange[0] === defaultRange[1]) [periodStart, periodEnd] = [explicit.from, explicit.from];
    basis = average ? 'annual_avg' : eachYear ? 'each_year' : 'total';
  } else {
    periodStart = periodEnd = defaultRange[1];
  }

  const targetCue = TARGET_CUE.test(clauseBefore) && !ofPlan;
  const actualCue = ACTUAL_CUE.test(clauseBefore);
  let measure: Measure;
  if (isChange) measure = 'change';
  else if (periodEnd > frame.issueYear) measure = 'target';
  else if (targetCue && !/thực hiện|đạt được|kết quả/iu.test(clauseBefore.slice(-40))) measure = 'target';
  else if (frame.mode === 'target' && !actualCue && !explicit) measure = 'target';
  else measure = 'actual';

  const estimateWindow = clauseBefore.slice(-60);
  const isEstimate = measure !== 'target' && ESTIMATE_CUE.test(estimateWindow) && periodEnd >= frame.issueYear - 1;

  let baseYear: number | null = null;
  if (measure === 'change') {
    if (baseline) baseYear = baseline.from;
    else if (/so với\s+(?:giai đoạn|nhiệm kỳ|thời kỳ)\s+trước/iu.test(clauseAfter)) baseYear = termAround(periodStart)[0] - 5;
    else if (!ratio && !ofPlan) baseYear = termAround(periodStart)[0] - 1;
    else if (ratio) baseYear = termAround(periodStart)[0] - 1;
  }
  const negative = /giảm\s*(?:bình quân\s*)?(?:khoảng\s*|trên\s*|hơn\s*|gần\s*)?$/iu.test(clauseBefore) && !/^\s*(?:xuống|còn)/iu.test(clauseAfter);
  return { comparator, measure, isEstimate, periodStart, periodEnd, basis, baseYear, negative };
}

/** The period written for a figure: a year right after it, else the nearest before it in its sentence. */
function choosePeriod(periods: PeriodMention[], start: number, end: number, clauseStart: number): PeriodMention | null {
  const usable = periods.filter((period) => period.role !== 'baseline');
  const rightAfter = usable.find((period) => period.start >= end && period.start - end <= 6 && period.from === period.to);
  if (rightAfter) return rightAfter;
  const beforeInClause = usable.filter((period) => period.end <= start && period.start >= clauseStart);
  if (beforeInClause.length > 0) return beforeInClause[beforeInClause.length - 1] ?? null;
  const beforeInSentence = usable.filter((period) => period.end <= start);
  return beforeInSentence[beforeInSentence.length - 1] ?? null;
}
