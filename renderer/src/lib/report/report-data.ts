import type { WorkbenchDatabase } from '../db/database.ts';
import type { DbResult } from '../db/db-error.ts';
import { appObject, inBoundList } from '../db/sql.ts';
import { readPlanPeriods, type PeriodColumn } from '../meaning/plan-periods.ts';
import { DEFAULT_PIVOT_CONFIG } from '../pivot/pivot-config.ts';
import { buildPivotQuery } from '../pivot/pivot-query.ts';
import { readPivot, type PivotRow } from '../pivot/pivot-rows.ts';
import { inViewColumns, inViewOrder, viewIndicators, type PivotView } from './pivot-view.ts';

export type ReportPeriods = 'terms' | 'years';

export interface ReportRequest {
  /** Indicator ids, or every catalogued indicator with a target or a result. */
  indicators: readonly string[] | 'all';
  periods: ReportPeriods;
  /**
   * The pivot as displayed: when given, the report shows its rows in its order, its periods and its
   * filters (the same pivot query), and `indicators` and `periods` are not used.
   */
  view?: PivotView;
}

export interface DetailRow {
  indicator: string;
  /** The catalogue's English name (the Vietnamese one where the catalogue has none). */
  indicatorEn: string;
  indicatorId: string;
  unit: string;
  periodStart: number;
  periodEnd: number;
  measure: string;
  basis: string;
  comparator: string;
  valueLow: number;
  valueHigh: number;
  isEstimate: boolean;
  docId: string;
  docTitle: string;
  issuedOn: string;
  quote: string;
  obsId: string;
  /** "đã hiệu đính": a user correction applies to the figure. */
  reviewed: boolean;
  correctionNote: string;
}

/** One user correction or chosen source, for the report's provenance sheet. */
export interface CorrectionRecord {
  kind: string;
  status: string;
  docId: string;
  numberText: string;
  before: string;
  after: string;
  note: string;
  createdAt: string;
}

export interface SourceDocumentRow {
  docId: string;
  title: string;
  docType: string;
  issuer: string;
  issuedOn: string;
  charCount: number;
  sha256: string;
}

/** Everything a report shows, read from DuckDB once. */
export interface ReportData {
  columns: PeriodColumn[];
  rows: PivotRow[];
  details: DetailRow[];
  documents: SourceDocumentRow[];
  corrections: CorrectionRecord[];
}

/** An indicator a report can show, with its domain (for a domain's quick report). */
export interface ReportableIndicator {
  id: string;
  name: string;
  domain: string | null;
}

/** The catalogued indicators that have a target or a result ("all" in a report request). */
export async function reportableIndicators(db: WorkbenchDatabase): Promise<DbResult<ReportableIndicator[]>> {
  return db.queryRows(
    `SELECT indicator_id AS id, any_value(indicator_name_vi) AS name, any_value(domain) AS domain
     FROM ${appObject('v_observations')}
     WHERE catalogued AND measure IN ('target', 'actual') GROUP BY indicator_id ORDER BY name`,
    [],
    (row) => ({
      id: String(row.id),
      name: String(row.name),
      domain: row.domain === null ? null : String(row.domain),
    }),
  );
}

/** Reads a report's pivot (the same query as the Chỉ tiêu area), its figures and its documents. */
export async function readReportData(
  db: WorkbenchDatabase,
  request: ReportRequest,
): Promise<DbResult<ReportData>> {
  let ids: readonly string[];
  if (request.view) ids = viewIndicators(request.view);
  else if (request.indicators === 'all') {
    const all = await reportableIndicators(db);
    if (!all.ok) return all;
    ids = all.value.map((indicator) => indicator.id);
  } else ids = request.indicators;
  const periods = await readPlanPeriods(db);
  if (!periods.ok) return periods;
  const view = request.view;
  const query = buildPivotQuery(
    view
      ? view.config
      : { ...DEFAULT_PIVOT_CONFIG, catalogue: 'all', expandYears: request.periods === 'years' },
    periods.value,
    ids,
  );
  // Read when the engine is idle, as the pivot area reads it: after the table of its figures is computed.
  const pivot = await db.idleQuery(query.sql, query.params);
  if (!pivot.ok) return pivot;
  const columns = view ? inViewColumns(query.columns, view) : query.columns;
  const rows = readPivot(pivot.value, columns);
  const details = await db.query(
    `SELECT coalesce(indicator_name_vi, label_vi) AS indicator,
            coalesce(indicator_name_en, indicator_name_vi, label_vi) AS indicator_en, indicator_id, unit, period_start, period_end, measure, basis,
            comparator, value_low, value_high, is_estimate, doc_id, doc_title, issued_on, quote, obs_id,
            reviewed, correction_note
     FROM ${appObject('v_observations')}
     WHERE ${inBoundList('indicator_id', ',')} AND measure IN ('target', 'actual', 'change')
     ORDER BY indicator, period_start, period_end, measure, issued_on`,
    [ids.join(',')],
  );
  if (!details.ok) return details;
  const documents = await db.query(
    `SELECT doc_id, title, doc_type, issuer, issued_on, char_count, sha256 FROM ${appObject('documents')} ORDER BY issued_on`,
  );
  if (!documents.ok) return documents;
  const corrections = await db.query(
    `SELECT kind, status, doc_id, number_text, before_json, after_json, note, created_at
     FROM ${appObject('corrections')} ORDER BY created_at, correction_id`,
  );
  if (!corrections.ok) return corrections;
  return {
    ok: true,
    value: {
      columns,
      rows: view ? inViewOrder(rows, view) : rows,
      details: details.value.toArray().map((row) => ({
        indicator: String(row.indicator),
        indicatorEn: String(row.indicator_en),
        indicatorId: String(row.indicator_id),
        unit: String(row.unit ?? ''),
        periodStart: Number(row.period_start),
        periodEnd: Number(row.period_end),
        measure: String(row.measure),
        basis: String(row.basis),
        comparator: String(row.comparator),
        valueLow: Number(row.value_low),
        valueHigh: Number(row.value_high),
        isEstimate: Boolean(row.is_estimate),
        docId: String(row.doc_id ?? ''),
        docTitle: String(row.doc_title ?? ''),
        issuedOn: String(row.issued_on ?? ''),
        quote: String(row.quote ?? ''),
        obsId: String(row.obs_id),
        reviewed: Boolean(row.reviewed),
        correctionNote: String(row.correction_note ?? ''),
      })),
      corrections: corrections.value.toArray().map((row) => ({
        kind: String(row.kind),
        status: String(row.status),
        docId: String(row.doc_id),
        numberText: String(row.number_text ?? ''),
        before: String(row.before_json ?? ''),
        after: String(row.after_json ?? ''),
        note: String(row.note ?? ''),
        createdAt: String(row.created_at),
      })),
      documents: documents.value.toArray().map((row) => ({
        docId: String(row.doc_id),
        title: String(row.title),
        docType: String(row.doc_type ?? ''),
        issuer: String(row.issuer ?? ''),
        issuedOn: String(row.issued_on ?? ''),
        charCount: Number(row.char_count),
        sha256: String(row.sha256),
      })),
    },
  };
}

/** A cell's value as one number for charts: the middle of a range. */
export function middleOf(low: number | null, high: number | null): number | null {
  if (low === null) return null;
  return high === null ? low : (low + high) / 2;
}
