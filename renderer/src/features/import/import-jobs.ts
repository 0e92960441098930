import type { Catalogue } from '../../lib/extraction/catalogue.ts';
import { sha256Hex } from '../../lib/extraction/source-document.ts';
import { asResult, type ImportResult } from '../../lib/import/import-problem.ts';
import { extractImportedDocument, proposeDetails } from '../../lib/import/imported-document.ts';
import { readDocument } from '../../lib/import/read-document.ts';
import type { Pdfjs } from '../../lib/import/read-pdf.ts';
import { prepareUserTable } from '../../lib/import/user-table.ts';
import type { ImportJobKind, ImportJobs } from './import-messages.ts';

/** What the jobs need from where they run: the catalogue at a URL, PDF.js, and a progress report. */
export interface ImportJobEnvironment {
  catalogue: (url: string) => Promise<Catalogue>;
  pdfjs: () => Promise<Pdfjs>;
  onProgress: (fraction: number) => void;
}

// One sentence through the whole core: builds the catalogue's matcher and compiles the hot code
// while the user is still choosing a file.
const WARM_UP_TEXT = 'Năm 2025, tỷ lệ che phủ rừng đạt 63,5%; phấn đấu đến năm 2030 đạt 65%.\n';

/**
 * Runs one import job: in the import worker (import.worker.ts), and in tests in their own process.
 * Bad input is a result with its message; anything thrown is a bug the caller reports.
 */
export async function runImportJob<K extends ImportJobKind>(
  kind: K,
  input: ImportJobs[K]['input'],
  environment: ImportJobEnvironment,
): Promise<ImportResult<ImportJobs[K]['output']>> {
  const job = { kind, input } as {
    [J in ImportJobKind]: { kind: J; input: ImportJobs[J]['input'] };
  }[ImportJobKind];
  let result: ImportResult<ImportJobs[ImportJobKind]['output']>;
  if (job.kind === 'read') result = await readFile(job.input, environment);
  else if (job.kind === 'prepare') {
    const known = await environment.catalogue(job.input.catalogueUrl);
    const details = { title: '', issuedOn: '', docType: '', issuer: '' };
    await extractImportedDocument({ docId: 'warm-up', text: WARM_UP_TEXT, sha256: '', details }, known);
    result = { ok: true, value: null };
  } else if (job.kind === 'table') result = await prepareUserTable(job.input.fileName, job.input.bytes);
  else {
    const { catalogueUrl, ...document } = job.input;
    const known = await environment.catalogue(catalogueUrl);
    result = await asResult(() => extractImportedDocument(document, known));
  }
  return result as ImportResult<ImportJobs[K]['output']>;
}

async function readFile(
  { fileName, bytes }: ImportJobs['read']['input'],
  { pdfjs, onProgress }: ImportJobEnvironment,
): Promise<ImportResult<ImportJobs['read']['output']>> {
  const sha256 = await sha256Hex(bytes);
  const read = await readDocument(fileName, bytes, {
    pdfjs,
    onPage: (done, total) => onProgress(done / total),
  });
  if (!read.ok) return read;
  const { format, text, pages, hints } = read.value;
  return { ok: true, value: { format, text, pages, sha256, details: proposeDetails(text, hints, fileName) } };
}
