import { appObject } from '../db/sql.ts';
import { EFFECTIVE_OBSERVATIONS_VIEW } from '../review/overlay-sql.ts';

/**
 * The meaning layer: what a figure means to the workbench, written once in SQL. Every consumer —
 * pivot, charts, consistency checks, reports, curated views — reads these objects instead of
 * restating the rules:
 *
 * - `effective_observations`: the figures as the workbench reads them: the warehouse's own with the
 *   user's corrections laid over them (the app-owned `corrections` table, lib/review/overlay-sql.ts),
 *   with `reviewed`, `correction_note` and `user_preferred`; everything above follows.
 * - `v_observations`: each figure with its indicator, document and `preference_rank`, the one
 *   source-preference rule as a total order (1 = most preferred), and its value in the indicator's
 *   catalogue unit (`display_unit`, `display_low`, `display_high`; as written when it does not convert).
 * - `preferred_figures(doc)`: one row per figure group (same indicator, measure, period, basis and
 *   unit shown), the preferred figure, with every source's value beside it; within one document, or all
 *   documents when `doc` is NULL — `preferred_observations` is that view.
 * - `plan_periods`: the plan periods and single years the workbench shows, derived from the data.
 */

// Sources preferred when documents disagree: the one the user chose ("chọn nguồn"); then the latest
// official document (a resolution or a report) over news; then a result over an estimate; the id
// only makes the order total. This is
// the rule: changing it here changes every consumer (tests/unit/meaning/preference.test.ts).
const SOURCE_RANK = `CASE WHEN d.doc_type = 'tin_bao' THEN 2 ELSE 1 END`;
const PREFERENCE_ORDER = 'o.user_preferred DESC, source_rank, d.issued_on DESC, o.is_estimate, o.obs_id';

// Figures that say the same thing: one indicator, measure, period, basis and unit as shown (30,6 tỷ
// USD and 30.600 triệu USD are one figure).
const SAME_FIGURE = 'indicator_id, measure, period_start, period_end, basis, display_unit';

// The whole a share is part of (GRDP, employment): the catalogue states that a figure is a share
// (`kind`) but not yet of what, so the whole is read here, once, from the id's `…_share_` prefix.
const SHARE_OF = `CASE WHEN i.kind = 'share' THEN nullif(regexp_extract(o.indicator_id, '^(.*_share)_', 1), '') END`;

// A figure is shown in its indicator's catalogue unit when the unit table converts it (lượt người,
// triệu lượt → nghìn lượt; trường học → trường), else as written. The arithmetic is convert_unit's
// (`convert_between`); the units are joined once rather than looked up per value.
const WRITTEN = `{'dimension': written.dimension, 'scale': written.scale}`;
const CATALOGUE = `{'dimension': catalogue.dimension, 'scale': catalogue.scale}`;
const CONVERTS = `written.dimension = catalogue.dimension`;
const convertValue = (column: string): string =>
  `CASE WHEN ${CONVERTS} THEN ${appObject('convert_between')}(o.${column}, ${WRITTEN}, ${CATALOGUE}) ELSE o.${column} END`;
const DISPLAY_COLUMNS = `CASE WHEN ${CONVERTS} THEN i.unit ELSE o.unit END AS display_unit,
             ${convertValue('value_low')} AS display_low, ${convertValue('value_high')} AS display_high`;

/** A view (or macro) of the meaning layer, documented in the schema browser. */
export interface MeaningView {
  name: string;
  vi: string;
  en: string;
  sql: string;
}

/** The meaning layer's views and macros, in the order they depend on each other. */
export const MEANING_VIEWS: readonly MeaningView[] = [
  EFFECTIVE_OBSERVATIONS_VIEW,
  {
    name: 'v_observations',
    vi: 'Mọi số liệu kèm tên chỉ tiêu, lĩnh vực, loại chỉ tiêu, giá trị quy về đơn vị của danh mục (display_*), tài liệu nguồn và thứ tự ưu tiên nguồn',
    en: 'Every figure with its indicator name, domain, kind (and the whole of a share), source document and source preference',
    sql: `CREATE OR REPLACE VIEW ${appObject('v_observations')} AS
      SELECT o.*, i.name_vi AS indicator_name_vi, i.name_en AS indicator_name_en, i.domain, i.kind, i.higher_is_better,
             ${DISPLAY_COLUMNS},
             ${SHARE_OF} AS share_of,
             d.title AS doc_title, d.doc_type, d.issuer, d.issued_on, ${SOURCE_RANK} AS source_rank,
             row_number() OVER (ORDER BY ${PREFERENCE_ORDER}) AS preference_rank
      FROM ${appObject('effective_observations')} o
      LEFT JOIN ${appObject('indicators')} i USING (indicator_id)
      LEFT JOIN ${appObject('documents')} d USING (doc_id)
      LEFT JOIN ${appObject('units')} written ON written.unit = o.unit
      LEFT JOIN ${appObject('units')} catalogue ON catalogue.unit = i.unit`,
  },
  {
    name: 'preferred_figures',
    vi: 'Macro bảng: số liệu được ưu tiên của mỗi nhóm, trong một tài liệu (hoặc mọi tài liệu khi NULL)',
    en: 'Table macro: the preferred figure of each group, within one document (or all when NULL)',
    sql: `CREATE OR REPLACE MACRO ${appObject('preferred_figures')}(only_doc) AS TABLE
      WITH figure_groups AS (
        SELECT ${SAME_FIGURE},
               arg_min(obs_id, preference_rank) AS obs_id,
               count(*) AS n_figures,
               count(DISTINCT doc_id) AS n_documents,
               count(DISTINCT (display_low, display_high)) AS n_values,
               -- Each source's value in the unit shown, and as it was written, most preferred first:
               -- sorted by the (unique) rank after collecting, as an ordered aggregate is slow per group.
               list_transform(list_sort(list({'rank': preference_rank, 'source': {
                     'value_low': display_low, 'value_high': display_high, 'written_low': value_low,
                     'written_high': value_high, 'written_unit': unit, 'doc_id': doc_id, 'doc_title': doc_title,
                     'issued_on': issued_on, 'obs_id': obs_id, 'is_estimate': is_estimate}})),
                 ranked -> ranked.source) AS sources
        FROM ${appObject('v_observations')}
        WHERE only_doc IS NULL OR doc_id = only_doc
        GROUP BY ${SAME_FIGURE})
      SELECT o.*, g.n_figures, g.n_documents, g.n_values, g.n_values > 1 AS sources_disagree, g.sources
      FROM figure_groups g JOIN ${appObject('v_observations')} o USING (obs_id)`,
  },
  {
    name: 'preferred_observations',
    vi: 'Số liệu được ưu tiên của mỗi nhóm (cùng chỉ tiêu, kỳ, loại số liệu, cơ sở, đơn vị), kèm giá trị của mọi nguồn',
    en: 'The preferred figure of each group (same indicator, period, measure, basis, unit), with every source’s value',
    sql: `CREATE OR REPLACE VIEW ${appObject('preferred_observations')} AS
      SELECT * FROM ${appObject('preferred_figures')}(NULL)`,
  },
  {
    name: 'plan_periods',
    vi: 'Các giai đoạn kế hoạch và các năm đơn lẻ hiển thị, suy ra từ dữ liệu',
    en: 'The plan periods and single years shown, derived from the data',
    // The years run from the earliest document's year to the year after the latest (an annual
    // plan sets the next year); the plan periods are the terms of the figures that touch them.
    sql: `CREATE OR REPLACE VIEW ${appObject('plan_periods')} AS
      WITH span AS (
        SELECT min(CAST(left(issued_on, 4) AS INTEGER)) AS first_year,
               max(CAST(left(issued_on, 4) AS INTEGER)) + 1 AS last_year
        FROM ${appObject('documents')}),
      terms AS (
        SELECT DISTINCT term AS period, CAST(split_part(term, '-', 1) AS INTEGER) AS period_start,
               CAST(split_part(term, '-', 2) AS INTEGER) AS period_end, 'term' AS kind
        FROM ${appObject('effective_observations')}
        WHERE term IS NOT NULL),
      years AS (
        SELECT CAST(year AS VARCHAR) AS period, CAST(year AS INTEGER) AS period_start,
               CAST(year AS INTEGER) AS period_end, 'year' AS kind
        FROM span, range(span.first_year, span.last_year + 1) AS years(year))
      SELECT period, period_start, period_end, kind,
             row_number() OVER (ORDER BY kind = 'year', period_start) AS position
      FROM (SELECT terms.* FROM terms, span WHERE period_end >= first_year AND period_start <= last_year
            UNION ALL SELECT * FROM years)`,
  },
];
