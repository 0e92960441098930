import type * as PdfjsApi from 'pdfjs-dist';
import { controlCount } from './decode-text.ts';
import { ImportError } from './import-problem.ts';
import { layoutPage, type PdfTextRun } from './pdf-text.ts';

/** The pdf.js module: its browser build with a bundled worker, or its legacy build in Node. */
export type Pdfjs = Pick<typeof PdfjsApi, 'getDocument'>;

// Fewer letters than this per page: a scanned image, perhaps with a stamped page number.
const MIN_LETTERS_PER_PAGE = 20;

/** The text layer of a PDF, page by page, laid out as plain-text lines (see `layoutPage`). */
export async function readPdfText(
  name: string,
  bytes: Uint8Array,
  pdfjs: Pdfjs,
  onPage: (done: number, total: number) => void = () => {},
): Promise<{ text: string; pages: number }> {
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    let document: PdfjsApi.PDFDocumentProxy;
    try {
      document = await task.promise;
    } catch (cause) {
      const kind = (cause as { name?: string } | null)?.name;
      throw new ImportError(kind === 'PasswordException' ? 'import.pdfEncrypted' : 'import.pdfCorrupt', {
        name,
      });
    }
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      pages.push(layoutPage(await pageRuns(document, number, name)));
      onPage(number, document.numPages);
    }
    const text = pages.join('\n\n');
    const letters = text.match(/\p{L}/gu)?.length ?? 0;
    if (letters < MIN_LETTERS_PER_PAGE * document.numPages)
      throw new ImportError('import.pdfNoText', { name });
    // Glyphs the PDF's font maps to no character come out as C0 control codes.
    const unmapped = controlCount(text);
    // A handful of odd glyphs is noise; many mean the letters themselves come out wrong
    // (a font whose Unicode map is only in ActualText spans, which pdf.js does not read).
    if (unmapped > 3 && unmapped > letters / 500) throw new ImportError('import.pdfBrokenFont', { name });
    return { text: `${text.trim()}\n`, pages: document.numPages };
  } finally {
    await task.destroy();
  }
}

async function pageRuns(
  document: PdfjsApi.PDFDocumentProxy,
  number: number,
  name: string,
): Promise<PdfTextRun[]> {
  try {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    page.cleanup();
    return content.items.flatMap((item) =>
      'str' in item
        ? [
            {
              str: item.str,
              hasEOL: item.hasEOL,
              x: Number(item.transform[4]),
              y: Number(item.transform[5]),
              width: item.width,
              height: item.height,
            },
          ]
        : [],
    );
  } catch {
    throw new ImportError('import.pdfCorrupt', { name });
  }
}
