import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseManifest, type Manifest } from '../../renderer/src/lib/extraction/manifest.ts';
import { decodeSource, type SourceDocument } from '../../renderer/src/lib/extraction/source-document.ts';
import { CliError, shown } from './cli-args.ts';

/** Largest document read: far beyond any plan or report, small enough never to exhaust memory. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/** Reads every `*.txt` of a corpus folder (in name order) and its manifest when present. */
export async function readCorpus(
  dir: string,
): Promise<{ sources: SourceDocument[]; manifest: Manifest | null }> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  } catch {
    throw new CliError(
      `không đọc được thư mục văn bản ${shown(dir)}`,
      `cannot read corpus folder ${shown(dir)}`,
    );
  }
  if (names.length === 0) {
    throw new CliError(`không có tệp .txt nào trong ${shown(dir)}`, `no .txt documents in ${shown(dir)}`);
  }
  const sources: SourceDocument[] = [];
  for (const name of names) sources.push(await readDocument(dir, name));
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
  const docId = name.slice(0, -'.txt'.length);
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
