import type { WorkbenchDatabase } from '../../lib/db/database.ts';
import type { DbResult } from '../../lib/db/db-error.ts';
import { appObject, inBoundList } from '../../lib/db/sql.ts';
import { consistencyChecksSql } from '../../lib/pivot/consistency-checks.ts';

/** One figure as the drill-down panel shows it: its corrected fields, its document and marks. */
export interface FigureDetail {
  obsId: string;
  docId: string;
  docTitle: string;
  docType: string;
  issuedOn: string;
  indicatorId: string;
  indicatorName: string;
  catalogued: boolean;
  valueLow: number | null;
  valueHigh: number | null;
  unit: string;
  comparator: string;
  measure: 'target' | 'actual' | 'change';
  isEstimate: boolean;
  periodStart: number | null;
  periodEnd: number | null;
  periodNote: string | null;
  basis: 'level' | 'annual_avg' | 'each_year' | 'total';
  baseYear: number | null;
  quote: string;
  charStart: number;
  charEnd: number;
  sentenceStart: number;
  sentenceEnd: number;
  reviewed: boolean;
  correctionNote: string | null;
  userPreferred: boolean;
  sourceRank: number;
}

const nullableNumber = (value: unknown): number | null => (value === null ? null : Number(value));

function readDetail(row: Record<string, unknown>): FigureDetail {
  return {
    obsId: String(row.obs_id),
    docId: String(row.doc_id),
    docTitle: String(row.doc_title ?? row.doc_id),
    docType: String(row.doc_type ?? ''),
    issuedOn: String(row.issued_on ?? ''),
    indicatorId: String(row.indicator_id),
    indicatorName: String(row.indicator_name ?? row.indicator_id),
    catalogued: Boolean(row.catalogued),
    valueLow: nullableNumber(row.value_low),
    valueHigh: nullableNumber(row.value_high),
    unit: String(row.unit ?? ''),
    comparator: String(row.comparator ?? '='),
    measure: String(row.measure) as FigureDetail['measure'],
    isEstimate: Boolean(row.is_estimate),
    periodStart: nullableNumber(row.period_start),
    periodEnd: nullableNumber(row.period_end),
    periodNote: row.period_note === null ? null : String(row.period_note),
    basis: String(row.basis) as FigureDetail['basis'],
    baseYear: nullableNumber(row.base_year),
    quote: String(row.quote ?? ''),
    charStart: Number(row.char_start),
    charEnd: Number(row.char_end),
    sentenceStart: Number(row.sentence_start ?? row.char_start),
    sentenceEnd: Number(row.sentence_end ?? row.char_end),
    reviewed: Boolean(row.reviewed),
    correctionNote: row.correction_note === null ? null : String(row.correction_note),
    userPreferred: Boolean(row.user_preferred),
    sourceRank: Number(row.source_rank ?? 1),
  };
}

const DETAIL_COLUMNS = `obs_id, doc_id, doc_title, doc_type, issued_on, indicator_id,
  coalesce(indicator_name_vi, label_vi) AS indicator_name, catalogued, value_low, value_high, unit, comparator,
  measure, is_estimate, period_start, period_end, period_note, basis, base_year, quote, char_start, char_end,
  sentence_start, sentence_end, reviewed, correction_note, user_preferred, source_rank`;

/** The figures with these ids as they are now (corrected), most preferred source first. */
export function figureDetails(
  db: WorkbenchDatabase,
  obsIds: readonly string[],
): Promise<DbResult<FigureDetail[]>> {
  // Ids are joined by a newline, which no id contains.
  return db.queryRows(
    `SELECT ${DETAIL_COLUMNS} FROM ${appObject('v_observations')}
     WHERE ${inBoundList('obs_id', 'newline')} ORDER BY preference_rank`,
    [obsIds.join('\n')],
    readDetail,
  );
}

/** A catalogue indicator a figure can be filed under. */
export interface CatalogueEntry {
  id: string;
  name: string;
  unit: string;
}

/** The catalogue's indicators, by name. */
export function catalogueEntries(db: WorkbenchDatabase): Promise<DbResult<CatalogueEntry[]>> {
  return db.queryRows(
    `SELECT indicator_id, name_vi, unit FROM ${appObject('indicators')} WHERE catalogued ORDER BY name_vi`,
    [],
    (row) => ({ id: String(row.indicator_id), name: String(row.name_vi), unit: String(row.unit ?? '') }),
  );
}

/** Why the extractor may have read a figure wrongly. */
export type UnsureReason = 'uncatalogued' | 'conflict' | 'check' | 'defaultPeriod';

/** A figure in the review queue: what it says, why it is there, and whether it has been reviewed. */
export interface QueueItem {
  obsId: string;
  docId: string;
  indicatorName: string;
  valueLow: number | null;
  valueHigh: number | null;
  unit: string;
  comparator: string;
  measure: string;
  periodStart: number | null;
  periodEnd: number | null;
  reasons: UnsureReason[];
  reviewed: boolean;
}

/**
 * Every figure of a document (or all), those the extractor was least sure of first: an indicator
 * outside the catalogue, sources that disagree, a failed consistency check, a period the sentence
 * does not state (taken from the document's frame); reviewed figures after the rest.
 */
export function reviewQueue(db: WorkbenchDatabase, docId: string | null): Promise<DbResult<QueueItem[]>> {
  return db.queryRows(
    `WITH checks AS (${consistencyChecksSql()}),
     failed AS (SELECT DISTINCT unnest(obs_ids) AS obs_id FROM checks),
     disputed AS (
       SELECT DISTINCT unnest(list_transform(sources, s -> s.obs_id)) AS obs_id
       FROM ${appObject('preferred_observations')} WHERE sources_disagree),
     flagged AS (
       SELECT o.*, coalesce(i.name_vi, o.label_vi) AS indicator_name,
              NOT o.catalogued AS uncatalogued,
              o.obs_id IN (SELECT obs_id FROM disputed) AS conflict,
              o.obs_id IN (SELECT obs_id FROM failed) AS check_failed,
              o.period_end IS NOT NULL AND NOT contains(o.quote, o.period_end::VARCHAR) AS default_period
       FROM ${appObject('effective_observations')} o
       LEFT JOIN ${appObject('indicators')} i USING (indicator_id)
       WHERE ?::VARCHAR IS NULL OR o.doc_id = ?)
     SELECT obs_id, doc_id, indicator_name, value_low, value_high, unit, comparator, measure, period_start, period_end,
            uncatalogued, conflict, check_failed, default_period, reviewed
     FROM flagged
     ORDER BY reviewed, (uncatalogued::INT + conflict::INT + check_failed::INT + default_period::INT) DESC,
              doc_id, char_start`,
    [docId, docId],
    (row) => ({
      obsId: String(row.obs_id),
      docId: String(row.doc_id),
      indicatorName: String(row.indicator_name ?? ''),
      valueLow: nullableNumber(row.value_low),
      valueHigh: nullableNumber(row.value_high),
      unit: String(row.unit ?? ''),
      comparator: String(row.comparator ?? '='),
      measure: String(row.measure),
      periodStart: nullableNumber(row.period_start),
      periodEnd: nullableNumber(row.period_end),
      reasons: (
        [
          ['uncatalogued', row.uncatalogued],
          ['conflict', row.conflict],
          ['check', row.check_failed],
          ['defaultPeriod', row.default_period],
        ] as const
      )
        .filter(([, flag]) => Boolean(flag))
        .map(([reason]) => reason),
      reviewed: Boolean(row.reviewed),
    }),
  );
}

/** How far the review of one document has come. */
export interface DocumentProgress {
  docId: string;
  title: string;
  total: number;
  reviewed: number;
}

/**
 * Per document: its figures (those marked "không phải số liệu" included) and how many of them
 * some correction touched.
 */
export function reviewProgress(db: WorkbenchDatabase): Promise<DbResult<DocumentProgress[]>> {
  return db.queryRows(
    `WITH done AS (
       SELECT doc_id, count(DISTINCT obs_id) AS n FROM ${appObject('corrections')}
       WHERE status = 'applied' AND kind <> 'prefer' GROUP BY doc_id),
     figures AS (
       SELECT doc_id, count(*) AS n FROM (
         SELECT doc_id, obs_id FROM ${appObject('observations')}
         UNION SELECT doc_id, obs_id FROM ${appObject('effective_observations')}) GROUP BY doc_id)
     SELECT d.doc_id, d.title, coalesce(f.n, 0) AS total, coalesce(done.n, 0) AS reviewed
     FROM ${appObject('documents')} d LEFT JOIN figures f USING (doc_id) LEFT JOIN done USING (doc_id)
     ORDER BY d.issued_on, d.doc_id`,
    [],
    (row) => ({
      docId: String(row.doc_id),
      title: String(row.title),
      total: Number(row.total),
      reviewed: Number(row.reviewed),
    }),
  );
}
