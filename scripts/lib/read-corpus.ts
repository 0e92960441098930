import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { loadNodePdfjs } from '../../renderer/src/lib/import/pdfjs-node.ts';
import { readDocument as readImported } from '../../renderer/src/lib/import/read-document.ts';
import { parseManifest, type Manifest } from '../../renderer/src/lib/extraction/manifest.ts';
import { decodeSource, type SourceDocument } from '../../renderer/src/lib/extraction/source-document.ts';
import { CliError, shown } from './cli-args.ts';

/** Largest document read: far beyond any plan or report, small enough never to exhaust memory. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/** Reads every document (`.txt`, `.md`, `.docx`, `.pdf`) of a corpus folder (in name order) and its manifest when present. */
export async function readCorpus(
  dir: string,
): Promise<{ sources: SourceDocument[]; manifest: Manifest | null }> {
  let names: string[];
  try {
    // A folder's README.md describes the corpus; it is not one of its documents.
    names = (await readdir(dir))
      .filter((name) => documentExtension(name) !== null && name.toLowerCase() !== 'readme.md')
      .sort();
  } catch {
    throw new CliError(
      `không đọc được thư mục văn bản ${shown(dir)}`,
      `cannot read corpus folder ${shown(dir)}`,
    );
  }
  if (names.length === 0) {
    throw new CliError(
      `không có tệp .txt, .md, .docx hay .pdf nào trong ${shown(dir)}`,
      `no .txt, .md, .docx or .pdf documents in ${shown(dir)}`,
    );
  }
  const sources: SourceDocument[] = [];
  for (const name of names) {
    const source = await readDocument(dir, name);
    if (sources.some((other) => other.docId === source.docId)) {
      throw new CliError(
        `hai tài liệu cùng tên ${shown(source.docId)} trong ${shown(dir)}`,
        `two documents named ${shown(source.docId)} in ${shown(dir)}`,
      );
    }
    sources.push(source);
  }
  const manifestText = await readFile(join(dir, 'manifest.json'), 'utf8').catch(() => null);
  if (manifestText === null) return { sources, manifest: null };
  try {
    return { sources, manifest: parseManifest(manifestText) };
  } catch (error) {
    const reason = (error as Error).message;
    throw new CliError(`manifest.json không hợp lệ (${reason})`, reason);
  }
}

async function readDocument(dir: string, name: string): Promise<SourceDocument> {
  const path = join(dir, name);
  const extension = documentExtension(name) ?? '';
  const docId = name.slice(0, -extension.length);
  if (docId.trim() === '') {
    throw new CliError(
      `tên tệp ${shown(name)} không cho mã tài liệu`,
      `file name ${shown(name)} gives no document id`,
    );
  }
  const size = (await stat(path).catch(() => null))?.size ?? 0;
  if (size > MAX_DOCUMENT_BYTES) {
    throw new CliError(
      `${shown(name)} quá lớn (${Math.round(size / 2 ** 20)} MB, tối đa ${MAX_DOCUMENT_BYTES / 2 ** 20} MB)`,
      `${shown(name)} is too large (${Math.round(size / 2 ** 20)} MB, at most ${MAX_DOCUMENT_BYTES / 2 ** 20} MB)`,
    );
  }
  const bytes = await readFile(path).catch(() => {
    throw new CliError(`không đọc được ${shown(path)}`, `cannot read ${shown(path)}`);
  });
  // .txt is read byte for byte as before; other formats through the import readers, whose text
  // the offsets index.
  if (extension !== '.txt') {
    const read = await readImported(name, new Uint8Array(bytes), { pdfjs: loadNodePdfjs });
    if (!read.ok)
      throw new CliError(`${shown(name)}: ${read.error.message}`, `${shown(name)}: ${read.error.message}`);
    return { docId, bytes: new Uint8Array(bytes), text: read.value.text };
  }
  if (looksUtf16(bytes)) {
    throw new CliError(
      `${shown(name)} là văn bản UTF-16; hãy lưu lại dưới dạng UTF-8`,
      `${shown(name)} is UTF-16 text; save it as UTF-8`,
    );
  }
  let source: SourceDocument;
  try {
    source = decodeSource(docId, new Uint8Array(bytes));
  } catch {
    throw new CliError(
      `${shown(name)} không phải văn bản UTF-8 hợp lệ`,
      `${shown(name)} is not valid UTF-8 text`,
    );
  }
  if (source.text.includes('\0')) {
    throw new CliError(
      `${shown(name)} chứa byte NUL: không phải tệp văn bản`,
      `${shown(name)} contains NUL bytes: not a text file`,
    );
  }
  return source;
}

// A UTF-16 byte-order mark, or the NUL in every other byte that ASCII text in UTF-16 has.
function looksUtf16(bytes: Uint8Array): boolean {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    return true;
  }
  const sample = Math.min(bytes.length, 4096);
  let nulAtOdd = 0;
  let nulAtEven = 0;
  for (let i = 0; i < sample; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) nulAtEven++;
    else nulAtOdd++;
  }
  return sample >= 4 && Math.max(nulAtOdd, nulAtEven) >= sample / 4;
}

// By the name's ending, not extname(): a file named only ".txt" is a text document with no id.
function documentExtension(name: string): string | null {
  return /\.(?:txt|md|docx|pdf)$/iu.exec(name)?.[0].toLowerCase() ?? null;
}
