import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractCorpus } from '../../../scripts/lib/extract-corpus.ts';
import { readGold } from '../../../scripts/lib/read-gold.ts';
import { formatScores, scoreObservations, type Scores } from '../../../scripts/lib/score-observations.ts';
import { WAREHOUSE_COLUMNS } from '../../../renderer/src/lib/warehouse/columns.ts';
import { encodeCsv } from '../../../renderer/src/lib/warehouse/encode-csv.ts';

const GOLD_DIR = 'tests/fixtures/gold-sample';
const REFERENCE_SCORER = '../shared/tools/score_extraction.py';

describe('the gold sample (documents 2020-11 and 2025-12-10)', () => {
  let scores: Scores;
  let csv: string;

  beforeAll(async () => {
    const gold = await readGold(GOLD_DIR);
    const { tables, texts } = await extractCorpus();
    const rows = tables.observations.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [key, value === null ? '' : String(value)]),
      ),
    );
    scores = scoreObservations(rows, gold, texts);
    const header = WAREHOUSE_COLUMNS.observations.map((column) => column.name);
    csv = encodeCsv(
      header,
      tables.observations.map((row) => header.map((name) => row[name] ?? null)),
    );
  });

  it('meets the thresholds of the extraction issue', () => {
    expect(scores.recall_core).toBeGreaterThanOrEqual(0.97);
    expect(scores.recall_all).toBeGreaterThanOrEqual(0.93);
    expect(scores.precision).toBeGreaterThanOrEqual(0.97);
    expect(scores.precision_strict).toBeGreaterThanOrEqual(0.95);
    expect(scores.link_f1_core).toBeGreaterThanOrEqual(0.95);
  });

  it('scores exactly as the reference scorer does', (context) => {
    if (!existsSync(REFERENCE_SCORER)) {
      context.skip(`reference scorer not found at ${REFERENCE_SCORER}`);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'ctw-eval-'));
    writeFileSync(join(dir, 'observations.csv'), csv);
    const gold = [
      '2020-11_tai-lieu-hoc-tap-nghi-quyet-dai-hoi-xvii',
      '2025-12-10_nghi-quyet-67-hdnd_ke-hoach-2026',
    ].map((doc) => join(GOLD_DIR, `${doc}.jsonl`));
    const output = execFileSync(
      'python3',
      [REFERENCE_SCORER, join(dir, 'observations.csv'), ...gold, '--corpus', 'data/sources'],
      { encoding: 'utf8' },
    );
    expect(output.trim().split('\n').at(-1)).toBe(formatScores(scores));
  });
});
