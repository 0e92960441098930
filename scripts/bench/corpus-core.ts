// The bench's corpus run, in a process of its own so that its first run is as cold as
// `npm run extract`: the embedded corpus through the extraction core (no file is written),
// once cold and then RUNS times warm. Prints one line of JSON; spawned by scripts/lib/extraction-bench.ts.
import { readFile } from 'node:fs/promises';
import { buildWarehouse } from '../../renderer/src/lib/extraction/build-warehouse.ts';
import { parseCatalogue } from '../../renderer/src/lib/extraction/catalogue.ts';
import { DEFAULT_CATALOGUE, DEFAULT_CORPUS } from '../lib/extract-corpus.ts';
import { readCorpus } from '../lib/read-corpus.ts';

const WARM_RUNS = 5;

const catalogue = parseCatalogue(JSON.parse(await readFile(DEFAULT_CATALOGUE, 'utf8')));
const { sources, manifest } = await readCorpus(DEFAULT_CORPUS);
const times: number[] = [];
for (let run = 0; run <= WARM_RUNS; run++) {
  const started = performance.now();
  await buildWarehouse(sources, manifest, catalogue);
  times.push(performance.now() - started);
}
const [cold = Number.NaN, ...warm] = times;
process.stdout.write(
  JSON.stringify({
    bytes: sources.reduce((sum, source) => sum + source.bytes.length, 0),
    coldMs: cold,
    warmMs: [...warm].sort((a, b) => a - b)[Math.floor(warm.length / 2)] ?? Number.NaN,
  }) + '\n',
);
