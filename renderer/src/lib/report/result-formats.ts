/** The formats a query result can be exported to. */
export type ResultFormat = 'xlsx' | 'csv' | 'parquet' | 'json';

// Apart from the exporters (result-export.ts) so that naming a format does not load ExcelJS.
/** Each export format's file extension and MIME type. */
export const RESULT_FORMATS: Record<ResultFormat, { extension: string; mime: string }> = {
  xlsx: { extension: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  csv: { extension: 'csv', mime: 'text/csv' },
  parquet: { extension: 'parquet', mime: 'application/vnd.apache.parquet' },
  json: { extension: 'json', mime: 'application/json' },
};
