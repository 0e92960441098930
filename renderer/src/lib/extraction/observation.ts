/** One figure found in a document: the observations row of DATA-CONTRACT.md before serialisation. */
export interface Observation {
  obs_id: string;
  doc_id: string;
  char_start: number;
  char_end: number;
  quote: string;
  /** `[start, end)` of the quoted sentence in the raw text, for highlighting it. */
  sentence_start: number;
  sentence_end: number;
  indicator_id: string;
  label_vi: string;
  value_low: number;
  value_high: number;
  unit: string;
  comparator: Comparator;
  measure: Measure;
  is_estimate: boolean;
  period_start: number | null;
  period_end: number | null;
  term: string | null;
  basis: Basis;
  /** What part of the year a sub-year figure covers ("9 tháng", "quý I"); null for whole years. */
  period_note: string | null;
  base_year: number | null;
  denominator: number | null;
  in_footnote: boolean;
  catalogued: boolean;
}

export type Comparator = '=' | '~' | '>=' | '>' | '<=' | '<';
export type Measure = 'actual' | 'target' | 'change';
export type Basis = 'level' | 'annual_avg' | 'each_year' | 'total';
