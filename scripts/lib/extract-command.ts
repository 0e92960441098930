import { resolve } from 'node:path';
import { CliError, parseArgs, shown } from './cli-args.ts';
import { DEFAULT_CATALOGUE, DEFAULT_CORPUS, extractCorpus } from './extract-corpus.ts';
import { applyReviewFile, writeReaderTexts } from './apply-review.ts';
import { stageWarehouse, writeWarehouse } from './write-warehouse.ts';

/** The embedded warehouse the app ships; only a plain `npm run extract` rebuilds it. */
export const SHIPPED_WAREHOUSE = 'data/warehouse';

export interface ExtractOptions {
  corpus: string;
  catalogue: string;
  out: string;
  /** A review file (issue 12) applied beside the untouched base tables. */
  corrections: string | undefined;
}

/**
 * Reads the extract command's arguments. With none it rebuilds the shipped warehouse from the
 * shipped corpus; another corpus or catalogue must name its own `--out`.
 */
export function extractOptions(argv: readonly string[]): ExtractOptions {
  const args = parseArgs(argv, ['corpus', 'out', 'catalogue', 'corrections']);
  const out = args.get('out');
  if (out === undefined && (args.has('corpus') || args.has('catalogue'))) {
    throw new CliError(
      `cần --out <thư mục>: --corpus hoặc --catalogue không được ghi đè kho dữ liệu có sẵn ${SHIPPED_WAREHOUSE}`,
      `--out <dir> is required: --corpus or --catalogue never overwrites the shipped warehouse ${SHIPPED_WAREHOUSE}`,
    );
  }
  return {
    corpus: args.get('corpus') ?? DEFAULT_CORPUS,
    catalogue: args.get('catalogue') ?? DEFAULT_CATALOGUE,
    out: out ?? SHIPPED_WAREHOUSE,
    corrections: args.get('corrections'),
  };
}

/**
 * The extract command: checks every argument and the output folder before any work, extracts,
 * then swaps the new warehouse into place whole. `print` gets each progress line.
 */
export async function runExtract(argv: readonly string[], print: (line: string) => void): Promise<void> {
  const options = extractOptions(argv);
  if (resolve(options.out) === resolve(options.corpus)) {
    throw new CliError(`--out không được là thư mục văn bản`, `--out must not be the corpus folder`);
  }
  const staged = await stageWarehouse(options.out);
  let tables;
  let texts;
  try {
    ({ tables, texts } = await extractCorpus(options.corpus, options.catalogue));
  } catch (error) {
    await staged.discard();
    throw error;
  }
  const counts = new Map<unknown, number>();
  for (const row of tables.observations) counts.set(row.doc_id, (counts.get(row.doc_id) ?? 0) + 1);
  for (const doc of tables.documents) {
    print(`${printable(String(doc.doc_id))}: ${counts.get(doc.doc_id) ?? 0} figures`);
  }
  let reviewSummary: string | null = null;
  // Beside the tables, in the same staged folder: the texts of .docx/.pdf/.md documents (what
  // provenance offsets index) and, with --corrections, the reviewed figures.
  await writeWarehouse(staged, tables, async (staging) => {
    await writeReaderTexts(options.corpus, staging, texts);
    if (options.corrections !== undefined) {
      reviewSummary = await applyReviewFile(options.corrections, tables, texts, staging);
    }
  });
  if (reviewSummary !== null) print(reviewSummary);
  print(
    `wrote ${tables.observations.length} observations, ${tables.indicators.length} indicators to ${printable(options.out)}`,
  );
}

// A document id from a file name may hold a newline; a progress line stays one line.
function printable(text: string): string {
  return /[\p{Cc}]/u.test(text) ? shown(text) : text;
}
