/** A period the text names, with where it is written (sentence-relative offsets). */
export interface PeriodMention {
  start: number;
  end: number;
  from: number;
  to: number;
  /** `baseline`: the period after "so với" (a comparison base, not the figure's period). */
  role: 'period' | 'until' | 'baseline';
  /** For a period carried from an opening ("Đến hết năm 2019, đã …"): it dated flows, not stocks. */
  datesFlows?: boolean;
}

/** Plan periods the workbench pivots on. */
export const PLAN_TERMS: readonly [number, number][] = [
  [2011, 2015],
  [2016, 2020],
  [2021, 2025],
  [2026, 2030],
  [2031, 2035],
];

/** The plan period containing a year, if any. */
export function termOf(year: number): [number, number] | null {
  return PLAN_TERMS.find(([from, to]) => year >= from && year <= to) ?? null;
}

/** `2016-2020` when the years fall inside one plan period, else null. */
export function termLabel(from: number | null, to: number | null): string | null {
  if (from === null || to === null) return null;
  const term = termOf(from);
  return term && to <= term[1] ? `${term[0]}-${term[1]}` : null;
}

/** Party congress terms run 2015–2020, 2020–2025 …; they map onto plan periods 2016–2020, 2021–2025 … */
export function normaliseRange(from: number, to: number): [number, number] {
  if (to - from === 5 && from % 5 === 0) return [from + 1, to];
  return [from, to];
}

const YEAR = String.raw`((?:19|20)\d{2})`;
const RANGE = String.raw`${YEAR}\s*[-–—]\s*${YEAR}`;

/** The year after "lần" ("gấp 3 lần năm 2020"), its lookbehind behind a lookahead of where a match starts. */
export const RATIO_BASE_YEAR = new RegExp(
  String.raw`(?=năm|[12])(?<=lần\s+(?:so với\s+)?)(?:năm\s+)?${YEAR}(?!\s*[-–—]\s*\d)`,
  'giu',
);

const PERIOD_RULES: readonly {
  pattern: RegExp;
  read: (m: RegExpExecArray) => Omit<PeriodMention, 'start' | 'end'> | null;
}[] = [
  {
    // "gấp 3 lần năm 2020": the year after a ratio is what it compares with. The lookahead (where
    // a match can start) spares the lookbehind at every character.
    pattern: RATIO_BASE_YEAR,
    read: (m) => ({ from: Number(m[1]), to: Number(m[1]), role: 'baseline' }),
  },
  {
    pattern: new RegExp(String.raw`so với\s+(?:cùng kỳ\s+)?(?:năm\s+)?${YEAR}(?!\s*[-–—]\s*\d)`, 'giu'),
    read: (m) => ({ from: Number(m[1]), to: Number(m[1]), role: 'baseline' }),
  },
  {
    pattern: new RegExp(
      String.raw`so với\s+(?:giai đoạn|nhiệm kỳ|thời kỳ|kế hoạch|khóa|khoá)?[^;,.]{0,20}?\(?${RANGE}`,
      'giu',
    ),
    read: (m) => {
      const [from, to] = normaliseRange(Number(m[1]), Number(m[2]));
      return { from, to, role: 'baseline' };
    },
  },
  {
    pattern: new RegExp(String.raw`từ\s+(?:năm\s+)?${YEAR}\s+(?:đến|tới)\s+(?:năm\s+)?${YEAR}`, 'giu'),
    read: (m) => ({ from: Number(m[1]), to: Number(m[2]), role: 'period' }),
  },
  {
    pattern: new RegExp(RANGE, 'gu'),
    read: (m) => {
      const [from, to] = normaliseRange(Number(m[1]), Number(m[2]));
      return { from, to, role: 'period' };
    },
  },
  {
    pattern: new RegExp(
      String.raw`(?:đến|tới|hết|cuối|đến hết|đến cuối|trước|vào)\s+(?:năm\s+)?${YEAR}`,
      'giu',
    ),
    read: (m) => ({ from: Number(m[1]), to: Number(m[1]), role: 'until' }),
  },
  {
    pattern: new RegExp(String.raw`(?:năm|Năm|NĂM)\s+${YEAR}`, 'gu'),
    read: (m) => ({ from: Number(m[1]), to: Number(m[1]), role: 'period' }),
  },
];

// The sentence asked about last: each of its figures asks again (copies go out, the cache stays whole).
let recent: { text: string; periods: readonly PeriodMention[] } | null = null;

/** Every period written in a piece of text, earliest first; overlapping readings keep the first rule's. */
export function findPeriods(text: string): PeriodMention[] {
  if (recent?.text !== text) recent = { text, periods: scanPeriods(text) };
  return recent.periods.map((period) => ({ ...period }));
}

// Every rule reads a year: a text without one (most sentences) names no period.
const ANY_YEAR = /(?:19|20)\d{2}/u;

function scanPeriods(text: string): PeriodMention[] {
  const found: PeriodMention[] = [];
  if (!ANY_YEAR.test(text)) return found;
  for (const rule of PERIOD_RULES) {
    rule.pattern.lastIndex = 0;
    for (const match of text.matchAll(rule.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((other) => other.start < end && start < other.end)) continue;
      const reading = rule.read(match as RegExpExecArray);
      if (reading && reading.from <= reading.to) found.push({ start, end, ...reading });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
