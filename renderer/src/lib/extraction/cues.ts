import { withoutFootnoteRefs } from './clean-line.ts';
import { lexiconRegex } from './lexicon.ts';
import type { Comparator } from './observation.ts';
import { choosePeriod, type ChosenPeriod } from './choose-period.ts';
import type { PeriodMention } from './periods.ts';
import { sentenceFacts, testBefore, testEndingBefore } from './sentence-facts.ts';
import type { FigureSurroundings, Frame } from './figure-context.ts';

/** Why a figure reads as a change, if it does. */
export type ChangeReason =
  'ratio' | 'of_plan' | 'baseline' | 'delta_after_level' | 'reduction' | 'expansion' | null;

export type { ChosenPeriod } from './choose-period.ts';

/**
 * Everything the reading rules look at, computed once per figure from its sentence: the words
 * around it (verbs, cue words), the periods written, and the reading of the figure before it.
 */
export interface Cues {
  frame: Frame;
  unitKind: FigureSurroundings['unitKind'];
  unit: string;
  comparator: Comparator;
  /** The period written for this figure (after a ratio's base year is set aside). */
  explicit: ChosenPeriod | null;
  /** The written period stands after the previous figure: it is this figure's own. */
  explicitOwn: boolean;
  /** "gấp 2,0 lần năm 2020": the year after a ratio, its base. */
  ratioBase: number | null;
  baseline: PeriodMention | null;
  /** The comparison base has several years ("so với giai đoạn 2016 - 2020"). */
  baselineIsRange: boolean;
  /** "so với khóa XV", "so với giai đoạn trước". */
  previousTermBase: boolean;
  changeReason: ChangeReason;
  /** "tăng", "giảm" right before the figure. */
  deltaVerb: boolean;
  /** "bình quân hằng năm", "… /năm" for a percentage, a per-person level over years. */
  average: boolean;
  eachYear: boolean;
  /** Average or each-year words since the previous figure (not inherited from the sentence's head). */
  averageSincePrevious: boolean;
  eachYearSincePrevious: boolean;
  /** Summed over the period: "tổng … 5 năm", "lũy kế", "thêm", a reduction. */
  total: boolean;
  added: boolean;
  /** Things done in the period (a flow): "đã cử", "thành lập", "… được khen thưởng". */
  action: boolean;
  /** A standing level: "có", "hiện có", "toàn tỉnh có", "đến nay", a bracket after a figure. */
  standing: boolean;
  /** A growth rate: the indicator is one, or "tăng trưởng", "tốc độ tăng" before a percentage. */
  growthRate: boolean;
  /** "từ 43,4% lên 55%": the first end of a movement, and the second. */
  fromLevel: boolean;
  toLevel: boolean;
  /** "cao hơn giai đoạn trước (6,1%)". */
  previousTermGloss: boolean;
  /** The figure has words of its own since the previous figure (else it reads as that one). */
  ownWords: boolean;
  /** In a list with the previous figure: same clause, or "trong đó", or a bracket after it. */
  sameList: boolean;
  /** An elaboration of the figure before it: "(…)", "trong đó", a footnote of it. */
  elaboration: boolean;
  previous: FigureSurroundings['previousReading'];
  /** "281 cơ sở (tăng 21,6%) và 498 cơ sở": a bracket closed since the previous figure. */
  bracketClosedSincePrevious: boolean;
  /** "so với đầu nhiệm kỳ": a level now against the start of the term, a change at the end. */
  sinceTermStart: boolean;
  targetCue: boolean;
  actualCue: boolean;
  doneCue: boolean;
  /** "thực hiện", "đạt được", "kết quả" just before: a target word there names what was achieved. */
  resultWordNear: boolean;
  /** "ước", "dự kiến" shortly before the figure. */
  estimateCue: boolean;
  /** Estimate words since the previous figure (a list item inheriting its estimate). */
  estimateSincePrevious: boolean;
  /** "giảm" before it and not "xuống còn" after it. */
  negative: boolean;
  /** The figure is money: an amount of a flow (revenue, investment, turnover). */
  money: boolean;
  /** The clause names a stock (lexicon stockNouns: "dư nợ", "quy mô", "GRDP"), not a flow. */
  stockNoun: boolean;
  /** The frame reviews several years (a congress or 5-year review). */
  multiYearReview: boolean;
  /** "Ban Chấp hành … nhiệm kỳ 2025 - 2030 gồm 52 đồng chí": the make-up of a body, a level now. */
  composition: boolean;
}

// "chương trình mục tiêu quốc gia", "hoàn thành mục tiêu 150 xã" name something, they set no target.
const TARGET_WORD = lexiconRegex('targetWords');
const TARGET_AS_NAME = lexiconRegex('targetAsName');
const ACTUAL_WORD = lexiconRegex('actualWords');
// Not inside a word: "được" holds no "ước".
const ESTIMATE_WORD = lexiconRegex('estimateWords', '(?<![\\p{L}])');
// "bình quân" alone is an average across units (per capita, per commune); over time it names a year.
const AVERAGE_CUE =
  /bình quân(?!\s*(?:đầu người|\/người|mỗi người|một người))\s*(?:\p{L}+\s+){0,2}(?:hằng năm|hàng năm|mỗi năm|năm|giai đoạn|cả giai đoạn|\/năm)|(?:tăng|giảm)\s+bình quân|bình quân\s+(?:tăng|giảm)|trung bình\s*(?:hằng năm|hàng năm|mỗi năm)/iu;
const EACH_YEAR_CUE = lexiconRegex('eachYearWords');
// "Tổng thu từ khách du lịch" sums across sources, not years: a total over time needs a span word.
// `(?<!\w)` is the `\b` before "5", written so because `\b` under /iu is slow.
export const TOTAL_CUE = new RegExp(
  String.raw`(?<!\w)5 năm|sau \d+ năm|${lexiconRegex('totalWords').source}`,
  'iu',
);
const ADDED_CUE = lexiconRegex('addedWords', '(?<![\\p{L}])');
// "mở rộng thêm 1.000 ha": by how much a level grew, a change of it.
const EXPANSION_BEFORE = lexiconRegex(
  'expansionWords',
  '(?<![\\p{L}])',
  '\\s*(?:khoảng\\s*|trên\\s*|hơn\\s*|gần\\s*)?$',
);
const COMPOSITION_BEFORE = lexiconRegex('compositionWords', '(?<![\\p{L}])', '\\s*$');
// A predicate of the figure's own after the previous one: "…, diện tích đạt 4.600 ha".
const OWN_PREDICATE = /(?:^|[\s,;:])(?:đạt|có|là|còn)\s/iu;
// "960 tỷ đồng (chiếm 2,40%)": a share of the amount before it.
const SHARE_OF_PREVIOUS = /^[\s,]*\(\s*(?:chiếm|bằng|tương đương)\s*(?:khoảng\s*|trên\s*|hơn\s*|gần\s*)?$/iu;
const FLOW_VERB = lexiconRegex('flowVerbs', '(?<![\\p{L}])');
// Verbs of things done, with what they did it to: "đã … kết nạp", "được … khen thưởng".
const DONE_BEFORE = new RegExp(
  `(?:đã|được)\\s+(?:\\p{L}+\\s+){0,3}?${lexiconRegex('doneVerbs').source}`,
  'iu',
);
const LEVEL_CUE =
  /(?:(?:hiện có|toàn tỉnh có|đến nay|hiện nay|còn)\s*(?:\p{L}+\s+){0,3}|(?:^|[\s,;:])có\s+(?:trên\s+|hơn\s+|khoảng\s+|gần\s+)?)$/iu;
const OF_PLAN_AFTER = /^\s*(?:so với\s+)?(?:kế hoạch|chỉ tiêu|mục tiêu|dự toán|nghị quyết)/iu;
const DELTA_VERB =
  /(tăng|giảm)\s*(?:thêm\s*)?(?:được\s*)?(?:bình quân\s*)?(?:khoảng\s*|trên\s*|hơn\s*|gần\s*)?$/iu;
const DONE_AFTER = new RegExp(
  `^(?:[^;:.]|\\.\\d){0,60}?(?:được|đã)\\s+(?:các\\s+\\p{L}+,?\\s+){0,3}${lexiconRegex('doneVerbs').source}`,
  'iu',
);
// "Có 23 dự án đã được UBND tỉnh quyết định …" is done; "có 229 vùng trồng được cấp mã số" is a state.
const DONE_AFTER_PAST = new RegExp(
  `^(?:[^;:.]|\\.\\d){0,60}?đã\\s+(?:được\\s+)?(?:\\p{L}+,?\\s+){0,3}?${lexiconRegex('doneVerbs').source}`,
  'iu',
);
// "… được các cấp, các ngành biểu dương": done by someone, an event of the period.
const DONE_BY_DOERS = new RegExp(
  `^(?:[^;:.]|\\.\\d){0,60}?được\\s+(?:các\\s+\\p{L}+,?\\s+){1,3}${lexiconRegex('doneVerbs').source}`,
  'iu',
);
// "Phê duyệt … 11/15 đô thị; 02 quy hoạch …": a sentence opened by a verb reports things done.
const OPENING_VERB = new RegExp(
  `^[\\s\\-+•*–]*(?:đã\\s+)?${lexiconRegex(['doneVerbs', 'flowVerbs']).source}`,
  'iu',
);
// "… 229 vùng trồng, với diện tích 1.275,1 ha": an attribute of the figure before it.
const ATTRIBUTE_OF_PREVIOUS =
  /^[\s,;(]*(?:với|có|gồm)?\s*(?:tổng\s+)?(?:diện tích|công suất|chiều dài|tổng vốn|vốn đăng ký|số tiền|trị giá)\s*(?:đạt|là|khoảng|trên|hơn|gần)?\s*$/iu;
// "Na diện tích 3.200 ha", "diện tích đạt 2.250 ha": the area of something is a stock, whatever verb opened the sentence.
const STOCK_ATTRIBUTE_BEFORE = lexiconRegex(
  'stockAttributes',
  // "tổng diện tích" of things counted before sums their areas: an attribute of that figure.
  '(?<![\\p{L}])(?<!tổng\\s+)',
  '\\s*(?:đạt|là)?\\s*(?:từ|khoảng|trên|hơn|gần)?\\s*$',
);
const ONGOING_BEFORE = lexiconRegex('ongoingWords', '(?<![\\p{L}])', '\\s+(?:\\p{L}+\\s+){0,4}$');
const MONEY_UNIT = /đồng|USD/u;
// "được duy trì trên 99%", "Duy trì 100% …": held every year of the period.
const MAINTAINED = new RegExp(
  `${lexiconRegex('maintainWords').source}\\s*(?:ổn định\\s*)?(?:ở\\s*)?(?:mức\\s*)?(?:trên|từ|khoảng|đạt)?\\s*$`,
  'iu',
);
// "Đã kiểm sát 100% các vụ án": a share of things done in the period.
const PERCENT_DONE = new RegExp(
  `(?:đã|được)\\s+(?:\\p{L}+\\s+){0,2}?${lexiconRegex('doneVerbs').source}\\s*(?:được\\s*)?$`,
  'iu',
);
// A clause opened by "có": a stock predicate of its own after whatever verb opened the sentence.
const CLAUSE_OPENING_CO = /[;:]\s*(?:hiện\s+|toàn tỉnh\s+)?có\s/iu;
const CUMULATIVE_STOCK = /(?:lũy|luỹ) kế[^.;]{0,30}\scó\s/iu;
const STOCK_NOUN = lexiconRegex('stockNouns', '(?<![\\p{L}])');
// Cues read in all the text before a figure, each with the word every match of it starts with.
const RATIO_WORD = /gấp/giu;
const RATIO_BEFORE = /gấp\s*(?:khoảng\s*|hơn\s*|gần\s*)?$/iu;
const GROWTH_WORD = /tăng trưởng|tốc độ tăng/giu;
const GROWTH_BEFORE = /tăng trưởng|tốc độ tăng/iu;
const AVERAGE_WORD = /bình quân/giu;
const AVERAGE_NOT_PER_PERSON = /bình quân(?!\s*(?:đầu người|\/người))/iu;
const CLAUSE_MARK = /[;:]/gu;

/** The cues read in all the text before a figure, each as [its first word, its pattern] (tested against the plain regex). */
export const PREFIX_CUES = {
  ratio: [RATIO_WORD, RATIO_BEFORE],
  growthWord: [GROWTH_WORD, GROWTH_BEFORE],
  averageNotPerPerson: [AVERAGE_WORD, AVERAGE_NOT_PER_PERSON],
  clauseOpeningCo: [CLAUSE_MARK, CLAUSE_OPENING_CO],
} as const;

// ", 125 điểm trường và 30 phòng" right after a figure: items of its list, before what closes it.
const LIST_ITEMS = /^(?:\s*(?:,|và)\s*\d[\d.]*(?:,\d+)?\s+\p{L}+(?:\s+\p{L}+){0,3}?)+(?=\s+so với\s)/u;

/** What follows a figure, past the bare items of its coordinated list. */
function pastListItems(after: string): string {
  return after.replace(LIST_ITEMS, ' ');
}

function comparatorOf(before: string, after: string): Comparator {
  const tail = before.slice(-28);
  if (/^\s*trở lên/iu.test(after) || /(≥|không dưới|tối thiểu|ít nhất)\s*$/iu.test(tail)) return '>=';
  if (/(≤|không quá|tối đa|không vượt quá)\s*$/iu.test(tail)) return '<=';
  if (/(<|dưới|thấp hơn)\s*$/iu.test(tail)) return '<';
  if (/(>|trên|hơn|vượt|cao hơn)\s*$/iu.test(tail)) return '>';
  if (/(khoảng|gần|xấp xỉ|chừng)\s*$/iu.test(tail)) return '~';
  return '=';
}

// Compiled once: `replace` with a global regex starts from the beginning whatever its lastIndex.
const TARGET_AS_NAME_ALL = new RegExp(TARGET_AS_NAME.source, 'giu');

/** A target word that is not part of a name ("chương trình mục tiêu", "hoàn thành chỉ tiêu"). */
function setsTarget(text: string): boolean {
  return TARGET_WORD.test(text.replace(TARGET_AS_NAME_ALL, ' '));
}

/** The cues of one figure (computed once; the rules only read them). */
export function readCues(around: FigureSurroundings, frame: Frame): Cues {
  const { sentence, start, end } = around;
  const before = sentence.slice(0, start);
  const clauseBefore = sentence.slice(around.clauseStart, start);
  const clauseAfter = sentence.slice(end, around.clauseEnd);
  const windowBefore = sentence.slice(around.previousFigureEnd ?? 0, start);
  const afterFigure = sentence.slice(end);
  const facts = sentenceFacts(sentence);
  const written = [...facts.written];
  // "tăng trưởng", "tốc độ tăng" before a percentage: asked only when the indicator does not say so.
  const growthWordBefore =
    around.unitKind === 'percent' &&
    !around.growthIndicator &&
    testBefore(facts, GROWTH_WORD, GROWTH_BEFORE, start);
  // A carried period ("Hết năm 2024, …") holds unless the sentence names its own (a base does not count).
  const ownPeriod = written.some((period) => period.role !== 'baseline');
  const periods = !ownPeriod && around.carriedPeriod ? [around.carriedPeriod, ...written] : written;

  // A comparison base after the figure counts only when no other figure stands between them.
  const baselineAfter = periods.find(
    (period) =>
      period.role === 'baseline' &&
      period.start >= end &&
      period.end <= around.clauseEnd &&
      !/\d/.test(pastListItems(withoutFootnoteRefs(sentence.slice(end, period.start)))),
  );
  const baselineBefore = periods.find(
    // A ratio's base another figure already used ("gấp 2,0 lần năm 2020, … tăng 15,98%") is not this one's.
    (period) =>
      period.role === 'baseline' &&
      period.end <= start &&
      period.start >= around.clauseStart &&
      !(
        around.previousFigureEnd !== null &&
        /lần\s+(?:so với\s+)?$/iu.test(sentence.slice(Math.max(0, period.start - 12), period.start))
      ),
  );
  // "giảm 45 trường, 125 điểm trường so với …": the base closing a list is every item's.
  const plainAfter = pastListItems(withoutFootnoteRefs(clauseAfter));
  // "so với Nghị quyết" compares with a plan: a change only for a percentage of it.
  const soVoiAfter = /^[^\d]{0,40}?so với(?!\s+(?:nghị quyết|kế hoạch|chỉ tiêu|mục tiêu|dự toán))/iu.test(
    plainAfter,
  );
  const previousTermBase =
    /^[^\d]{0,40}?so với\s+(?:khóa|khoá|nhiệm kỳ|giai đoạn|thời kỳ)\s+(?:trước|[IVXLC]+\b)/iu.test(
      plainAfter,
    );
  const ratio = testEndingBefore(facts, RATIO_WORD, RATIO_BEFORE, start);
  const ofPlan = around.unitKind === 'percent' && OF_PLAN_AFTER.test(afterFigure);
  const deltaVerb = DELTA_VERB.test(windowBefore);
  // Cues several rules ask of the words since the previous figure: each read once.
  const levelCue = LEVEL_CUE.test(windowBefore);
  const totalInWindow = TOTAL_CUE.test(windowBefore);
  const averageInWindow = AVERAGE_CUE.test(windowBefore);
  const eachYearInWindow = EACH_YEAR_CUE.test(windowBefore);
  const bareCo = /(?:^|[\s,;:])có\s+(?:trên\s+|hơn\s+|khoảng\s+|gần\s+)?$/iu.test(windowBefore);
  const averageRate = AVERAGE_CUE.test(windowBefore.slice(-40)) || around.growthIndicator;
  const changeReason: ChangeReason = ratio
    ? 'ratio'
    : ofPlan
      ? 'of_plan'
      : baselineAfter || soVoiAfter || (baselineBefore && deltaVerb)
        ? 'baseline'
        : deltaVerb &&
            around.previousFigureInClause !== null &&
            (!averageRate || /\(\s*(?:tăng|giảm)[^()]*$/iu.test(windowBefore))
          ? 'delta_after_level'
          : /giảm\s*(?:được\s*)?$/iu.test(windowBefore) && around.unitKind === 'count'
            ? 'reduction'
            : EXPANSION_BEFORE.test(windowBefore) && around.unitKind !== 'percent'
              ? 'expansion'
              : null;

  // Cues are read between the previous figure and this one; the first figure of a clause also
  // inherits the cues of the sentence's head ("bình quân hằng năm …, trong đó: …").
  const head = around.sentenceHead.length;
  let explicit = choosePeriod(sentence, periods, start, end, around.clauseStart, head);
  // "Hết năm 2024, toàn tỉnh có …" dates the stocks after it; a flow keeps the review's period
  // unless the opening itself dated flows.
  // Asked for the period and again for the action: read once, and only when asked.
  let doneOrFlowBefore: boolean | undefined;
  const doneOrFlowVerbBefore = (): boolean =>
    (doneOrFlowBefore ??= DONE_BEFORE.test(windowBefore) || FLOW_VERB.test(windowBefore));
  const flowish = MONEY_UNIT.test(around.unit) || doneOrFlowVerbBefore();
  if (explicit?.start === -1 && !explicit.datesFlows && frame.period[0] !== frame.period[1] && flowish)
    explicit = null;
  let ratioBase: number | null = null;
  if (ratio && explicit?.rightAfter) {
    ratioBase = explicit.from;
    const baseStart = explicit.start;
    const rest = periods.filter((period) => period.start !== baseStart);
    explicit = choosePeriod(sentence, rest, start, end, around.clauseStart, head);
    if (explicit?.rightAfter) explicit = null;
  }
  // Cues bind to their own predicate: the head's "hằng năm" does not reach a figure whose clause
  // names its own rate or its own period ("…, tỷ lệ che phủ rừng đến năm 2025 đạt 64,5%").
  const ownPredicate =
    around.previousFigureEnd !== null &&
    ((explicit !== null && explicit.start >= around.previousFigureEnd) || /tỷ lệ/iu.test(windowBefore));
  const cueText = ownPredicate ? windowBefore : `${around.sentenceHead} ${windowBefore}`;
  const perYearAfter = /^\s*\/\s*năm/iu.test(afterFigure);
  const percentAverage =
    around.unitKind === 'percent' &&
    (perYearAfter ||
      ((around.growthIndicator || growthWordBefore) &&
        testBefore(facts, AVERAGE_WORD, AVERAGE_NOT_PER_PERSON, start)));
  const doneAfter = DONE_AFTER.test(afterFigure);
  const bracketed = /\(\s*$/.test(windowBefore);
  const stockAttribute = STOCK_ATTRIBUTE_BEFORE.test(windowBefore);
  // "đang triển khai thực hiện 02/08 đồ án": what is under way is the state at the document's date.
  const ongoing = ONGOING_BEFORE.test(windowBefore);
  // "Có 23 dự án đã được … quyết định": a bare "có" counting things done in the period.
  const existentialDone = bareCo && (DONE_AFTER_PAST.test(afterFigure) || DONE_BY_DOERS.test(afterFigure));
  const standing =
    bracketed ||
    stockAttribute ||
    ongoing ||
    (levelCue &&
      // "lũy kế toàn tỉnh có 02 khu": what has accumulated is a stock.
      (!totalInWindow || CUMULATIVE_STOCK.test(windowBefore)) &&
      !((bareCo ? existentialDone : doneAfter) && !/hiện có|đến nay|hiện nay|còn/iu.test(windowBefore)));
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
    !standing &&
    !average &&
    (EACH_YEAR_CUE.test(cueText) ||
      perYearAfter ||
      (explicit === null && frame.period[0] !== frame.period[1] && MAINTAINED.test(windowBefore)));
  // "thêm" binds to its own predicate: "mở rộng thêm 1.000 ha, diện tích đạt 4.600 ha" adds only the first.
  const ownVerb = around.previousFigureEnd !== null && OWN_PREDICATE.test(windowBefore);
  const added =
    (ownVerb ? ADDED_CUE.test(windowBefore) : ADDED_CUE.test(clauseBefore) || ADDED_CUE.test(cueText)) &&
    !standing;
  const total = !standing && (TOTAL_CUE.test(cueText) || added || changeReason === 'reduction');
  const action =
    !standing &&
    (around.unitKind === 'percent'
      ? PERCENT_DONE.test(windowBefore)
      : doneOrFlowVerbBefore() ||
        doneAfter ||
        existentialDone ||
        // Counted things only: "Hình thành … vùng: Na diện tích 3.200 ha" gives the zones' areas.
        (around.unitKind === 'count' &&
          OPENING_VERB.test(sentence) &&
          !levelCue &&
          // "Xây dựng … chuỗi; có 229 vùng trồng …, trong đó …; 178 mã …": a later "có" took over.
          !testBefore(facts, CLAUSE_MARK, CLAUSE_OPENING_CO, start)));

  // "từ 1.705 thôn … thành 1.646 thôn": a merger's two ends are levels too.
  const fromLevel =
    /từ\s*$/iu.test(windowBefore) &&
    /^(?:[^\d;]|(?:19|20)\d\d){0,40}?(?<!trở\s)(?<!hoàn\s)(?<!hình\s)(?<![\p{L}])(?:lên|xuống|thành)(?![\p{L}])/iu.test(
      clauseAfter,
    );
  const toLevel =
    /(?:lên|xuống|xuống còn)\s*(?:mức\s*)?$/iu.test(windowBefore) ||
    (/(?<![\p{L}])(?<!hoàn\s)(?<!hình\s)thành\s*$/iu.test(windowBefore) &&
      /(?<![\p{L}])từ\s*[\d.,]+[^\d;]*$/iu.test(sentence.slice(around.clauseStart, start)));
  const growthRate = around.unitKind === 'percent' && (around.growthIndicator || growthWordBefore);
  const previousTermGloss = /(?:giai đoạn|nhiệm kỳ|thời kỳ|khóa|khoá)\s+trước\s*\(\s*$/iu.test(windowBefore);
  const ownWords =
    changeReason !== null ||
    (explicit !== null && explicit.start >= (around.previousFigureEnd ?? 0)) ||
    previousTermGloss ||
    fromLevel ||
    toLevel ||
    deltaVerb ||
    averageInWindow ||
    eachYearInWindow ||
    totalInWindow ||
    levelCue ||
    stockAttribute ||
    ongoing ||
    ACTUAL_WORD.test(windowBefore) ||
    TARGET_WORD.test(windowBefore) ||
    /so với|tương đương|gấp|bằng|chiếm|tỷ lệ/iu.test(windowBefore);
  const ownClause = sentence.slice(Math.max(around.clauseStart, around.previousFigureEnd ?? 0), start);
  const targetInOwnClause = setsTarget(ownClause);
  const baseline = baselineAfter ?? baselineBefore ?? null;
  return {
    frame,
    unitKind: around.unitKind,
    unit: around.unit,
    comparator: comparatorOf(before, afterFigure),
    explicit,
    explicitOwn: explicit !== null && explicit.start >= (around.previousFigureEnd ?? 0),
    ratioBase,
    baseline,
    baselineIsRange: baseline !== null && baseline.from !== baseline.to,
    previousTermBase,
    changeReason,
    deltaVerb,
    average,
    eachYear,
    averageSincePrevious: averageInWindow,
    eachYearSincePrevious: eachYearInWindow,
    total,
    added,
    action,
    standing,
    growthRate,
    fromLevel,
    toLevel,
    previousTermGloss,
    ownWords,
    sameList: around.previousFigureInClause !== null || /trong đó/iu.test(windowBefore),
    elaboration:
      (around.previousReading === null &&
        (around.footnoteOf ?? null) !== null &&
        // A footnote's figure with words of its own (a verb, a period) is read by them.
        !action &&
        !average &&
        !eachYear &&
        !total &&
        explicit === null &&
        // "Trong đó: Ngân sách Trung ương: …" details the figure; "Vùng rau đạt …" gives examples.
        /^[\s\d]*(?:trong đó|bao gồm|gồm|cụ thể)/iu.test(sentence) &&
        !levelCue &&
        !/hiện có|toàn tỉnh có/iu.test(windowBefore)) ||
      (around.previousReading !== null &&
        (bracketed ||
          /trong đó\s*:?\s*(?:\p{L}+\s+){0,8}$/iu.test(windowBefore) ||
          // "mở rộng thêm 400 ha, diện tích đạt 2.250 ha": the attribute of a change is no part of it.
          (ATTRIBUTE_OF_PREVIOUS.test(windowBefore) && around.previousReading.changeReason === null) ||
          SHARE_OF_PREVIOUS.test(windowBefore))),
    previous: around.previousReading ?? around.footnoteOf ?? null,
    bracketClosedSincePrevious: /\)/.test(windowBefore),
    sinceTermStart: /^[^\d]{0,40}?so với\s+(?:đầu nhiệm kỳ|đầu kỳ|đầu giai đoạn)/iu.test(plainAfter),
    targetCue: targetInOwnClause && !ofPlan,
    actualCue: ACTUAL_WORD.test(ownClause),
    doneCue: /(?:^|\s)đã\s/iu.test(ownClause) || /đạt được|kết quả/iu.test(ownClause),
    resultWordNear: /thực hiện|đạt được|kết quả/iu.test(clauseBefore.slice(-40)),
    estimateCue: ESTIMATE_WORD.test(clauseBefore.slice(-60)),
    estimateSincePrevious: ESTIMATE_WORD.test(windowBefore),
    negative:
      /giảm\s*(?:được\s*)?(?:bình quân\s*)?(?:khoảng\s*|trên\s*|hơn\s*|gần\s*)?$/iu.test(windowBefore) &&
      !/^\s*(?:xuống|còn)/iu.test(clauseAfter),
    money: MONEY_UNIT.test(around.unit) && !perPerson,
    stockNoun: STOCK_NOUN.test(clauseBefore),
    multiYearReview: frame.mode === 'actual' && frame.period[0] !== frame.period[1],
    composition: COMPOSITION_BEFORE.test(windowBefore) && around.unitKind === 'count' && !targetInOwnClause,
  };
}
