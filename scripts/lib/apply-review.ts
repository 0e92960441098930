import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WarehouseRows } from '../../renderer/src/lib/extraction/build-warehouse.ts';
import { applyCorrections } from '../../renderer/src/lib/review/apply-corrections.ts';
import { identifyFigures, type BaseFigure } from '../../renderer/src/lib/review/figure-identity.ts';
import { CORRECTION_COLUMNS, correctionTableRows } from '../../renderer/src/lib/review/overlay-sql.ts';
import { importReview } from '../../renderer/src/lib/review/review-file.ts';
import { WAREHOUSE_COLUMNS } from '../../renderer/src/lib/warehouse/columns.ts';
import { encodeCsv } from '../../renderer/src/lib/warehouse/encode-csv.ts';

/**
 * `--corrections FILE`: applies a review file to the extracted figures and writes, beside the
 * untouched base tables, `effective_observations.csv` and `corrections.csv`; returns the summary line.
 */
export async function applyReviewFile(
  path: string,
  tables: WarehouseRows,
  texts: ReadonlyMap<string, string>,
  outDir: string,
): Promise<string> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw new Error(`cannot read ${path}`);
  });
  const review = await importReview(path, text);
  if (!review.ok) throw new Error(review.error.message);
  const documents = new Map(
    tables.documents.map((doc) => [
      String(doc.doc_id),
      { sha256: String(doc.sha256), text: texts.get(String(doc.doc_id)) ?? '' },
    ]),
  );
  const figures = identifyFigures(tables.observations as BaseFigure[], documents);
  const result = applyCorrections(figures, review.value, documents);
  const header = [
    ...WAREHOUSE_COLUMNS.observations.map((column) => column.name),
    'reviewed',
    'correction_note',
    'user_preferred',
  ];
  await mkdir(outDir, { recursive: true });
  await writeFile(
    join(outDir, 'effective_observations.csv'),
    encodeCsv(
      header,
      result.rows.map((row) => header.map((name) => row[name] ?? null)),
    ),
  );
  const names = CORRECTION_COLUMNS.map(([name]) => name);
  await writeFile(
    join(outDir, 'corrections.csv'),
    encodeCsv(
      names,
      correctionTableRows(result).map((row) => names.map((name) => row[name] ?? null)),
    ),
  );
  const orphanedPreferences = result.preferences.orphaned.length;
  return (
    `corrections: ${result.applied.length} applied, ${result.orphaned.length} orphaned` +
    (review.value.preferences.length > 0
      ? `; source preferences: ${result.preferences.applied.length} applied, ${orphanedPreferences} orphaned`
      : '')
  );
}

/** Writes the text a reader produced for documents that are not plain text, so provenance can be shown. */
export async function writeReaderTexts(
  corpusDir: string,
  outDir: string,
  texts: ReadonlyMap<string, string>,
): Promise<void> {
  for (const [docId, text] of texts) {
    const isPlainText = await readFile(join(corpusDir, `${docId}.txt`)).then(
      () => true,
      () => false,
    );
    if (isPlainText) continue;
    await mkdir(join(outDir, 'sources'), { recursive: true });
    await writeFile(join(outDir, 'sources', `${docId}.txt`), text);
  }
}
