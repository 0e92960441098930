import { readCues, type ChangeReason, type Cues } from './cues.ts';
import type { Basis, Comparator, Measure } from './observation.ts';
import type { PeriodMention } from './periods.ts';
import { decide, MEASURE_RULES, PERIOD_RULES, termAround, type MeasureInput } from './reading-rules.ts';

export type { ChangeReason } from './cues.ts';

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
  /** In a footnote: how the figure its marker is glued to was read. */
  footnoteOf?: FigureReadingWithReason | null;
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

export interface FigureReadingWithReason extends FigureReading {
  changeReason: ChangeReason;
  /** Read as a level at one end of a movement ("từ 25,95% … xuống còn 7,89%"). */
  isLevel: boolean;
  /** The names of the rules that decided period and measure, for review and tests. */
  rules: string[];
  /** The kind of unit the figure had: a list shares a reading only among figures of one kind. */
  unitKind: FigureSurroundings['unitKind'];
}

/**
 * Reads what a figure is — target, result or change, for which period, on which basis — by
 * computing its cues once and running the ordered rule tables of reading-rules.ts over them.
 */
export function readFigure(around: FigureSurroundings, frame: Frame): FigureReadingWithReason {
  const cues = readCues(around, frame);
  const inherited = inheritedReading(cues);
  if (inherited) return inherited;

  const periodRule = decide(PERIOD_RULES, cues);
  let [periodStart, periodEnd] = periodRule.decision.period;
  let basis = periodRule.decision.basis;
  // "cao hơn giai đoạn trước (6,1%)": the bracketed figure is the previous plan period's.
  if (cues.previousTermGloss && periodEnd - periodStart === 4)
    [periodStart, periodEnd] = [periodStart - 5, periodEnd - 5];
  // A flow or an average over one year is that year's value ("hằng năm" keeps each_year: a yearly rule).
  if (periodStart === periodEnd && (basis === 'total' || basis === 'annual_avg')) basis = 'level';

  // The period joins the cues in place: copying some forty cues per figure showed in the profile.
  const measureInput = cues as MeasureInput;
  measureInput.period = [periodStart, periodEnd];
  const measureRule = decide(MEASURE_RULES, measureInput);
  const measure = measureRule.decision;
  return {
    comparator: cues.comparator,
    measure,
    isEstimate: measure !== 'target' && cues.estimateCue && periodEnd >= frame.issueYear - 1,
    periodStart,
    periodEnd,
    basis,
    baseYear: measure === 'change' ? baseYearOf(cues, periodStart, periodEnd) : null,
    negative: cues.negative,
    changeReason: cues.changeReason,
    isLevel: cues.fromLevel || cues.toLevel || cues.standing,
    rules: [periodRule.rule, measureRule.rule],
    unitKind: cues.unitKind,
  };
}

/**
 * A figure with no words of its own after another one ("sáp nhập 51 … thành 25 …", "giảm 42
 * trường học, 22 trạm") reads as the one before it.
 */
function inheritedReading(cues: Cues): FigureReadingWithReason | null {
  const previous = cues.previous;
  if (!previous || !cues.sameList || cues.ownWords) return null;
  // "tăng 5,1%, doanh thu đạt 1.325 tỷ đồng": a figure of another kind is not an item of the list.
  if (previous.unitKind !== cues.unitKind && (cues.explicit?.start ?? -1) >= 0 && !cues.explicitOwn)
    return null;
  const listable =
    previous.changeReason === null ||
    previous.changeReason === 'reduction' ||
    previous.changeReason === 'delta_after_level';
  if (!listable || !(previous.changeReason === null || cues.unitKind === 'count')) return null;
  // "281 cơ sở (tăng 21,6%) và 498 cơ sở": the bracketed change was the previous item's own.
  if (previous.changeReason === 'delta_after_level' && cues.bracketClosedSincePrevious) return null;
  return {
    ...previous,
    comparator: cues.comparator,
    isEstimate: previous.isEstimate || (cues.estimateSincePrevious && previous.measure !== 'target'),
    rules: ['same_list_as_previous'],
    unitKind: cues.unitKind,
  };
}

function baseYearOf(cues: Cues, periodStart: number, periodEnd: number): number | null {
  if (cues.ratioBase !== null) return cues.ratioBase;
  if (cues.baseline) return cues.baseline.from;
  if (cues.previousTermBase) return termAround(periodStart)[0] - 5;
  if (cues.changeReason !== 'of_plan' && cues.changeReason !== 'reduction')
    return termAround(periodEnd)[0] - 1;
  return null;
}
