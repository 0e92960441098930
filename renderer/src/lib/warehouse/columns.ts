import type { WarehouseTable } from './tables.ts';

export type ColumnType = 'string' | 'int' | 'double' | 'bool';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** Vietnamese description, shown in the schema browser (from DATA-CONTRACT.md). */
  vi: string;
  en: string;
}

/** The warehouse columns, in file order: the single source for writers, loaders and the schema browser. */
export const WAREHOUSE_COLUMNS: Record<WarehouseTable, readonly ColumnSpec[]> = {
  documents: [
    {
      name: 'doc_id',
      type: 'string',
      vi: 'Mã tài liệu (tên tệp không có .txt)',
      en: 'Document id (file name without .txt)',
    },
    { name: 'title', type: 'string', vi: 'Tiêu đề tài liệu', en: 'Document title' },
    { name: 'doc_type', type: 'string', vi: 'Loại tài liệu', en: 'Document type' },
    { name: 'issuer', type: 'string', vi: 'Cơ quan ban hành', en: 'Issuer' },
    { name: 'issued_on', type: 'string', vi: 'Ngày ban hành', en: 'Issue date' },
    {
      name: 'char_count',
      type: 'int',
      vi: 'Số ký tự (UTF-16) của văn bản gốc',
      en: 'Raw text length in UTF-16 code units',
    },
    { name: 'sha256', type: 'string', vi: 'Mã băm SHA-256 của tệp gốc', en: 'SHA-256 of the file bytes' },
    {
      name: 'source_path',
      type: 'string',
      vi: 'Đường dẫn văn bản gốc trong ứng dụng',
      en: 'Path of the raw text inside the app',
    },
  ],
  indicators: [
    { name: 'indicator_id', type: 'string', vi: 'Mã chỉ tiêu chuẩn', en: 'Canonical indicator id' },
    { name: 'name_vi', type: 'string', vi: 'Tên chỉ tiêu (tiếng Việt)', en: 'Indicator name (Vietnamese)' },
    { name: 'name_en', type: 'string', vi: 'Tên chỉ tiêu (tiếng Anh)', en: 'Indicator name (English)' },
    { name: 'domain', type: 'string', vi: 'Lĩnh vực', en: 'Domain' },
    {
      name: 'group',
      type: 'string',
      vi: 'Nhóm chỉ tiêu thống kê cấp tỉnh (dat_dai, dan_so, …, hanh_chinh)',
      en: 'Group of the provincial statistical indicator system (dat_dai, dan_so, …, hanh_chinh)',
    },
    { name: 'unit', type: 'string', vi: 'Đơn vị tính', en: 'Unit' },
    {
      name: 'kind',
      type: 'string',
      vi: 'Loại chỉ tiêu: level, growth, share, rate, count, rank, index',
      en: 'Indicator kind: level, growth, share, rate, count, rank, index',
    },
    {
      name: 'higher_is_better',
      type: 'bool',
      vi: 'Cao hơn là tốt hơn (trống nếu không xác định)',
      en: 'Higher is better (empty when neither)',
    },
    {
      name: 'phrasings',
      type: 'string',
      vi: 'Các cách diễn đạt dùng để nhận diện, phân cách bằng " | "',
      en: 'Vietnamese phrasings matched, separated by " | "',
    },
    {
      name: 'catalogued',
      type: 'bool',
      vi: 'Có trong danh mục chỉ tiêu',
      en: 'Listed in the indicator catalogue',
    },
  ],
  observations: [
    { name: 'obs_id', type: 'string', vi: 'Mã số liệu (ổn định)', en: 'Stable observation id' },
    { name: 'doc_id', type: 'string', vi: 'Tài liệu nguồn', en: 'Source document' },
    {
      name: 'char_start',
      type: 'int',
      vi: 'Vị trí bắt đầu của số trong văn bản gốc',
      en: 'Start offset of the number in the raw text',
    },
    {
      name: 'char_end',
      type: 'int',
      vi: 'Vị trí kết thúc (không tính) của số',
      en: 'End offset (exclusive) of the number',
    },
    {
      name: 'quote',
      type: 'string',
      vi: 'Câu hoặc vế câu nêu số liệu',
      en: 'Sentence or clause stating the figure',
    },
    { name: 'indicator_id', type: 'string', vi: 'Mã chỉ tiêu chuẩn', en: 'Canonical indicator' },
    {
      name: 'label_vi',
      type: 'string',
      vi: 'Chỉ tiêu theo cách viết của tài liệu',
      en: 'Indicator as the document words it',
    },
    { name: 'value_low', type: 'double', vi: 'Giá trị (cận dưới)', en: 'Value (low end)' },
    {
      name: 'value_high',
      type: 'double',
      vi: 'Giá trị (cận trên; bằng cận dưới nếu là một số)',
      en: 'Value (high end)',
    },
    { name: 'unit', type: 'string', vi: 'Đơn vị tính', en: 'Unit' },
    {
      name: 'comparator',
      type: 'string',
      vi: 'So sánh: =, ~, >=, >, <=, <',
      en: 'Comparator: =, ~, >=, >, <=, <',
    },
    {
      name: 'measure',
      type: 'string',
      vi: 'Loại: actual (thực hiện), target (chỉ tiêu), change (thay đổi)',
      en: 'actual, target or change',
    },
    { name: 'is_estimate', type: 'bool', vi: 'Số ước tính (ước đạt, dự ước…)', en: 'Estimate' },
    { name: 'period_start', type: 'int', vi: 'Năm đầu kỳ', en: 'First year of the period' },
    { name: 'period_end', type: 'int', vi: 'Năm cuối kỳ', en: 'Last year of the period' },
    {
      name: 'term',
      type: 'string',
      vi: 'Giai đoạn kế hoạch (2016-2020, 2021-2025, 2026-2030)',
      en: 'Plan period',
    },
    {
      name: 'basis',
      type: 'string',
      vi: 'Cơ sở: level, annual_avg, each_year, total',
      en: 'Basis: level, annual_avg, each_year, total',
    },
    {
      name: 'period_note',
      type: 'string',
      vi: 'Phần của năm (9 tháng, quý I, 6 tháng đầu năm, năm học 2024 - 2025); trống nếu cả năm',
      en: 'Part of the year a sub-year figure covers; empty for whole years',
    },
    { name: 'base_year', type: 'int', vi: 'Năm gốc so sánh', en: 'Baseline year' },
    { name: 'denominator', type: 'double', vi: 'Mẫu số (106/175 xã → 175)', en: 'Denominator' },
    { name: 'in_footnote', type: 'bool', vi: 'Số liệu nằm trong chú thích', en: 'Stated in a footnote' },
    {
      name: 'sentence_start',
      type: 'int',
      vi: 'Vị trí bắt đầu của câu trích trong văn bản gốc',
      en: 'Start offset of the quoted sentence',
    },
    {
      name: 'sentence_end',
      type: 'int',
      vi: 'Vị trí kết thúc (không tính) của câu trích',
      en: 'End offset (exclusive) of the quoted sentence',
    },
    { name: 'catalogued', type: 'bool', vi: 'Chỉ tiêu có trong danh mục', en: 'Indicator is catalogued' },
  ],
  units: [
    {
      name: 'unit',
      type: 'string',
      vi: 'Đơn vị tính như trong số liệu',
      en: 'Unit as written in observations',
    },
    {
      name: 'dimension',
      type: 'string',
      vi: 'Đại lượng đo (chỉ quy đổi trong cùng đại lượng)',
      en: 'What the unit measures (converts only within one)',
    },
    {
      name: 'scale',
      type: 'double',
      vi: 'Hệ số so với đơn vị gốc của đại lượng',
      en: 'Size in the base unit',
    },
    { name: 'name_en', type: 'string', vi: 'Tên đơn vị tiếng Anh', en: 'English name of the unit' },
  ],
};

export type CellValue = string | number | boolean | null;
export type WarehouseRow = Record<string, CellValue>;
