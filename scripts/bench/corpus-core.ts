// The bench's corpus run, in a process of its own so that its first run is as cold as
// `npm run extract`: the embedded corpus through the extraction core (no file is written), once
// cold, then WARM_UP_RUNS runs to let V8 compile it, then MEASURED_RUNS runs. Each run is timed in
// CPU (this process's, its compiler and GC threads included), not wall time: the bench shares two
// cores with the browser. Prints one line of JSON; spawned by scripts/lib/extraction-bench.ts.
import { readFile } from 'node:fs/promises';
import { buildWarehouse } from '../../renderer/src/lib/extraction/build-warehouse.ts';
import { parseCatalogue } from '../../renderer/src/lib/extraction/catalogue.ts';
import { DEFAULT_CATALOGUE, DEFAULT_CORPUS } from '../lib/extract-corpus.ts';
import { readCorpus } from '../lib/read-corpus.ts';

// V8 is still tiering the core up until about the eighth run (each of runs 1–7 faster than the last).
const WARM_UP_RUNS = 10;
const MEASURED_RUNS = 10;

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const catalogue = parseCatalogue(JSON.parse(await readFile(DEFAULT_CATALOGUE, 'utf8')));
const { sources, manifest } = await readCorpus(DEFAULT_CORPUS);
const times: number[] = [];
for (let run = 0; run <= WARM_UP_RUNS + MEASURED_RUNS; run++) {
  const started = cpuMs();
  await buildWarehouse(sources, manifest, catalogue);
  times.push(cpuMs() - started);
}
const measured = times.slice(1 + WARM_UP_RUNS).sort((a, b) => a - b);
process.stdout.write(
  JSON.stringify({
    bytes: sources.reduce((sum, source) => sum + source.bytes.length, 0),
    coldMs: times[0] ?? Number.NaN,
    warmMs: measured[Math.floor(measured.length / 2)] ?? Number.NaN,
  }) + '\n',
);
