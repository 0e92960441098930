import { ImportError } from './import-problem.ts';

type Mammoth = typeof import('mammoth');

/** The text of a .docx (mammoth's raw text: one paragraph a line, a blank line between paragraphs). */
export async function readDocxText(name: string, bytes: Uint8Array): Promise<string> {
  // Loaded when a .docx comes: the import worker starts quicker without it (most imports are not Word).
  const { default: mammoth } = (await import('mammoth')) as { default: Mammoth };
  const copy = bytes.slice();
  // Node's mammoth opens `buffer`, its browser build `arrayBuffer`: give both.
  const input = { buffer: copy, arrayBuffer: copy.buffer } as unknown as Parameters<
    Mammoth['extractRawText']
  >[0];
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText(input));
  } catch {
    throw new ImportError('import.docxCorrupt', { name });
  }
  // mammoth ends every paragraph with "\n\n"; keep the blank lines (they separate paragraphs).
  return value.replace(/\s+$/u, '\n');
}
