import { applyReviewFile, writeReaderTexts } from './lib/apply-review.ts';
import { parseArgs, runCli } from './lib/cli-args.ts';
import { DEFAULT_CATALOGUE, DEFAULT_CORPUS, extractCorpus } from './lib/extract-corpus.ts';
import { writeWarehouse } from './lib/write-warehouse.ts';

// With no arguments this rebuilds the app's embedded warehouse from its embedded corpus.
runCli('extract', async () => {
  const args = parseArgs(process.argv.slice(2), ['corpus', 'out', 'catalogue', 'corrections']);
  const outDir = args.get('out') ?? 'data/warehouse';
  const { tables, texts } = await extractCorpus(
    args.get('corpus') ?? DEFAULT_CORPUS,
    args.get('catalogue') ?? DEFAULT_CATALOGUE,
  );
  for (const doc of tables.documents) {
    const count = tables.observations.filter((row) => row.doc_id === doc.doc_id).length;
    process.stdout.write(`${String(doc.doc_id)}: ${count} figures\n`);
  }
  await writeWarehouse(outDir, tables);
  // Issue 12: texts of .docx/.pdf/.md documents, and a review applied beside the base tables.
  await writeReaderTexts(args.get('corpus') ?? DEFAULT_CORPUS, outDir, texts);
  const corrections = args.get('corrections');
  if (corrections !== undefined)
    process.stdout.write(`${await applyReviewFile(corrections, tables, texts, outDir)}\n`);
  process.stdout.write(
    `wrote ${tables.observations.length} observations, ${tables.indicators.length} indicators to ${outDir}\n`,
  );
});
