import type { Cues } from './cues.ts';
import type { Basis, Measure } from './observation.ts';

/** A reading rule: a name, a condition over the cues, and the decision it makes. */
export interface Rule<Decision, Input = Cues> {
  name: string;
  when: (cues: Input) => boolean;
  then: (cues: Input) => Decision;
}

/** What the measure rules read: the cues and the period already decided. */
export interface MeasureInput extends Cues {
  period: [number, number];
}

/** Period and basis of a figure. */
export interface PeriodDecision {
  period: [number, number];
  basis: Basis;
}

/** The first rule whose condition holds, and its decision (tables end with an unconditional rule). */
export function decide<Decision, Input>(
  rules: readonly Rule<Decision, Input>[],
  cues: Input,
): { rule: string; decision: Decision } {
  for (const rule of rules) if (rule.when(cues)) return { rule: rule.name, decision: rule.then(cues) };
  throw new Error('reading rules: the table has no fallback rule');
}

/** The plan period (2021–2025 …) containing a year. */
export function termAround(year: number): [number, number] {
  const start = Math.floor((year - 1) / 5) * 5 + 1;
  return [start, start + 4];
}

const single = (year: number): [number, number] => [year, year];
const rangeBasis = (cues: Cues): Basis =>
  cues.average ? 'annual_avg' : cues.eachYear ? 'each_year' : 'total';
const explicitYear = (cues: Cues): number => cues.explicit?.from ?? cues.frame.period[1];
const reviewed = (cues: Cues): [number, number] => [cues.frame.period[0], cues.frame.period[1]];
const rateOrFlow = (cues: Cues): boolean => cues.average || cues.eachYear || cues.total || cues.action;

/**
 * Period and basis, in order: what the sentence writes first, then what its words imply, then the
 * document's frame (DATA-CONTRACT.md, "Reading conventions").
 */
export const PERIOD_RULES: readonly Rule<PeriodDecision>[] = [
  {
    // "(…)", "trong đó …", a footnote: a part of the figure before takes its period and basis.
    name: 'elaboration_inherits_its_figure',
    when: (cues) =>
      cues.elaboration && !cues.explicitOwn && cues.changeReason === null && !cues.fromLevel && !cues.toLevel,
    then: (cues) => ({
      period: [cues.previous!.periodStart, cues.previous!.periodEnd],
      basis: cues.previous!.basis,
    }),
  },
  {
    // "Ban Chấp hành … nhiệm kỳ 2025 - 2030 gồm 52 đồng chí": a body's make-up when the text is written.
    name: 'composition_is_the_level_at_the_document_date',
    when: (cues) =>
      cues.composition &&
      !cues.sameList &&
      !cues.elaboration &&
      // "nhiệm kỳ 2025 - 2030" reads as 2026–2030: a body elected now for the term that begins.
      (cues.explicit === null || cues.explicit.from <= cues.frame.issueYear + 1),
    then: (cues) => ({ period: single(cues.frame.issueYear), basis: 'level' }),
  },
  {
    name: 'written_range',
    when: (cues) => cues.explicit !== null && cues.explicit.from !== cues.explicit.to,
    then: (cues) => ({
      period: [cues.explicit!.from, cues.explicit!.to],
      basis: cues.average || (cues.growthRate && !cues.eachYear) ? 'annual_avg' : rangeBasis(cues),
    }),
  },
  {
    name: 'year_right_after_figure',
    when: (cues) => cues.explicit?.rightAfter === true,
    then: (cues) => ({ period: single(explicitYear(cues)), basis: 'level' }),
  },
  {
    name: 'movement_from_level_is_before_the_period',
    when: (cues) => cues.fromLevel && cues.frame.period[0] !== cues.frame.period[1],
    then: (cues) => ({ period: single(cues.frame.period[0] - 1), basis: 'level' }),
  },
  {
    name: 'movement_to_level_is_at_the_end',
    when: (cues) => cues.toLevel && cues.explicit === null,
    then: (cues) => ({ period: single(cues.frame.period[1]), basis: 'level' }),
  },
  {
    // How many targets a plan set or met: a count over the whole plan period.
    name: 'count_of_targets_spans_the_plan',
    when: (cues) => cues.unit === 'chỉ tiêu',
    then: (cues) => ({ period: reviewed(cues), basis: 'total' }),
  },
  {
    // "(năm 2021 đạt 6,67%, …)": a year named for this figure alone.
    name: 'own_year_in_a_series',
    when: (cues) =>
      cues.explicit !== null &&
      cues.explicit.role === 'period' &&
      cues.explicitOwn &&
      !cues.averageSincePrevious &&
      !cues.eachYearSincePrevious,
    then: (cues) => ({ period: single(explicitYear(cues)), basis: 'level' }),
  },
  {
    // "hết năm 2025 có 5.700 doanh nghiệp, gấp 1,7 lần năm 2020": a ratio of a level is at its date.
    name: 'ratio_of_a_level_takes_its_date',
    when: (cues) =>
      cues.changeReason === 'ratio' &&
      cues.sameList &&
      !cues.baselineIsRange &&
      !cues.previousTermBase &&
      cues.previous !== null &&
      cues.previous.periodStart === cues.previous.periodEnd &&
      cues.previous.basis === 'level' &&
      cues.previous.changeReason === null,
    then: (cues) => ({ period: single(cues.previous!.periodEnd), basis: 'level' }),
  },
  {
    // A rate or flow up to a named year runs from the start of its plan period to that year;
    // "năm 2019 có 09 sản phẩm": a named year is that year, even for things done in it.
    name: 'rate_or_flow_to_a_named_year',
    when: (cues) => cues.explicit !== null && rateOrFlow(cues) && cues.changeReason !== 'baseline',
    then: (cues) => {
      const year = explicitYear(cues);
      const term = termAround(year);
      if (cues.frame.period[0] === cues.frame.period[1]) return { period: single(year), basis: 'level' };
      const until = cues.explicit!.role === 'until';
      const period: [number, number] =
        !(cues.average || cues.eachYear) && !until && !cues.added
          ? single(year)
          : [term[0], until ? year : term[1]];
      const basis: Basis =
        period[0] === period[1] && !(cues.average || cues.eachYear) ? 'level' : rangeBasis(cues);
      return { period, basis };
    },
  },
  {
    name: 'written_year',
    when: (cues) => cues.explicit !== null,
    then: (cues) => ({ period: single(explicitYear(cues)), basis: 'level' }),
  },
  {
    name: 'change_after_a_level_over_its_range',
    when: (cues) =>
      cues.changeReason === 'delta_after_level' &&
      cues.previous !== null &&
      cues.previous.periodStart !== cues.previous.periodEnd,
    then: (cues) => ({
      period: [cues.previous!.periodStart, cues.previous!.periodEnd],
      basis: cues.previous!.basis,
    }),
  },
  {
    // "giảm 45 trường so với đầu nhiệm kỳ": the level now against the term's start.
    name: 'change_since_the_term_start_is_at_its_end',
    when: (cues) => cues.sinceTermStart && cues.changeReason !== null,
    then: (cues) => ({ period: single(cues.frame.period[1]), basis: 'level' }),
  },
  {
    // "đạt 96,88%, tăng 29,26% so với giai đoạn 2015 - 2020": the change of a level is at its date.
    name: 'change_of_a_level_takes_its_date',
    when: (cues) =>
      cues.changeReason === 'baseline' &&
      cues.previous !== null &&
      cues.previous.periodStart === cues.previous.periodEnd &&
      cues.previous.changeReason === null &&
      cues.sameList,
    then: (cues) => ({ period: single(cues.previous!.periodEnd), basis: 'level' }),
  },
  {
    // A change against a plan or a previous term, a reduction: over the whole period.
    name: 'change_over_the_period',
    when: (cues) =>
      cues.changeReason === 'reduction' ||
      cues.changeReason === 'expansion' ||
      cues.changeReason === 'of_plan' ||
      cues.previousTermBase ||
      (cues.changeReason === 'delta_after_level' && cues.unitKind === 'count') ||
      (cues.changeReason === 'baseline' && cues.baselineIsRange),
    then: (cues) => ({ period: reviewed(cues), basis: cues.eachYear ? 'each_year' : 'total' }),
  },
  {
    name: 'rate_or_flow_over_the_frame',
    when: (cues) =>
      rateOrFlow(cues) && cues.changeReason !== 'baseline' && cues.changeReason !== 'delta_after_level',
    then: (cues) => ({ period: reviewed(cues), basis: rangeBasis(cues) }),
  },
  {
    // "Ngành nông, lâm nghiệp tăng 6,47%" in a 2021–2025 review: the term's yearly average.
    name: 'review_growth_is_the_term_average',
    when: (cues) => cues.multiYearReview && cues.growthRate && cues.changeReason === null,
    then: (cues) => ({ period: reviewed(cues), basis: 'annual_avg' }),
  },
  {
    // "Tổng kim ngạch … đạt 24,2 tỷ USD", "thu nội địa 16.323 tỷ đồng": money flows over the review.
    name: 'review_money_flow_is_the_period_total',
    when: (cues) =>
      cues.multiYearReview && cues.money && !cues.standing && !cues.stockNoun && cues.changeReason === null,
    then: (cues) => ({ period: reviewed(cues), basis: 'total' }),
  },
  {
    name: 'level_at_the_end_of_the_frame',
    when: () => true,
    then: (cues) => ({ period: single(cues.frame.period[1]), basis: 'level' }),
  },
];

/** Measure given the decided period: a change, a target, else an actual. */
export const MEASURE_RULES: readonly Rule<Measure, MeasureInput>[] = [
  {
    // "GRDP năm 2024 ước tăng 8,2% so với năm 2023": a growth indicator's own yearly rate.
    name: 'growth_on_the_year_before_is_the_growth',
    when: (cues) =>
      cues.growthRate &&
      cues.changeReason === 'baseline' &&
      cues.baseline !== null &&
      cues.period[0] === cues.period[1] &&
      cues.baseline.from === cues.period[0] - 1,
    then: () => 'actual',
  },
  { name: 'change_word', when: (cues) => cues.changeReason !== null, then: () => 'change' },
  {
    // A period after the document's date is planned, unless the text says it was done.
    name: 'future_period',
    when: (cues) =>
      cues.period[1] > cues.frame.issueYear && !(cues.doneCue && cues.period[0] <= cues.frame.issueYear),
    then: () => 'target',
  },
  { name: 'target_word', when: (cues) => cues.targetCue && !cues.resultWordNear, then: () => 'target' },
  {
    name: 'target_section',
    when: (cues) => cues.frame.mode === 'target' && !cues.actualCue && cues.explicit === null,
    then: () => 'target',
  },
  { name: 'actual', when: () => true, then: () => 'actual' },
];
