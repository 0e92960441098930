import mammoth from 'mammoth';
import { ImportError } from './import-problem.ts';

/** The text of a .docx (mammoth's raw text: one paragraph a line, a blank line between paragraphs). */
export async function readDocxText(name: string, bytes: Uint8Array): Promise<string> {
  const copy = bytes.slice();
  // Node's mammoth opens `buffer`, its browser build `arrayBuffer`: give both.
  const input = { buffer: copy, arrayBuffer: copy.buffer } as unknown as Parameters<
    typeof mammoth.extractRawText
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
