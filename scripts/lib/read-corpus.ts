import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseManifest, type Manifest } from '../../renderer/src/lib/extraction/manifest.ts';
import { decodeSource, type SourceDocument } from '../../renderer/src/lib/extraction/source-document.ts';

/** Reads every `*.txt` of a corpus folder (in name order) and its manifest when present. */
export async function readCorpus(
  dir: string,
): Promise<{ sources: SourceDocument[]; manifest: Manifest | null }> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  } catch {
    throw new Error(`cannot read corpus folder ${dir}`);
  }
  if (names.length === 0) throw new Error(`no .txt documents in ${dir}`);
  const sources: SourceDocument[] = [];
  for (const name of names) {
    const bytes = await readFile(join(dir, name)).catch(() => {
      throw new Error(`cannot read ${join(dir, name)}`);
    });
    sources.push(decodeSource(name.slice(0, -'.txt'.length), new Uint8Array(bytes)));
  }
  const manifestText = await readFile(join(dir, 'manifest.json'), 'utf8').catch(() => null);
  return { sources, manifest: manifestText === null ? null : parseManifest(manifestText) };
}
