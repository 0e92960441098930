import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { loadNodePdfjs } from '../../renderer/src/lib/import/pdfjs-node.ts';
import { readDocument } from '../../renderer/src/lib/import/read-document.ts';
import { parseManifest, type Manifest } from '../../renderer/src/lib/extraction/manifest.ts';
import { decodeSource, type SourceDocument } from '../../renderer/src/lib/extraction/source-document.ts';

/** Reads every document (`.txt`, `.md`, `.docx`, `.pdf`) of a corpus folder (in name order) and its manifest when present. */
export async function readCorpus(
  dir: string,
): Promise<{ sources: SourceDocument[]; manifest: Manifest | null }> {
  let names: string[];
  try {
    // A folder's README.md describes the corpus; it is not one of its documents.
    names = (await readdir(dir))
      .filter((name) => READ_AS.has(extname(name).toLowerCase()) && name.toLowerCase() !== 'readme.md')
      .sort();
  } catch {
    throw new Error(`cannot read corpus folder ${dir}`);
  }
  if (names.length === 0) throw new Error(`no .txt, .md, .docx or .pdf documents in ${dir}`);
  const sources: SourceDocument[] = [];
  for (const name of names) {
    const bytes = await readFile(join(dir, name)).catch(() => {
      throw new Error(`cannot read ${join(dir, name)}`);
    });
    const source = await readSource(name, new Uint8Array(bytes));
    if (sources.some((other) => other.docId === source.docId))
      throw new Error(`two documents named ${source.docId} in ${dir}`);
    sources.push(source);
  }
  const manifestText = await readFile(join(dir, 'manifest.json'), 'utf8').catch(() => null);
  return { sources, manifest: manifestText === null ? null : parseManifest(manifestText) };
}

const READ_AS = new Set(['.txt', '.md', '.docx', '.pdf']);

// .txt byte for byte as before; other formats through the import readers, whose text offsets index.
async function readSource(name: string, bytes: Uint8Array): Promise<SourceDocument> {
  const docId = name.slice(0, -extname(name).length);
  if (extname(name).toLowerCase() === '.txt') return decodeSource(docId, bytes);
  const read = await readDocument(name, bytes, { pdfjs: loadNodePdfjs });
  if (!read.ok) throw new Error(read.error.message);
  return { docId, bytes, text: read.value.text };
}
