import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { parseArgs, runCli } from './lib/cli-args.ts';
import { DEFAULT_CATALOGUE, DEFAULT_CORPUS, extractCorpus } from './lib/extract-corpus.ts';
import { readCorpus } from './lib/read-corpus.ts';
import { readGold } from './lib/read-gold.ts';
import { formatScores, scoreObservations, type ObservationRow } from './lib/score-observations.ts';

/** Observations from a CSV file (`--observations`), with the corpus texts for the non-fact check. */
async function fromCsv(csvPath: string, corpusDir: string): Promise<[ObservationRow[], Map<string, string>]> {
  const { sources } = await readCorpus(corpusDir);
  const csv = await readFile(csvPath, 'utf8').catch(() => {
    throw new Error(`cannot read ${csvPath}`);
  });
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as ObservationRow[];
  return [rows, new Map(sources.map((source) => [source.docId, source.text]))];
}

/** Observations extracted now from the corpus. */
async function fromCorpus(
  corpusDir: string,
  cataloguePath: string,
): Promise<[ObservationRow[], Map<string, string>]> {
  const { tables, texts } = await extractCorpus(corpusDir, cataloguePath);
  const rows = tables.observations.map((row) =>
    Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === null ? '' : String(value)])),
  );
  return [rows, texts];
}

// Prints the reference scorer's summary line for the extraction against gold files.
runCli('eval', async () => {
  const args = parseArgs(process.argv.slice(2), ['gold', 'corpus', 'catalogue', 'observations']);
  const gold = await readGold(args.get('gold') ?? 'tests/fixtures/gold-sample');
  const corpusDir = args.get('corpus') ?? DEFAULT_CORPUS;
  const csvPath = args.get('observations');
  const [observations, texts] = csvPath
    ? await fromCsv(csvPath, corpusDir)
    : await fromCorpus(corpusDir, args.get('catalogue') ?? DEFAULT_CATALOGUE);
  process.stdout.write(formatScores(scoreObservations(observations, gold, texts)) + '\n');
});
