import { parseCatalogue, type Catalogue } from '../../lib/extraction/catalogue.ts';
import { loadBrowserPdfjs } from '../../lib/import/pdfjs-browser.ts';
import type { ImportAnswer, ImportRequest } from './import-messages.ts';
import { runImportJob } from './import-jobs.ts';

// Reading a PDF or a Word file and extracting a long document take seconds: off the UI thread.
let catalogue: Promise<Catalogue> | undefined;

function post(answer: ImportAnswer, transfer: Transferable[] = []): void {
  self.postMessage(answer, { transfer });
}

// Fetched once and kept warm; a failed fetch is tried again by the next job.
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

async function run({ id, kind, input }: ImportRequest): Promise<void> {
  try {
    const result = await runImportJob(kind, input, {
      catalogue: loadCatalogue,
      pdfjs: loadBrowserPdfjs,
      onProgress: (fraction) => post({ id, kind: 'progress', fraction }),
    });
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
