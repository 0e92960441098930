import { readFile } from 'node:fs/promises';
import { buildWarehouse, type WarehouseRows } from '../../renderer/src/lib/extraction/build-warehouse.ts';
import { parseCatalogue } from '../../renderer/src/lib/extraction/catalogue.ts';
import { readCorpus } from './read-corpus.ts';

export const DEFAULT_CORPUS = 'data/sources';
export const DEFAULT_CATALOGUE = 'data/indicators.json';

/** Reads a corpus folder and the catalogue and builds the warehouse tables in memory. */
export async function extractCorpus(
  corpusDir = DEFAULT_CORPUS,
  cataloguePath = DEFAULT_CATALOGUE,
): Promise<{ tables: WarehouseRows; texts: Map<string, string> }> {
  let catalogueJson: unknown;
  try {
    catalogueJson = JSON.parse(await readFile(cataloguePath, 'utf8'));
  } catch {
    throw new Error(`cannot read the indicator catalogue ${cataloguePath}`);
  }
  const catalogue = parseCatalogue(catalogueJson);
  const { sources, manifest } = await readCorpus(corpusDir);
  const tables = await buildWarehouse(sources, manifest, catalogue);
  return { tables, texts: new Map(sources.map((source) => [source.docId, source.text])) };
}
