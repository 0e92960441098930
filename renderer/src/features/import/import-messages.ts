import type { ImportResult } from '../../lib/import/import-problem.ts';
import type { DocumentDetails, ExtractedDocument } from '../../lib/import/imported-document.ts';
import type { DocumentFormat } from '../../lib/import/read-document.ts';
import type { PreparedTable } from '../../lib/import/user-table.ts';

/** A document file read in the worker: its text, what it seems to be, and its bytes' SHA-256. */
export interface ReadFile {
  format: DocumentFormat;
  text: string;
  pages: number | null;
  details: DocumentDetails;
  sha256: string;
}

/** The jobs the import worker does, and what each answers. */
export interface ImportJobs {
  /** Reads a .txt/.md/.docx/.pdf file to text and proposes its details. */
  read: { input: { fileName: string; bytes: Uint8Array }; output: ReadFile };
  /** Extracts a read document's figures with the extraction core. */
  extract: {
    input: { docId: string; text: string; sha256: string; details: DocumentDetails; catalogueUrl: string };
    output: ExtractedDocument;
  };
  /** Loads the catalogue and runs the extraction core once, so that the first import does not wait for them. */
  prepare: { input: { catalogueUrl: string }; output: null };
  /** Parses a CSV/XLSX file into text columns for a user table. */
  table: { input: { fileName: string; bytes: Uint8Array }; output: PreparedTable };
}

export type ImportJobKind = keyof ImportJobs;

/** A job sent to the worker, numbered so answers find their caller. */
export type ImportRequest = {
  [K in ImportJobKind]: { id: number; kind: K; input: ImportJobs[K]['input'] };
}[ImportJobKind];

/** The worker's messages: progress of a job (0–1), its result, or a crash (a bug, not bad input). */
export type ImportAnswer =
  | { id: number; kind: 'progress'; fraction: number }
  | { id: number; kind: 'done'; result: ImportResult<ImportJobs[ImportJobKind]['output']> }
  | { id: number; kind: 'failed'; message: string };
