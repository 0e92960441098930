import { parseCatalogue, type Catalogue } from '../../lib/extraction/catalogue.ts';
import { sha256Hex } from '../../lib/extraction/source-document.ts';
import { asResult, type ImportResult } from '../../lib/import/import-problem.ts';
import { extractImportedDocument, proposeDetails } from '../../lib/import/imported-document.ts';
import { loadBrowserPdfjs } from '../../lib/import/pdfjs-browser.ts';
import { readDocument } from '../../lib/import/read-document.ts';
import { prepareUserTable } from '../../lib/import/user-table.ts';
import type { ImportAnswer, ImportJobs, ImportRequest, ReadFile } from './import-messages.ts';

// Reading a PDF or a Word file and extracting a long document take seconds: off the UI thread.
let catalogue: Promise<Catalogue> | undefined;

function post(answer: ImportAnswer, transfer: Transferable[] = []): void {
  self.postMessage(answer, { transfer });
}

async function readFile(
  id: number,
  { fileName, bytes }: ImportJobs['read']['input'],
): Promise<ImportResult<ReadFile>> {
  const sha256 = await sha256Hex(bytes);
  const read = await readDocument(fileName, bytes, {
    pdfjs: loadBrowserPdfjs,
    onPage: (done, total) => post({ id, kind: 'progress', fraction: done / total }),
  });
  if (!read.ok) return read;
  const { format, text, pages, hints } = read.value;
  return { ok: true, value: { format, text, pages, sha256, details: proposeDetails(text, hints, fileName) } };
}

function loadCatalogue(url: string): Promise<Catalogue> {
  catalogue ??= fetch(url)
    .then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.json() as Promise<unknown>;
    })
    .then(parseCatalogue);
  catalogue.catch(() => (catalogue = undefined));
  return catalogue;
}

// One sentence through the whole core: builds the catalogue's matcher and compiles the hot code
// while the user is still choosing a file.
const WARM_UP_TEXT = 'Năm 2025, tỷ lệ che phủ rừng đạt 63,5%; phấn đấu đến năm 2030 đạt 65%.\n';

async function prepare(catalogueUrl: string): Promise<ImportResult<null>> {
  const known = await loadCatalogue(catalogueUrl);
  const details = { title: '', issuedOn: '', docType: '', issuer: '' };
  await extractImportedDocument({ docId: 'warm-up', text: WARM_UP_TEXT, sha256: '', details }, known);
  return { ok: true, value: null };
}

async function run(request: ImportRequest): Promise<void> {
  const { id } = request;
  try {
    let result: ImportResult<ImportJobs[keyof ImportJobs]['output']>;
    if (request.kind === 'read') result = await readFile(id, request.input);
    else if (request.kind === 'prepare') result = await prepare(request.input.catalogueUrl);
    else if (request.kind === 'table')
      result = await prepareUserTable(request.input.fileName, request.input.bytes);
    else {
      const { catalogueUrl, ...input } = request.input;
      const known = await loadCatalogue(catalogueUrl);
      result = await asResult(() => extractImportedDocument(input, known));
    }
    const transfer =
      result.ok && result.value !== null && 'batches' in result.value
        ? result.value.batches.map((batch) => batch.buffer)
        : [];
    post({ id, kind: 'done', result }, transfer);
  } catch (cause) {
    post({ id, kind: 'failed', message: cause instanceof Error ? cause.message : String(cause) });
  }
}

self.onmessage = (event: MessageEvent<ImportRequest>) => void run(event.data);
