import type { WorkbenchDatabase } from '../db/database.ts';
import type { DbResult } from '../db/db-error.ts';
import { appObject } from '../db/sql.ts';
import type { ReadAsset } from '../warehouse/workspace.ts';
import { identifyFigures, type BaseFigure, type IdentifiedFigure } from './figure-identity.ts';

/** The base figures with their identities, and the documents' texts and hashes they were read from. */
export interface ReviewBase {
  figures: IdentifiedFigure[];
  documents: Map<string, { sha256: string; text: string }>;
}

/**
 * Reads the warehouse's own figures (never the corrected ones: a review applies to the base) and
 * the documents' texts, and gives each figure the identity a correction records. A source without
 * a text (a user's table) has no sentence to identify its figures by: neither it nor its rows are
 * read, which also keeps a table of a million rows out of this process's memory.
 */
export async function readReviewBase(
  db: WorkbenchDatabase,
  readAsset: ReadAsset,
): Promise<DbResult<ReviewBase>> {
  const docs = await db.queryRows(
    `SELECT doc_id, sha256, source_path FROM ${appObject('documents')} WHERE source_path IS NOT NULL ORDER BY doc_id`,
    [],
    (row) => ({ docId: String(row.doc_id), sha256: String(row.sha256), path: String(row.source_path) }),
  );
  if (!docs.ok) return docs;
  const documents = new Map<string, { sha256: string; text: string }>();
  for (const doc of docs.value) {
    try {
      const text = new TextDecoder('utf-8').decode(await readAsset(doc.path));
      documents.set(doc.docId, { sha256: doc.sha256, text });
    } catch (cause) {
      return { ok: false, error: { code: 'load', message: `${doc.path}: ${String(cause)}` } };
    }
  }
  const rows = await db.queryRows(
    `SELECT * FROM ${appObject('observations')}
     WHERE doc_id IN (SELECT doc_id FROM ${appObject('documents')} WHERE source_path IS NOT NULL)
     ORDER BY obs_id`,
    [],
    (row) => ({ ...row }) as BaseFigure,
  );
  if (!rows.ok) return rows;
  // A figure whose document is missing cannot be identified; it stays out of the review.
  const known = rows.value.filter((row) => documents.has(row.doc_id));
  return { ok: true, value: { figures: identifyFigures(known, documents), documents } };
}
