// The import worker's own jobs, run in the test's process: vitest has no Web Worker to start it in.
// A test file puts it in place of the worker client with
//   vi.mock('…/features/import/import-worker-client.ts', () => import('…/support/import-worker-in-process.ts'))
// The catalogue is read from the URL the model gives (data/indicators.json, see the document stub).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runImportJob } from '../../renderer/src/features/import/import-jobs.ts';
import { parseCatalogue } from '../../renderer/src/lib/extraction/catalogue.ts';
import { loadNodePdfjs } from '../../renderer/src/lib/import/pdfjs-node.ts';

export class ImportWorker {
  run(kind: Parameters<typeof runImportJob>[0], input: never) {
    return runImportJob(kind, input, {
      catalogue: async (url) => parseCatalogue(JSON.parse(await readFile(fileURLToPath(url), 'utf8'))),
      pdfjs: loadNodePdfjs,
      onProgress: () => {},
    });
  }
}
