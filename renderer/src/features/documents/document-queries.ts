import type { WorkbenchDatabase } from '../../lib/db/database.ts';
import type { DbResult } from '../../lib/db/db-error.ts';
import { appObject, literal, typedIdent } from '../../lib/db/sql.ts';

export interface DocumentSummary {
  docId: string;
  title: string;
  docType: string | null;
  issuer: string | null;
  issuedOn: string | null;
  sourcePath: string;
  figures: number;
}

export interface FigureMark {
  obsId: string;
  start: number;
  end: number;
  sentenceStart: number;
  sentenceEnd: number;
  indicator: string;
  catalogued: boolean;
}

/** Documents with how many figures each holds, oldest first. */
export async function listDocuments(db: WorkbenchDatabase): Promise<DbResult<DocumentSummary[]>> {
  return db.queryRows(
    `SELECT d.doc_id, d.title, d.doc_type, d.issuer, d.issued_on, d.source_path, count(o.obs_id) AS figures
     FROM ${appObject('documents')} d LEFT JOIN ${appObject('effective_observations')} o USING (doc_id)
     GROUP BY ALL ORDER BY d.issued_on, d.doc_id`,
    [],
    (row) => ({
      docId: String(row.doc_id),
      title: String(row.title),
      docType: row.doc_type === null ? null : String(row.doc_type),
      issuer: row.issuer === null ? null : String(row.issuer),
      issuedOn: row.issued_on === null ? null : String(row.issued_on),
      sourcePath: String(row.source_path),
      figures: Number(row.figures),
    }),
  );
}

/** Every figure of one document, in text order, for highlighting. */
export async function figureMarks(db: WorkbenchDatabase, docId: string): Promise<DbResult<FigureMark[]>> {
  return db.queryRows(
    `SELECT o.obs_id, o.char_start, o.char_end, o.sentence_start, o.sentence_end, o.catalogued,
            coalesce(i.name_vi, o.label_vi) AS indicator
     FROM ${appObject('effective_observations')} o LEFT JOIN ${appObject('indicators')} i USING (indicator_id)
     WHERE o.doc_id = ? ORDER BY o.char_start`,
    [docId],
    (row) => ({
      obsId: String(row.obs_id),
      start: Number(row.char_start),
      end: Number(row.char_end),
      sentenceStart: Number(row.sentence_start),
      sentenceEnd: Number(row.sentence_end),
      indicator: String(row.indicator),
      catalogued: Boolean(row.catalogued),
    }),
  );
}

/** Where an observation sits: its document and spans. */
export async function locateObservation(
  db: WorkbenchDatabase,
  obsId: string,
): Promise<DbResult<{ docId: string; start: number; end: number } | null>> {
  const result = await db.query(
    `SELECT doc_id, char_start, char_end FROM ${appObject('effective_observations')} WHERE obs_id = ?`,
    [obsId],
  );
  if (!result.ok) return result;
  const row = result.value.get(0);
  return {
    ok: true,
    value: row
      ? { docId: String(row.doc_id), start: Number(row.char_start), end: Number(row.char_end) }
      : null,
  };
}

// What a statistician reads first about a figure; every other column follows.
const KEY_COLUMNS = [
  'value_low',
  'value_high',
  'unit',
  'comparator',
  'measure',
  'period_start',
  'period_end',
  'basis',
  'is_estimate',
  'quote',
  'doc_title',
];

/**
 * SQL that shows one figure with everything known about it (used when a highlight is clicked):
 * its indicator, value, unit, period and sentence first, then every other column.
 */
export function figureQuery(obsId: string, locale: 'vi' | 'en' = 'vi'): string {
  const name =
    locale === 'en'
      ? 'coalesce(indicator_name_en, indicator_name_vi, label_vi)'
      : 'coalesce(indicator_name_vi, label_vi)';
  const keys = KEY_COLUMNS.map((column) => typedIdent(column)).join(', ');
  return `SELECT ${name} AS indicator, ${keys}, * EXCLUDE (${keys})
FROM ${appObject('v_observations')} WHERE obs_id = ${literal(obsId)};`;
}
