import { readFile } from 'node:fs/promises';
import { buildWarehouse, type WarehouseRows } from '../../renderer/src/lib/extraction/build-warehouse.ts';
import { parseCatalogue, type Catalogue } from '../../renderer/src/lib/extraction/catalogue.ts';
import { CliError, shown } from './cli-args.ts';
import { readCorpus } from './read-corpus.ts';

export const DEFAULT_CORPUS = 'data/sources';
export const DEFAULT_CATALOGUE = 'data/indicators.json';

/** Reads a corpus folder and the catalogue and builds the warehouse tables in memory. */
export async function extractCorpus(
  corpusDir = DEFAULT_CORPUS,
  cataloguePath = DEFAULT_CATALOGUE,
): Promise<{ tables: WarehouseRows; texts: Map<string, string> }> {
  const catalogue = await readCatalogue(cataloguePath);
  const { sources, manifest } = await readCorpus(corpusDir);
  const tables = await buildWarehouse(sources, manifest, catalogue);
  return { tables, texts: new Map(sources.map((source) => [source.docId, source.text])) };
}

async function readCatalogue(path: string): Promise<Catalogue> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new CliError(
      `không đọc được danh mục chỉ tiêu ${shown(path)}`,
      `cannot read the indicator catalogue ${shown(path)}`,
    );
  }
  try {
    return parseCatalogue(json);
  } catch (error) {
    const issue = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues?.[0];
    const reason = issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : (error as Error).message;
    throw new CliError(
      `danh mục chỉ tiêu ${shown(path)} không hợp lệ (${reason})`,
      `invalid catalogue ${shown(path)}: ${reason}`,
    );
  }
}
