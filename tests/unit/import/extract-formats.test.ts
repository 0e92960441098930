import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Correction } from '../../../renderer/src/lib/review/correction.ts';
import { exportReview } from '../../../renderer/src/lib/review/review-file.ts';

const run = promisify(execFile);

async function extract(...args: string[]): Promise<string> {
  const { stdout } = await run('node_modules/.bin/tsx', ['scripts/extract.ts', ...args]);
  return stdout;
}

const csv = async (path: string): Promise<Record<string, string>[]> =>
  parse(await readFile(path, 'utf8'), { columns: true });

let corpus: string;
let out: string;
let stdout: string;

beforeAll(async () => {
  corpus = await mkdtemp(join(tmpdir(), 'ctw-formats-'));
  out = await mkdtemp(join(tmpdir(), 'ctw-formats-out-'));
  await copyFile('tests/fixtures/import/ke-hoach-mau.txt', join(corpus, 'mau-txt.txt'));
  await copyFile('tests/fixtures/import/ke-hoach-mau.txt', join(corpus, 'mau-md.md'));
  await copyFile('tests/fixtures/import/ke-hoach-mau.docx', join(corpus, 'mau-docx.docx'));
  await copyFile('tests/fixtures/import/ke-hoach-mau.pdf', join(corpus, 'mau-pdf.pdf'));
  stdout = await extract('--corpus', corpus, '--out', out);
}, 180_000);

describe('npm run extract -- --corpus with .docx, .pdf and .md', () => {
  it('extracts the same figures from each format', () => {
    for (const docId of ['mau-docx', 'mau-md', 'mau-pdf', 'mau-txt'])
      expect(stdout).toContain(`${docId}: 11 figures`);
  });

  it('writes the text each reader produced, and provenance offsets point into it', async () => {
    const observations = await csv(join(out, 'observations.csv'));
    for (const docId of ['mau-docx', 'mau-md', 'mau-pdf']) {
      const text = await readFile(join(out, 'sources', `${docId}.txt`), 'utf8');
      const rows = observations.filter((row) => row.doc_id === docId);
      expect(rows.map((row) => text.slice(Number(row.char_start), Number(row.char_end)))).toContain(
        '12.450 tỷ đồng',
      );
    }
  });

  it('applies --corrections FILE beside the base tables and says how many applied and how many were orphaned', async () => {
    const observations = await csv(join(out, 'observations.csv'));
    const documents = await csv(join(out, 'documents.csv'));
    const text = await readFile(join(out, 'sources', 'mau-pdf.txt'), 'utf8');
    const row = observations.find((r) => r.doc_id === 'mau-pdf' && r.indicator_id === 'poverty_rate')!;
    const figure = {
      doc_id: 'mau-pdf',
      doc_sha256: documents.find((doc) => doc.doc_id === 'mau-pdf')!.sha256!,
      char_start: Number(row.char_start),
      char_end: Number(row.char_end),
      number_text: text.slice(Number(row.char_start), Number(row.char_end)),
      quote: row.quote!,
      occurrence: 0,
    };
    const corrections: Correction[] = [
      {
        id: 'a',
        kind: 'correct',
        figure,
        before: {},
        after: { value_low: 3.2 },
        note: 'theo niên giám',
        created_at: '2026-12-01T08:00:00Z',
      },
      {
        id: 'b',
        kind: 'accept',
        figure: { ...figure, number_text: '99%', quote: 'không có' },
        before: {},
        after: {},
        note: '',
        created_at: '2026-12-01T08:00:00Z',
      },
    ];
    const reviewPath = join(corpus, 'review.json');
    await writeFile(reviewPath, exportReview({ corrections, preferences: [] }));
    const second = await mkdtemp(join(tmpdir(), 'ctw-formats-review-'));
    const printed = await extract('--corpus', corpus, '--out', second, '--corrections', reviewPath);
    expect(printed).toContain('corrections: 1 applied, 1 orphaned');
    const effective = await csv(join(second, 'effective_observations.csv'));
    expect(effective.find((r) => r.obs_id === row.obs_id)).toMatchObject({
      value_low: '3.2',
      value_high: '3.2',
      reviewed: 'true',
      correction_note: 'theo niên giám',
    });
    expect(
      (await csv(join(second, 'observations.csv'))).find((r) => r.obs_id === row.obs_id)?.value_low,
    ).toBe(row.value_low);
    expect((await csv(join(second, 'corrections.csv'))).map((r) => [r.correction_id, r.status])).toEqual([
      ['a', 'applied'],
      ['b', 'orphaned'],
    ]);
  }, 180_000);
});
