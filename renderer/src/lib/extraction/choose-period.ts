import type { PeriodMention } from './periods.ts';

/** A period written for the figure, and whether it stands right after it ("54,5% năm 2015"). */
export type ChosenPeriod = PeriodMention & { rightAfter?: boolean };

/** "(theo tiêu chí giai đoạn 2016 - 2020)" names the criteria, not the figure's period. */
export function insideCriteriaNote(sentence: string, period: PeriodMention): boolean {
  return /theo\s+(?:tiêu chí|chuẩn|phương pháp|giá)[^()]{0,30}$/iu.test(
    sentence.slice(Math.max(0, period.start - 40), period.start),
  );
}

/** The period written for a figure: a year right after it, else the nearest before it in its sentence. */
export function choosePeriod(
  sentence: string,
  periods: PeriodMention[],
  start: number,
  end: number,
  clauseStart: number,
  headEnd: number,
): ChosenPeriod | null {
  // "cao hơn giai đoạn 2016 - 2020 (5,2%) và đạt …": a period glossed by a figure in brackets is
  // that figure's alone; the figures after it keep the sentence's own period.
  const usable = periods.filter(
    (period) => period.role !== 'baseline' && !boundToBracketedFigure(sentence, period, start),
  );
  const rightAfter = usable.find(
    (period) =>
      period.start >= end && /^\s*$/.test(sentence.slice(end, period.start)) && period.from === period.to,
  );
  if (rightAfter) return { ...rightAfter, rightAfter: true };
  // "năm 2022: 54/63": a period followed by a colon labels the clause after it.
  const labelStart = /:\s*$/u.test(sentence.slice(0, clauseStart))
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

// "Các chính sách đặc thù … đạt hiệu quả cao: Đã …": a lead-in naming a new subject, before any figure.
const TOPIC_LEAD_IN = /^[\s\-+•*–]*(?!(?:trong đó|cụ thể|bao gồm|gồm|như)[\s:])[^\d:;.()]{12,200}:\s*\S/iu;

/**
 * A sentence that opens a new subject with a lead-in ends the period a previous "Hết năm 2024, …"
 * carried: the carry lasts while the text speaks of what that opening introduced.
 */
export function endsCarriedPeriod(sentence: string): boolean {
  return TOPIC_LEAD_IN.test(sentence);
}
