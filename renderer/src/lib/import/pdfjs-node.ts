import type { Pdfjs } from './read-pdf.ts';

/** pdf.js for Node (CLI, tests): the legacy build, which runs its worker code in the same thread. */
export async function loadNodePdfjs(): Promise<Pdfjs> {
  // pdf.js 6 calls Promise.withResolvers, which Node only has from version 22.
  if (!('withResolvers' in Promise)) {
    Object.defineProperty(Promise, 'withResolvers', {
      configurable: true,
      writable: true,
      value<T>() {
        let resolve!: (value: T) => void;
        let reject!: (reason?: unknown) => void;
        const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
        return { promise, resolve, reject };
      },
    });
  }
  return (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as Pdfjs;
}
