/** A saved query: a name, a folder and its SQL. */
export interface SavedQuery {
  id: string;
  name: string;
  folder: string;
  sql: string;
}

/** The queries a new workbench starts with: common questions, answered in Vietnamese. */
export const STARTER_QUERIES: readonly SavedQuery[] = [
  {
    id: 'starter-target-2026-vs-2025',
    folder: 'Chỉ tiêu',
    name: 'Chỉ tiêu năm 2026 so với kết quả 2025',
    sql: `SELECT t.indicator_name_vi AS chi_tieu, t.unit AS don_vi,
       t.comparator AS so_sanh, t.value_low AS chi_tieu_2026, t.value_high AS chi_tieu_2026_cao,
       a.value_low AS ket_qua_2025, a.is_estimate AS uoc_tinh, a.doc_title AS nguon_ket_qua
FROM v_observations t
LEFT JOIN v_observations a
  ON a.indicator_id = t.indicator_id AND a.unit = t.unit
 AND a.measure = 'actual' AND a.period_start = 2025 AND a.period_end = 2025
WHERE t.measure = 'target' AND t.period_start = 2026 AND t.period_end = 2026 AND t.catalogued
ORDER BY chi_tieu;`,
  },
  {
    id: 'starter-conflicts',
    folder: 'Kiểm tra số liệu',
    name: 'Các nguồn mâu thuẫn nhau',
    sql: `SELECT indicator_name_vi AS chi_tieu, measure AS loai, period_start AS tu_nam, period_end AS den_nam,
       basis AS co_so, value_low AS gia_tri, unit AS don_vi, doc_title AS tai_lieu, obs_id
FROM v_conflicts
ORDER BY chi_tieu, tu_nam, den_nam, loai;`,
  },
  {
    id: 'starter-targets-2021-2025',
    folder: 'Chỉ tiêu',
    name: 'Chỉ tiêu giai đoạn 2021–2025: đạt hay không đạt',
    sql: `SELECT indicator_name_vi AS chi_tieu, period_start AS tu_nam, period_end AS den_nam, basis AS co_so,
       target_comparator AS so_sanh, target_low AS chi_tieu_thap, target_high AS chi_tieu_cao,
       actual_value AS ket_qua, unit AS don_vi, status AS danh_gia
FROM v_target_vs_actual
WHERE term = '2021-2025'
ORDER BY danh_gia, chi_tieu;`,
  },
  {
    id: 'starter-grdp-growth',
    folder: 'Kinh tế',
    name: 'Tăng trưởng GRDP qua các kỳ và các năm',
    sql: `SELECT period_start AS tu_nam, period_end AS den_nam, measure AS loai, basis AS co_so,
       value_low AS gia_tri, value_high AS gia_tri_cao, is_estimate AS uoc_tinh, doc_title AS tai_lieu, obs_id
FROM v_observations
WHERE indicator_id = 'grdp_growth'
ORDER BY tu_nam, den_nam, loai;`,
  },
  {
    id: 'starter-search-no-diacritics',
    folder: 'Tìm kiếm',
    name: 'Tìm chỉ tiêu không cần dấu (fold)',
    sql: `-- fold() bỏ dấu tiếng Việt: 'tang truong' tìm thấy 'tăng trưởng'
SELECT indicator_id, name_vi, unit, catalogued
FROM indicators
WHERE fold(name_vi) LIKE '%' || fold('tang truong') || '%'
ORDER BY name_vi;`,
  },
  {
    id: 'starter-figures-per-document',
    folder: 'Bắt đầu',
    name: 'Số liệu theo từng tài liệu',
    sql: `SELECT d.title AS tai_lieu, d.issued_on AS ngay, count(o.obs_id) AS so_lieu,
       count(*) FILTER (WHERE o.catalogued) AS da_phan_loai
FROM documents d LEFT JOIN observations o USING (doc_id)
GROUP BY ALL
ORDER BY ngay;`,
  },
];
