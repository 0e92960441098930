import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { parseArgs, runCli } from './lib/cli-args.ts';
import { DEFAULT_CATALOGUE, DEFAULT_CORPUS, extractCorpus } from './lib/extract-corpus.ts';
import { readCorpus } from './lib/read-corpus.ts';
import { readGold } from './lib/read-gold.ts';
import { formatScores, scoreObservations, type ObservationRow } from './lib/score-observations.ts';

// Scores the extraction (run now on --corpus, or read from --observations CSV) against gold files.
runCli('eval', async () => {
  const args = parseArgs(process.argv.slice(2), ['gold', 'corpus', 'catalogue', 'observations']);
  const gold = await readGold(args.get('gold') ?? 'tests/fixtures/gold-sample');
  const { tables, texts } = await extractCorpus(
    args.get('corpus') ?? DEFAULT_CORPUS,
    args.get('catalogue') ?? DEFAULT_CATALOGUE,
  );
  const csvPath = args.get('observations');
  const observations: ObservationRow[] = csvPath
    ? (parse(await readFile(csvPath, 'utf8'), { columns: true, skip_empty_lines: true }) as ObservationRow[])
    : tables.observations.map((row) =>
        Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === null ? '' : String(value)])),
      );
  process.stdout.write(formatScores(scoreObservations(observations, gold, texts)) + '\n');
});
