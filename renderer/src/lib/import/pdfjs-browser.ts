import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { Pdfjs } from './read-pdf.ts';

/** pdf.js in the app: its worker is a bundled asset (a `?url` import), so nothing is fetched from outside. */
export async function loadBrowserPdfjs(): Promise<Pdfjs> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  return pdfjs;
}
