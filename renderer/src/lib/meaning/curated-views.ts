import { appObject } from '../db/sql.ts';
import { CONVERT_UNIT_MACROS } from '../units/units-sql.ts';
import { MEANING_VIEWS, type MeaningView } from './meaning-layer.ts';
import { MEASURE_MACROS } from './measure-macros.ts';

/** A view the app defines over the warehouse, documented in the schema browser. */
export type CuratedView = MeaningView;

/** Macros the views and users share: accent-free search, unit conversion, achievement and the pivot's measures. */
export const WORKBENCH_MACROS: readonly string[] = [
  // fold('Tăng trưởng Đảng') = 'tang truong dang': search that ignores Vietnamese diacritics.
  `CREATE OR REPLACE MACRO ${appObject('fold')}(s) AS replace(strip_accents(lower(s)), 'đ', 'd')`,
  ...CONVERT_UNIT_MACROS,
  ...MEASURE_MACROS,
];

/** The meaning layer, then the views users query, all built on it. */
export const CURATED_VIEWS: readonly CuratedView[] = [
  ...MEANING_VIEWS,
  {
    name: 'v_term_pivot',
    vi: 'Chỉ tiêu × giai đoạn kế hoạch × loại số liệu, theo nguồn ưu tiên (văn bản chính thức mới nhất)',
    en: 'Indicator × plan period × measure, from the preferred source (latest official document)',
    sql: `CREATE OR REPLACE VIEW ${appObject('v_term_pivot')} AS
      SELECT indicator_id, indicator_name_vi, domain, term, measure, basis, period_start, period_end, unit,
             value_low, value_high, comparator, is_estimate, obs_id, doc_id, n_figures, n_documents, sources_disagree
      FROM ${appObject('preferred_observations')}
      WHERE term IS NOT NULL`,
  },
  {
    name: 'v_target_vs_actual',
    vi: 'Mỗi chỉ tiêu đề ra bên cạnh kết quả cùng kỳ, với đánh giá: đạt / vượt / không đạt / chưa có số liệu',
    en: 'Each target beside the result for the same indicator and period, with its achievement status',
    sql: `CREATE OR REPLACE VIEW ${appObject('v_target_vs_actual')} AS
      SELECT t.indicator_id, t.indicator_name_vi, t.domain, t.term, t.period_start, t.period_end, t.basis, t.unit,
             t.comparator AS target_comparator, t.value_low AS target_low, t.value_high AS target_high,
             a.value_low AS actual_value, a.is_estimate AS actual_is_estimate,
             ${appObject('achievement')}(t.comparator, t.higher_is_better, t.value_low, t.value_high, a.value_low) AS status,
             t.obs_id AS target_obs_id, t.doc_id AS target_doc_id, a.obs_id AS actual_obs_id, a.doc_id AS actual_doc_id
      FROM ${appObject('v_observations')} t
      LEFT JOIN ${appObject('preferred_observations')} a
        ON a.measure = 'actual' AND a.indicator_id = t.indicator_id AND a.period_start = t.period_start
       AND a.period_end = t.period_end AND a.basis = t.basis AND a.unit = t.unit
      WHERE t.measure = 'target'`,
  },
  {
    name: 'v_conflicts',
    vi: 'Cùng chỉ tiêu, kỳ, loại số liệu và cơ sở nhưng các tài liệu ghi giá trị khác nhau',
    en: 'Same indicator, period, measure and basis, different values across documents',
    sql: `CREATE OR REPLACE VIEW ${appObject('v_conflicts')} AS
      SELECT o.indicator_id, o.indicator_name_vi, o.measure, o.period_start, o.period_end, o.basis, o.unit,
             o.value_low, o.value_high, o.doc_id, o.doc_title, o.issued_on, o.obs_id, o.quote, p.n_documents, p.n_values
      FROM ${appObject('preferred_observations')} p, unnest(p.sources) AS s(source)
      JOIN ${appObject('v_observations')} o ON o.obs_id = s.source.obs_id
      WHERE p.n_documents > 1 AND p.n_values > 1 AND o.catalogued
      ORDER BY o.indicator_id, o.period_start, o.period_end, o.measure, o.issued_on`,
  },
];
