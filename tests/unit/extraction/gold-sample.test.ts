import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractCorpus } from '../../../scripts/lib/extract-corpus.ts';
import { readGold } from '../../../scripts/lib/read-gold.ts';
import {
  formatScores,
  scoreObservations,
  type GoldRecord,
  type ObservationRow,
  type Scores,
} from '../../../scripts/lib/score-observations.ts';
import { WAREHOUSE_COLUMNS } from '../../../renderer/src/lib/warehouse/columns.ts';
import { encodeCsv } from '../../../renderer/src/lib/warehouse/encode-csv.ts';

const GOLD_DIR = 'tests/fixtures/gold-sample';
const REFERENCE_SCORER = '../shared/tools/score_extraction.py';
// The 5-year report's gold covers its first part only: rows after it are unjudged, not wrong.
const PARTIAL = /\.part[A-Z]\.jsonl$/;
const GOLD_FILES = readdirSync(GOLD_DIR).filter((name) => name.endsWith('.jsonl'));

describe(`the gold sample (${GOLD_FILES.length} files)`, () => {
  let gold: GoldRecord[];
  let rows: ObservationRow[];
  let texts: Map<string, string>;
  let scores: Scores;
  let csv: string;

  beforeAll(async () => {
    gold = await readGold(GOLD_DIR);
    const extracted = await extractCorpus();
    texts = extracted.texts;
    rows = extracted.tables.observations.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [key, value === null ? '' : String(value)]),
      ),
    );
    scores = scoreObservations(rows, gold, texts);
    const header = WAREHOUSE_COLUMNS.observations.map((column) => column.name);
    csv = encodeCsv(
      header,
      extracted.tables.observations.map((row) => header.map((name) => row[name] ?? null)),
    );
    // Extracting the whole corpus takes ~2 s of CPU; on a loaded machine its wall time is longer.
  }, 60_000);

  it('covers all four gold files', () => {
    expect(GOLD_FILES).toHaveLength(4);
    expect(GOLD_FILES.filter((name) => PARTIAL.test(name))).toHaveLength(1);
  });

  // A ratchet at what the extractor reaches today, never to be lowered (issue 9 asks recall_all
  // ≥ 0.95, precision ≥ 0.97, recall_core and link_f1_core ≥ 0.97).
  it('keeps the scores reached on all four files together', () => {
    expect(scores.recall_core).toBeGreaterThanOrEqual(0.97);
    expect(scores.recall_all).toBeGreaterThanOrEqual(0.97);
    expect(scores.precision).toBeGreaterThanOrEqual(0.98);
    expect(scores.link_f1_core).toBeGreaterThanOrEqual(0.97);
  });

  it('finds no figure the complete gold files do not have (precision_strict)', () => {
    const complete = new Set(
      GOLD_FILES.filter((name) => !PARTIAL.test(name)).map((name) => name.replace(/\.jsonl$/, '')),
    );
    const strict = scoreObservations(
      rows.filter((row) => complete.has(row.doc_id ?? '')),
      gold.filter((record) => complete.has(record.doc)),
      texts,
    );
    expect(strict.precision_strict).toBeGreaterThanOrEqual(0.95);
  });

  it('scores exactly as the reference scorer does', (context) => {
    if (!existsSync(REFERENCE_SCORER)) {
      context.skip(`reference scorer not found at ${REFERENCE_SCORER}`);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'ctw-eval-'));
    writeFileSync(join(dir, 'observations.csv'), csv);
    const output = execFileSync(
      'python3',
      [
        REFERENCE_SCORER,
        join(dir, 'observations.csv'),
        ...GOLD_FILES.map((name) => join(GOLD_DIR, name)),
        '--corpus',
        'data/sources',
      ],
      { encoding: 'utf8' },
    );
    expect(output.trim().split('\n').at(-1)).toBe(formatScores(scores));
  });
});
