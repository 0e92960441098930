/** A view the app defines over the warehouse, documented in the schema browser. */
export interface CuratedView {
  name: string;
  vi: string;
  en: string;
  sql: string;
}

// Sources preferred when documents disagree: the latest official document (a resolution or a
// report) over news; the rule is stated in the UI beside every conflict.
const SOURCE_RANK = `CASE WHEN doc_type = 'tin_bao' THEN 2 ELSE 1 END`;

// Figures that say the same thing: one indicator, period, measure, basis and unit.
const PREFERENCE_WINDOW = 'PARTITION BY indicator_id, measure, period_start, period_end, basis, unit';

/** Macros the views and users share: accent-free search and achievement status. */
export const WORKBENCH_MACROS = [
  // fold('Tăng trưởng Đảng') = 'tang truong dang': search that ignores Vietnamese diacritics.
  `CREATE OR REPLACE MACRO main.fold(s) AS replace(strip_accents(lower(s)), 'đ', 'd')`,
  // Achievement of a result against a target, from the target's comparator and the indicator's direction.
  `CREATE OR REPLACE MACRO main.achievement(comparator, higher_is_better, target_low, target_high, actual) AS
    CASE
      WHEN actual IS NULL OR target_low IS NULL THEN 'chưa có số liệu'
      WHEN comparator IN ('>=', '>') OR (comparator IN ('=', '~') AND coalesce(higher_is_better, true)) THEN
        CASE
          WHEN comparator = '>' AND actual <= target_low THEN 'không đạt'
          WHEN actual < target_low THEN 'không đạt'
          WHEN actual > target_high THEN 'vượt'
          WHEN comparator IN ('>=', '>') AND actual > target_low THEN 'vượt'
          ELSE 'đạt'
        END
      WHEN comparator IN ('<=', '<') OR (comparator IN ('=', '~') AND NOT higher_is_better) THEN
        CASE
          WHEN comparator = '<' AND actual >= target_high THEN 'không đạt'
          WHEN actual > target_high THEN 'không đạt'
          WHEN actual < target_low THEN 'vượt'
          WHEN comparator IN ('<=', '<') AND actual < target_high THEN 'vượt'
          ELSE 'đạt'
        END
      ELSE 'chưa có số liệu'
    END`,
] as const;

export const CURATED_VIEWS: readonly CuratedView[] = [
  {
    name: 'v_observations',
    vi: 'Mọi số liệu kèm tên chỉ tiêu, lĩnh vực và tài liệu nguồn',
    en: 'Every figure with its indicator name, domain and source document',
    sql: `CREATE OR REPLACE VIEW main.v_observations AS
      SELECT o.*, i.name_vi AS indicator_name_vi, i.name_en AS indicator_name_en, i.domain, i.higher_is_better,
             d.title AS doc_title, d.doc_type, d.issuer, d.issued_on, ${SOURCE_RANK} AS source_rank
      FROM main.observations o
      LEFT JOIN main.indicators i USING (indicator_id)
      LEFT JOIN main.documents d USING (doc_id)`,
  },
  {
    name: 'v_term_pivot',
    vi: 'Chỉ tiêu × giai đoạn kế hoạch × loại số liệu, theo nguồn ưu tiên (văn bản chính thức mới nhất)',
    en: 'Indicator × plan period × measure, from the preferred source (latest official document)',
    sql: `CREATE OR REPLACE VIEW main.v_term_pivot AS
      WITH ranked AS (
        SELECT *,
               row_number() OVER (${PREFERENCE_WINDOW} ORDER BY source_rank, issued_on DESC, is_estimate, obs_id) AS preference,
               count(*) OVER (${PREFERENCE_WINDOW}) AS n_figures,
               count(DISTINCT doc_id) OVER (${PREFERENCE_WINDOW}) AS n_documents,
               count(DISTINCT (value_low, value_high)) OVER (${PREFERENCE_WINDOW}) AS n_values
        FROM main.v_observations
        WHERE term IS NOT NULL)
      SELECT indicator_id, indicator_name_vi, domain, term, measure, basis, period_start, period_end, unit,
             value_low, value_high, comparator, is_estimate, obs_id, doc_id, n_figures, n_documents,
             n_values > 1 AS sources_disagree
      FROM ranked
      WHERE preference = 1`,
  },
  {
    name: 'v_target_vs_actual',
    vi: 'Mỗi chỉ tiêu đề ra bên cạnh kết quả cùng kỳ, với đánh giá: đạt / vượt / không đạt / chưa có số liệu',
    en: 'Each target beside the result for the same indicator and period, with its achievement status',
    sql: `CREATE OR REPLACE VIEW main.v_target_vs_actual AS
      WITH actuals AS (
        SELECT *, row_number() OVER (${PREFERENCE_WINDOW} ORDER BY source_rank, issued_on DESC, is_estimate, obs_id) AS preference
        FROM main.v_observations WHERE measure = 'actual')
      SELECT t.indicator_id, t.indicator_name_vi, t.domain, t.term, t.period_start, t.period_end, t.basis, t.unit,
             t.comparator AS target_comparator, t.value_low AS target_low, t.value_high AS target_high,
             a.value_low AS actual_value, a.is_estimate AS actual_is_estimate,
             main.achievement(t.comparator, t.higher_is_better, t.value_low, t.value_high, a.value_low) AS status,
             t.obs_id AS target_obs_id, t.doc_id AS target_doc_id, a.obs_id AS actual_obs_id, a.doc_id AS actual_doc_id
      FROM main.v_observations t
      LEFT JOIN actuals a
        ON a.indicator_id = t.indicator_id AND a.period_start = t.period_start AND a.period_end = t.period_end
       AND a.basis = t.basis AND a.unit = t.unit AND a.preference = 1
      WHERE t.measure = 'target'`,
  },
  {
    name: 'v_conflicts',
    vi: 'Cùng chỉ tiêu, kỳ, loại số liệu và cơ sở nhưng các tài liệu ghi giá trị khác nhau',
    en: 'Same indicator, period, measure and basis, different values across documents',
    sql: `CREATE OR REPLACE VIEW main.v_conflicts AS
      WITH keyed AS (
        SELECT *,
               count(DISTINCT doc_id) OVER (${PREFERENCE_WINDOW}) AS n_documents,
               count(DISTINCT (value_low, value_high)) OVER (${PREFERENCE_WINDOW}) AS n_values
        FROM main.v_observations)
      SELECT indicator_id, indicator_name_vi, measure, period_start, period_end, basis, unit,
             value_low, value_high, doc_id, doc_title, issued_on, obs_id, quote, n_documents, n_values
      FROM keyed
      WHERE n_documents > 1 AND n_values > 1 AND NOT indicator_id LIKE 'x\\_%' ESCAPE '\\'
      ORDER BY indicator_id, period_start, period_end, measure, issued_on`,
  },
];
