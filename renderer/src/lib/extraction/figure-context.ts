import { withoutFootnoteRefs } from './clean-line.ts';
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
  /** End of the previous figure in the sentence, if any. */
  previousFigureEnd: number | null;
  /** The sentence up to its first figure: cues there ("bình quân hằng năm") cover a whole list. */
  sentenceHead: string;
  /** The indicator named is a growth rate: "tăng 9,4%" after a level is its growth, not a change. */
  growthIndicator: boolean;
  /** How the previous figure of the sentence was read: a list ("A 19%, B 28%") shares its frame. */
  previousReading: FigureReadingWithReason | null;
  /**
   * "Đến hết năm 2019, đã … . Cơ quan hành chính các cấp đã tiếp 7.947 lượt": the period opening the
   * sentence before, for a sentence that names none; its offsets are -1 (written outside).
   */
  carriedPeriod: PeriodMention | null;
  unitKind: 'percent' | 'measure' | 'count' | 'none';
  unit: string;
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

// "chương trình mục tiêu quốc gia" names a programme, not a target.
const TARGET_CUE = /(phấn đấu|(?<!chương trình\s)mục tiêu|chỉ tiêu|kế hoạch|đề ra|định hướng|đặt ra)/iu;
const ACTUAL_CUE = /(đã|thực hiện|ước đạt|ước thực hiện|ước tính|kết quả|đạt được)/iu;
const ESTIMATE_CUE = /(ước|dự ước|ước tính|dự kiến)/iu;
// "bình quân" alone is an average across units (per capita, per commune); over time it names a year.
const AVERAGE_CUE =
  /bình quân(?!\s*(?:đầu người|\/người|mỗi người|một người))\s*(?:\p{L}+\s+){0,2}(?:hằng năm|hàng năm|mỗi năm|năm|giai đoạn|cả giai đoạn|\/năm)|(?:tăng|giảm)\s+bình quân|bình quân\s+(?:tăng|giảm)|trung bình\s*(?:hằng năm|hàng năm|mỗi năm)/iu;
const EACH_YEAR_CUE = /hằng năm|hàng năm|mỗi năm/iu;
const TOTAL_CUE =
  /tổng\s+(?:cộng|vốn|thu|chi)|cả giai đoạn|lũy kế|luỹ kế|trong nhiệm kỳ|cả nhiệm kỳ|từ đầu nhiệm kỳ|\b5 năm|năm năm|trong giai đoạn|sau \d+ năm/iu;
const ADDED_CUE = /(?:có thêm|tăng thêm|\bthêm\b)/iu;
// Verbs of things done during the period (a flow summed over it) rather than a standing level.
const ACTION_CUE =
  /(?:đã|được)\s+(?:\p{L}+\s+){0,3}?(?:kết nạp|khen thưởng|kiểm tra|giám sát|thi hành kỷ luật|kỷ luật|sáp nhập|sắp xếp|giải quyết|tiếp|cấp|thu hút|thành lập|đào tạo|tổ chức|triển khai|phê duyệt|chấp thuận|khởi công|hoàn thành|xây dựng|hỗ trợ|giải ngân|ban hành|xử lý|phát hiện|bắt giữ|tuyên truyền|mở|đón|trồng|đầu tư|cải tạo|nâng cấp|kêu gọi|ký kết)|(?:kết nạp|khen thưởng|sáp nhập|thi hành kỷ luật|huy động|thu hút|giải ngân|kết thúc|tiếp nhận|giải quyết|đã tiếp|trồng mới|tạo việc làm|đào tạo|cấp giấy|cấp mới|đưa vào vận hành|đưa vào sử dụng|khởi công|khánh thành|hoàn thành)/iu;
const LEVEL_CUE =
  /(?:(?:hiện có|toàn tỉnh có|đến nay|hiện nay|còn)\s*(?:\p{L}+\s+){0,3}|(?:^|[\s,;:])có\s+(?:trên\s+|hơn\s+|khoảng\s+|gần\s+)?)$/iu;
const OF_PLAN_AFTER = /^\s*(?:so với\s+)?(?:kế hoạch|chỉ tiêu|mục tiêu|dự toán|nghị quyết)/iu;
const DELTA_VERB =
  /(tăng|giảm)\s*(?:thêm\s*)?(?:được\s*)?(?:bình quân\s*)?(?:khoảng\s*|trên\s*|hơn\s*|gần\s*)?$/iu;

function comparatorOf(before: string, after: string): Comparator {
  const tail = before.slice(-28);
  if (/^\s*trở lên/iu.test(after) || /(≥|không dưới|tối thiểu|ít nhất)\s*$/iu.test(tail)) return '>=';
  if (/(≤|không quá|tối đa|không vượt quá)\s*$/iu.test(tail)) return '<=';
  if (/(<|dưới|thấp hơn)\s*$/iu.test(tail)) return '<';
  if (/(>|trên|hơn|vượt|cao hơn)\s*$/iu.test(tail)) return '>';
  if (/(khoảng|gần|xấp xỉ|chừng)\s*$/iu.test(tail)) return '~';
  return '=';
}

function termAround(year: number): [number, number] {
  const start = Math.floor((year - 1) / 5) * 5 + 1;
  return [start, start + 4];
}

/** Why a figure reads as a change, if it does. */
export type ChangeReason = 'ratio' | 'of_plan' | 'baseline' | 'delta_after_level' | 'reduction' | null;

export interface FigureReadingWithReason extends FigureReading {
  changeReason: ChangeReason;
  /** Read as a level at one end of a movement ("từ 25,95% … xuống còn 7,89%"). */
  isLevel: boolean;
}

/**
 * Reads what a figure is: target or result or change, for which period, on which basis,
 * from the words around it and the frame of its section.
 */
export function readFigure(around: FigureSurroundings, frame: Frame): FigureReadingWithReason {
  const { sentence, start, end } = around;
  const before = sentence.slice(0, start);
  const clauseBefore = sentence.slice(around.clauseStart, start);
  const clauseAfter = sentence.slice(end, around.clauseEnd);
  const windowBefore = sentence.slice(around.previousFigureEnd ?? 0, start);
  const previous = around.previousReading;
  const written = findPeriods(sentence).filter((period) => !insideCriteriaNote(sentence, period));
  const periods = written.length === 0 && around.carriedPeriod ? [around.carriedPeriod] : written;

  const comparator = comparatorOf(before, sentence.slice(end));
  // A comparison base after the figure counts only when no other figure stands between them.
  const baselineAfter = periods.find(
    (period) =>
      period.role === 'baseline' &&
      period.start >= end &&
      period.end <= around.clauseEnd &&
      !/\d/.test(withoutFootnoteRefs(sentence.slice(end, period.start))),
  );
  const baselineBefore = periods.find(
    (period) => period.role === 'baseline' && period.end <= start && period.start >= around.clauseStart,
  );
  const plainAfter = withoutFootnoteRefs(clauseAfter);
  // "so với Nghị quyết" compares with a plan: a change only for a percentage of it.
  const soVoiAfter = /^[^\d]{0,40}?so với(?!\s+(?:nghị quyết|kế hoạch|chỉ tiêu|mục tiêu|dự toán))/iu.test(
    plainAfter,
  );
  // "so với khóa XV", "so với giai đoạn trước": the previous plan period as a whole.
  const previousTermBase =
    /^[^\d]{0,40}?so với\s+(?:khóa|khoá|nhiệm kỳ|giai đoạn|thời kỳ)\s+(?:trước|[IVXLC]+\b)/iu.test(
      plainAfter,
    );
  const ratio = /gấp\s*(?:khoảng\s*|hơn\s*|gần\s*)?$/iu.test(before);
  const ofPlan = around.unitKind === 'percent' && OF_PLAN_AFTER.test(sentence.slice(end));
  const deltaVerb = DELTA_VERB.test(windowBefore);
  const averageRate = AVERAGE_CUE.test(windowBefore.slice(-40)) || around.growthIndicator;
  const changeReason: ChangeReason = ratio
    ? 'ratio'
    : ofPlan
      ? 'of_plan'
      : baselineAfter || soVoiAfter || (baselineBefore && deltaVerb)
        ? 'baseline'
        : deltaVerb && around.previousFigureInClause !== null && !averageRate
          ? 'delta_after_level'
          : /giảm\s*(?:được\s*)?$/iu.test(windowBefore) && around.unitKind === 'count'
            ? 'reduction'
            : null;

  // Cues are read between the previous figure and this one; the first figure of a clause also
  // inherits the cues of the sentence's head ("bình quân hằng năm …, trong đó: …").
  const cueText = `${around.sentenceHead} ${windowBefore}`;
  const percentAverage =
    around.unitKind === 'percent' &&
    (/^\s*\/\s*năm/iu.test(sentence.slice(end)) ||
      ((around.growthIndicator || /tăng trưởng|tốc độ tăng/iu.test(before)) &&
        /bình quân(?!\s*(?:đầu người|\/người))/iu.test(before)));
  // "toàn tỉnh có 225 trường": a standing level, whatever the sentence said before it.
  // "1.047 tập thể, 1.745 cá nhân được khen thưởng": things done to what was counted.
  // "… 1.745 cá nhân được các cấp, các ngành biểu dương": the doers may stand between.
  const doneAfter =
    /^(?:[^;:.]|\.\d){0,60}?(?:được|đã)\s+(?:các\s+\p{L}+,?\s+){0,3}(?:khen thưởng|biểu dương|kết nạp|kỷ luật|cấp|hỗ trợ|đào tạo)/iu.test(
      sentence.slice(end),
    );
  const standing =
    /\(\s*$/.test(windowBefore) ||
    (LEVEL_CUE.test(windowBefore) &&
      !TOTAL_CUE.test(windowBefore) &&
      !(doneAfter && !/hiện có|đến nay|hiện nay|còn/iu.test(windowBefore)));
  // "GRDP bình quân đầu người giai đoạn 2021 - 2022 đạt 49,26 triệu đồng": a per-person level over
  // several years is their average.
  const perPerson = /bình quân đầu người|\/người/iu.test(cueText);
  const average =
    !standing &&
    (AVERAGE_CUE.test(cueText) ||
      percentAverage ||
      (perPerson &&
        periods.some(
          (period) => period.role !== 'baseline' && period.from !== period.to && period.end <= start,
        )));
  const eachYear =
    !standing && !average && (EACH_YEAR_CUE.test(cueText) || /^\s*\/\s*năm/iu.test(sentence.slice(end)));
  const added = (ADDED_CUE.test(clauseBefore) || ADDED_CUE.test(cueText)) && !standing;
  const total = !standing && (TOTAL_CUE.test(cueText) || added || changeReason === 'reduction');
  const action = !standing && around.unitKind !== 'percent' && (ACTION_CUE.test(windowBefore) || doneAfter);

  const head = around.sentenceHead.length;
  let explicit = choosePeriod(sentence, periods, start, end, around.clauseStart, head);
  // "gấp 2,0 lần năm 2020": the year after a ratio is its base, not its period.
  let ratioBase: number | null = null;
  if (ratio && explicit?.rightAfter) {
    ratioBase = explicit.from;
    const baseStart = explicit.start;
    const rest = periods.filter((period) => period.start !== baseStart);
    explicit = choosePeriod(sentence, rest, start, end, around.clauseStart, head);
    if (explicit?.rightAfter) explicit = null;
  }
  const defaultRange = frame.period;
  // "từ 43,4% lên 55%": the first figure is the level before the period began.
  const fromLevel =
    /từ\s*$/iu.test(windowBefore) &&
    /^(?:[^\d;]|(?:19|20)\d\d){0,40}?(?<!trở\s)\b(?:lên|xuống)\b/iu.test(clauseAfter);
  const toLevel = /(?:lên|xuống|xuống còn)\s*(?:mức\s*)?$/iu.test(windowBefore);
  let periodStart: number;
  let periodEnd: number;
  let basis: Basis = 'level';
  // A growth rate over several years is a yearly average, not a sum.
  const growthRate =
    around.unitKind === 'percent' && (around.growthIndicator || /tăng trưởng|tốc độ tăng/iu.test(before));
  if (explicit && explicit.from !== explicit.to) {
    [periodStart, periodEnd] = [explicit.from, explicit.to];
    basis = average || (growthRate && !eachYear) ? 'annual_avg' : eachYear ? 'each_year' : 'total';
  } else if (explicit && explicit.rightAfter) {
    periodStart = periodEnd = explicit.from;
  } else if (fromLevel && defaultRange[0] !== defaultRange[1]) {
    periodStart = periodEnd = defaultRange[0] - 1;
  } else if (toLevel && !explicit) {
    periodStart = periodEnd = defaultRange[1];
  } else if (around.unit === 'chỉ tiêu') {
    // How many targets a plan set or met: a count over the whole plan period.
    [periodStart, periodEnd] = defaultRange;
    basis = 'total';
  } else if (
    explicit &&
    explicit.role === 'period' &&
    explicit.start >= (around.previousFigureEnd ?? 0) &&
    !AVERAGE_CUE.test(windowBefore) &&
    !EACH_YEAR_CUE.test(windowBefore)
  ) {
    // "(năm 2021 đạt 6,67%, …)": a year named for this figure alone.
    periodStart = periodEnd = explicit.from;
  } else if (explicit && (average || eachYear || total || action) && changeReason !== 'baseline') {
    // A rate or flow up to a named year: from the start of its plan period to that year.
    const term = termAround(explicit.from);
    const single = defaultRange[0] === defaultRange[1];
    [periodStart, periodEnd] = single
      ? [explicit.from, explicit.from]
      : [explicit.role === 'until' ? term[0] : term[0], explicit.role === 'until' ? explicit.from : term[1]];
    // "năm 2019 có 09 sản phẩm": a named year is that year, even for things done in it.
    if (!(average || eachYear) && explicit.role !== 'until' && !added)
      [periodStart, periodEnd] = [explicit.from, explicit.from];
    basis =
      periodStart === periodEnd && !(average || eachYear)
        ? 'level'
        : average
          ? 'annual_avg'
          : eachYear
            ? 'each_year'
            : 'total';
  } else if (explicit) {
    periodStart = periodEnd = explicit.from;
  } else if (
    changeReason === 'delta_after_level' &&
    previous &&
    previous.periodStart !== previous.periodEnd
  ) {
    [periodStart, periodEnd] = [previous.periodStart, previous.periodEnd];
    basis = previous.basis;
  } else if (
    changeReason === 'reduction' ||
    changeReason === 'of_plan' ||
    previousTermBase ||
    (changeReason === 'delta_after_level' && around.unitKind === 'count') ||
    (changeReason === 'baseline' &&
      (baselineAfter ?? baselineBefore) !== undefined &&
      (baselineAfter ?? baselineBefore)!.from !== (baselineAfter ?? baselineBefore)!.to)
  ) {
    // A change against a plan or a previous term is over the whole period.
    [periodStart, periodEnd] = defaultRange;
    basis = eachYear ? 'each_year' : 'total';
  } else if (
    (average || eachYear || total || action) &&
    changeReason !== 'baseline' &&
    changeReason !== 'delta_after_level'
  ) {
    [periodStart, periodEnd] = defaultRange;
    basis = average ? 'annual_avg' : eachYear ? 'each_year' : 'total';
  } else {
    periodStart = periodEnd = defaultRange[1];
  }

  // "cao hơn giai đoạn trước (6,1%)": the bracketed figure is the previous plan period's.
  const previousTermGloss = /(?:giai đoạn|nhiệm kỳ|thời kỳ|khóa|khoá)\s+trước\s*\(\s*$/iu.test(windowBefore);
  if (previousTermGloss && periodEnd - periodStart === 4)
    [periodStart, periodEnd] = [periodStart - 5, periodEnd - 5];

  // A figure with no words of its own after another one ("sáp nhập 51 … thành 25 …", "giảm 42
  // trường học, 22 trạm") is read as the one before it.
  const ownWords =
    changeReason !== null ||
    (explicit !== null && explicit.start >= 0) ||
    previousTermGloss ||
    fromLevel ||
    toLevel ||
    DELTA_VERB.test(windowBefore) ||
    AVERAGE_CUE.test(windowBefore) ||
    EACH_YEAR_CUE.test(windowBefore) ||
    TOTAL_CUE.test(windowBefore) ||
    LEVEL_CUE.test(windowBefore) ||
    ACTUAL_CUE.test(windowBefore) ||
    TARGET_CUE.test(windowBefore) ||
    /so với|tương đương|gấp|bằng|chiếm/iu.test(windowBefore);
  const sameList = around.previousFigureInClause !== null || /trong đó/iu.test(windowBefore);
  if (
    previous &&
    sameList &&
    !ownWords &&
    (previous.changeReason === null ||
      previous.changeReason === 'reduction' ||
      previous.changeReason === 'delta_after_level')
  ) {
    if (previous.changeReason === null || around.unitKind === 'count') {
      return {
        ...previous,
        comparator,
        negative: previous.negative,
        isEstimate: previous.isEstimate || (ESTIMATE_CUE.test(windowBefore) && previous.measure !== 'target'),
      };
    }
  }

  // A flow or an average over one year is that year's value.
  if (periodStart === periodEnd && (basis === 'total' || basis === 'annual_avg')) basis = 'level';

  // Cues for target or result are read since the previous figure of the clause.
  const ownClause = sentence.slice(Math.max(around.clauseStart, around.previousFigureEnd ?? 0), start);
  const targetCue = TARGET_CUE.test(ownClause) && !ofPlan;
  const actualCue = ACTUAL_CUE.test(ownClause);
  const doneCue = /(?:^|\s)đã\s/iu.test(ownClause) || /đạt được|kết quả/iu.test(ownClause);
  let measure: Measure;
  if (changeReason) measure = 'change';
  else if (periodEnd > frame.issueYear && !(doneCue && periodStart <= frame.issueYear)) measure = 'target';
  else if (targetCue && !/thực hiện|đạt được|kết quả/iu.test(clauseBefore.slice(-40))) measure = 'target';
  else if (frame.mode === 'target' && !actualCue && !explicit) measure = 'target';
  else measure = 'actual';

  const isEstimate =
    measure !== 'target' && ESTIMATE_CUE.test(clauseBefore.slice(-60)) && periodEnd >= frame.issueYear - 1;

  let baseYear: number | null = null;
  if (measure === 'change') {
    const baseline = baselineAfter ?? baselineBefore;
    if (ratioBase !== null) baseYear = ratioBase;
    else if (baseline) baseYear = baseline.from;
    else if (previousTermBase) baseYear = termAround(periodStart)[0] - 5;
    else if (changeReason !== 'of_plan' && changeReason !== 'reduction')
      baseYear = termAround(periodEnd)[0] - 1;
  }
  const negative =
    /giảm\s*(?:được\s*)?(?:bình quân\s*)?(?:khoảng\s*|trên\s*|hơn\s*|gần\s*)?$/iu.test(windowBefore) &&
    !/^\s*(?:xuống|còn)/iu.test(clauseAfter);
  return {
    comparator,
    measure,
    isEstimate,
    periodStart,
    periodEnd,
    basis,
    baseYear,
    negative,
    changeReason,
    isLevel: fromLevel || toLevel || standing,
  };
}

/** "(theo tiêu chí giai đoạn 2016 - 2020)" names the criteria, not the figure's period. */
function insideCriteriaNote(sentence: string, period: PeriodMention): boolean {
  return /theo\s+(?:tiêu chí|chuẩn|phương pháp|giá)[^()]{0,30}$/iu.test(
    sentence.slice(Math.max(0, period.start - 40), period.start),
  );
}

/** The period written for a figure: a year right after it, else the nearest before it in its sentence. */
function choosePeriod(
  sentence: string,
  periods: PeriodMention[],
  start: number,
  end: number,
  clauseStart: number,
  headEnd: number,
): (PeriodMention & { rightAfter?: boolean }) | null {
  // "cao hơn giai đoạn 2016 - 2020 (5,2%) và đạt …": a period glossed by a figure in brackets is
  // that figure's alone; the figures after it keep the sentence's own period.
  const usable = periods.filter(
    (period) => period.role !== 'baseline' && !boundToBracketedFigure(sentence, period, start),
  );
  // "54,5% năm 2015": a year written right after the figure, with nothing between them.
  const rightAfter = usable.find(
    (period) =>
      period.start >= end && /^\s*$/.test(sentence.slice(end, period.start)) && period.from === period.to,
  );
  if (rightAfter) return { ...rightAfter, rightAfter: true };
  // "năm 2022: 54/63": a period followed by a colon labels the clause after it.
  const labelStart = /[^:]*?:\s*$/u.test(sentence.slice(0, clauseStart))
    ? (usable.find((period) => /^\s*:\s*$/u.test(sentence.slice(period.end, clauseStart)))?.start ??
      clauseStart)
    : clauseStart;
  const beforeInClause = usable.filter((period) => period.end <= start && period.start >= labelStart);
  if (beforeInClause.length > 0) return beforeInClause[beforeInClause.length - 1] ?? null;
  // Otherwise only a period set at the head of the sentence covers its later clauses.
  const inHead = usable.filter((period) => period.end <= Math.min(start, headEnd));
  return inHead[inHead.length - 1] ?? null;
}

function boundToBracketedFigure(sentence: string, period: PeriodMention, figureStart: number): boolean {
  const bracket = /^\s*\(\s*\d[^()]*\)/u.exec(sentence.slice(period.end));
  return bracket !== null && figureStart >= period.end + bracket[0].length;
}
