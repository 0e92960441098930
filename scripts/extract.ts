import { readFile } from 'node:fs/promises';
import { buildWarehouse } from '../renderer/src/lib/extraction/build-warehouse.ts';
import { parseCatalogue } from '../renderer/src/lib/extraction/catalogue.ts';
import { parseArgs, runCli } from './lib/cli-args.ts';
import { readCorpus } from './lib/read-corpus.ts';
import { writeWarehouse } from './lib/write-warehouse.ts';

// With no arguments this rebuilds the app's embedded warehouse from its embedded corpus.
runCli('extract', async () => {
  const args = parseArgs(process.argv.slice(2), ['corpus', 'out', 'catalogue']);
  const corpusDir = args.get('corpus') ?? 'data/sources';
  const outDir = args.get('out') ?? 'data/warehouse';
  const cataloguePath = args.get('catalogue') ?? 'data/indicators.json';
  const catalogue = parseCatalogue(JSON.parse(await readFile(cataloguePath, 'utf8')));
  const { sources, manifest } = await readCorpus(corpusDir);
  const tables = await buildWarehouse(sources, manifest, catalogue);
  for (const doc of tables.documents) {
    const count = tables.observations.filter((row) => row.doc_id === doc.doc_id).length;
    process.stdout.write(`${String(doc.doc_id)}: ${count} figures\n`);
  }
  await writeWarehouse(outDir, tables);
  process.stdout.write(
    `wrote ${tables.observations.length} observations, ${tables.indicators.length} indicators to ${outDir}\n`,
  );
});
