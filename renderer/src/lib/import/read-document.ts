import { decodeTextFile } from './decode-text.ts';
import { inferHints, type DocumentHints } from './document-hints.ts';
import { asResult, extensionOf, ImportError, megabytes, type ImportResult } from './import-problem.ts';
import { readDocxText } from './read-docx.ts';
import { readPdfText, type Pdfjs } from './read-pdf.ts';

export type DocumentFormat = 'txt' | 'md' | 'docx' | 'pdf';

/** Formats "Thêm tài liệu" and `--corpus` accept, by file extension. */
export const DOCUMENT_EXTENSIONS: readonly DocumentFormat[] = ['txt', 'md', 'docx', 'pdf'];

/** Larger files are refused before any parsing (a resolution PDF with scans is a few MB). */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

/** A document as read for extraction: the text every provenance offset points into, and what it seems to be. */
export interface ReadDocument {
  format: DocumentFormat;
  text: string;
  hints: DocumentHints;
  /** Pages, for a PDF. */
  pages: number | null;
}

export interface ReadOptions {
  /** Loads pdf.js: `loadBrowserPdfjs` in the app, `loadNodePdfjs` in Node. */
  pdfjs: () => Promise<Pdfjs>;
  /** Told after each PDF page is read, for a progress bar. */
  onPage?: (done: number, total: number) => void;
}

/** Reads an imported file by its extension; bad input is a result with a clear message, never a throw. */
export function readDocument(
  name: string,
  bytes: Uint8Array,
  options: ReadOptions,
): Promise<ImportResult<ReadDocument>> {
  return asResult(async () => {
    const format = extensionOf(name);
    if (!isDocumentFormat(format)) throw new ImportError('import.unsupported', { name });
    if (bytes.length > MAX_DOCUMENT_BYTES) {
      throw new ImportError('import.tooLarge', {
        name,
        size: megabytes(bytes.length),
        limit: megabytes(MAX_DOCUMENT_BYTES),
      });
    }
    if (bytes.length === 0) throw new ImportError('import.empty', { name });
    let text: string;
    let pages: number | null = null;
    if (format === 'docx') text = await readDocxText(name, bytes);
    else if (format === 'pdf')
      ({ text, pages } = await readPdfText(name, bytes, await options.pdfjs(), options.onPage));
    else text = decodeTextFile(name, bytes);
    if (text.trim() === '') throw new ImportError('import.noText', { name });
    return { format, text, hints: inferHints(text, format), pages };
  });
}

function isDocumentFormat(extension: string): extension is DocumentFormat {
  return (DOCUMENT_EXTENSIONS as readonly string[]).includes(extension);
}
