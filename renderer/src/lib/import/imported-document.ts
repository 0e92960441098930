import { buildWarehouse } from '../extraction/build-warehouse.ts';
import type { Catalogue } from '../extraction/catalogue.ts';
import { documentProfile } from '../extraction/document-profile.ts';
import type { ManifestEntry } from '../extraction/manifest.ts';
import { foldDiacritics } from '../format/fold-diacritics.ts';
import type { WarehouseRow } from '../warehouse/columns.ts';
import type { DocumentHints } from './document-hints.ts';

/** What the import form asks about a document: the extraction's profile, proposed from its header. */
export interface DocumentDetails {
  title: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; empty when unknown. */
  issuedOn: string;
  /** A corpus doc_type (`nghi_quyet_hdnd`, `bao_cao_ke_hoach_5_nam`, …); empty when unknown. */
  docType: string;
  issuer: string;
}

/** An imported document's rows for the warehouse: its document row, its figures, indicators it derived. */
export interface ExtractedDocument {
  document: WarehouseRow;
  observations: WarehouseRow[];
  /** Uncatalogued indicators its figures name (`x_…` ids), to be added where the warehouse lacks them. */
  indicators: WarehouseRow[];
}

/** The path an imported document's text is read from in the document reader. */
export function importedTextPath(docId: string): string {
  return `imported/${docId}.txt`;
}

/** Proposes title, date, genre and issuer the way the extractor reads a header, the reader's hints as fallback. */
export function proposeDetails(text: string, hints: DocumentHints, fileName: string): DocumentDetails {
  const profile = documentProfile(text.normalize('NFC'), undefined);
  return {
    title: profile.title ?? hints.title ?? fileName.replace(/\.[^.]*$/u, ''),
    issuedOn: profile.issuedOn ?? hints.issuedOn ?? '',
    docType: profile.genre ?? hints.docType ?? '',
    issuer: profile.issuer ?? '',
  };
}

/** A document id from a file name, like the corpus's (`Kế hoạch 2026.docx` → `ke-hoach-2026`), not among `taken`. */
export function importedDocId(fileName: string, taken: ReadonlySet<string>): string {
  const base =
    foldDiacritics(fileName.replace(/\.[^.]*$/u, ''))
      .replace(/[^a-z0-9_]+/gu, '-')
      .replace(/^-+|-+$/gu, '')
      .slice(0, 80) || 'tai-lieu';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Extracts an imported document with the one extraction core, its details (as the user confirmed
 * them) standing in for a manifest entry; a detail left empty is read from the header as usual.
 */
export async function extractImportedDocument(
  input: { docId: string; text: string; sha256: string; details: DocumentDetails },
  catalogue: Catalogue,
): Promise<ExtractedDocument> {
  const { docId, text, sha256, details } = input;
  const header = documentProfile(text.normalize('NFC'), undefined);
  const entry: ManifestEntry = {
    doc_id: docId,
    title: details.title.trim() || header.title || docId,
    doc_type: details.docType.trim() || header.genre || '',
    issuer: details.issuer.trim() || header.issuer || '',
    issued_on: details.issuedOn.trim() || header.issuedOn || '',
  };
  const rows = await buildWarehouse(
    [{ docId, bytes: new TextEncoder().encode(text), text }],
    { documents: [entry] },
    catalogue,
  );
  const built = rows.documents[0] ?? {};
  const document: WarehouseRow = {
    ...built,
    doc_type: entry.doc_type || null,
    issuer: entry.issuer || null,
    issued_on: entry.issued_on || null,
    // The file's bytes, not the text's: what a correction's figure identity names.
    sha256,
    source_path: importedTextPath(docId),
  };
  return {
    document,
    observations: rows.observations,
    indicators: rows.indicators.filter((row) => row.catalogued === false),
  };
}
