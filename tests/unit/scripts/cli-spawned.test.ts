import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAREHOUSE_FILES } from '../../../scripts/lib/write-warehouse.ts';
import { expectOneClearLine, folderChecksum, SHIPPED_WAREHOUSE, spawnCli } from './cli-harness.ts';

// The real CLIs through tsx for a representative subset of the bad-input cases (each spawn costs
// about a second); the in-process suites cover the rest. A hang is a kill at the budget.
const BUDGET_MS = 60_000;
// Above the budget, so a slow CLI is reported as the hang it is, not as a vitest timeout.
const CASE_TIMEOUT = { timeout: BUDGET_MS + 30_000 };
const FIGURES = 'Năm 2025, tốc độ tăng trưởng GRDP ước đạt 8,2%; thu ngân sách đạt 1.234 tỷ đồng.';
const TEN_MB = 10 * 2 ** 20;

let work: string;
let shippedSum: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ctw-spawned-'));
  shippedSum = await folderChecksum(SHIPPED_WAREHOUSE);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function corpusOf(name: string, content: string | Buffer): Promise<string> {
  const dir = await mkdtemp(join(work, 'corpus-'));
  await writeFile(join(dir, name), content);
  return dir;
}

type Case = [string, () => Promise<string[]>, RegExp];

const EXTRACT_REFUSED: Case[] = [
  [
    'an empty --out',
    async () => ['--corpus', await corpusOf('a.txt', FIGURES), '--out', ''],
    /needs a value/u,
  ],
  [
    '--out /proc/x (it used to hang)',
    async () => ['--corpus', await corpusOf('a.txt', FIGURES), '--out', '/proc/x'],
    /cannot be written/u,
  ],
  [
    '--out a file',
    async () => {
      await writeFile(join(work, 'tep'), 'x');
      return ['--corpus', await corpusOf('a.txt', FIGURES), '--out', join(work, 'tep')];
    },
    /is a file, not a folder/u,
  ],
  [
    '--corpus without --out',
    async () => ['--corpus', await corpusOf('a.txt', FIGURES)],
    /shipped warehouse data\/warehouse/u,
  ],
  ['an unknown flag', async () => ['--bogus', 'x'], /unknown argument "--bogus"/u],
  [
    'a binary file',
    async () => [
      '--corpus',
      await corpusOf('a.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0])),
      '--out',
      join(work, 'o3'),
    ],
    /.+/u,
  ],
  [
    'UTF-16 with a BOM',
    async () => [
      '--corpus',
      await corpusOf('a.txt', Buffer.from(`\ufeff${FIGURES}`, 'utf16le')),
      '--out',
      join(work, 'o4'),
    ],
    /UTF-16/u,
  ],
  [
    '10 MB of binary',
    async () => ['--corpus', await corpusOf('a.txt', Buffer.alloc(TEN_MB, 0xff)), '--out', join(work, 'o5')],
    /not valid UTF-8/u,
  ],
  [
    '10 MB of UTF-16',
    async () => [
      '--corpus',
      await corpusOf('a.txt', Buffer.from(`\ufeff${FIGURES}\n`.repeat(TEN_MB / 160), 'utf16le')),
      '--out',
      join(work, 'o6'),
    ],
    /UTF-16/u,
  ],
];

describe('npm run extract, spawned, on bad input', CASE_TIMEOUT, () => {
  it.each(EXTRACT_REFUSED)('%s', async (_name, args, message) => {
    const result = await spawnCli('scripts/extract.ts', await args(), BUDGET_MS);
    expect(result.timedOut).toBe(false);
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, 'extract', message);
    expect(await folderChecksum(SHIPPED_WAREHOUSE)).toBe(shippedSum);
  });

  it('extracts a hostile file name and a line with no full stop, one progress line each', async () => {
    const corpus = await corpusOf(
      '$(touch pwned);\n-rf "x".txt',
      'thu ngân sách đạt 1.234 tỷ đồng, tăng 5,6% '.repeat(100),
    );
    await writeFile(join(corpus, 'Nghị quyết 67.txt'), FIGURES);
    const out = join(work, 'kho $(x) "mới"');
    const result = await spawnCli('scripts/extract.ts', ['--corpus', corpus, '--out', out], BUDGET_MS);
    expect(result.timedOut).toBe(false);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toEqual([
      '"$(touch pwned);\\n-rf \\"x\\"": 200 figures',
      'Nghị quyết 67: 2 figures',
      expect.stringMatching(/^wrote 202 observations, \d+ indicators to /u),
    ]);
    expect(new Set(await readdir(out))).toEqual(WAREHOUSE_FILES);
    expect(await readdir('.')).not.toContain('pwned');
    expect(await folderChecksum(SHIPPED_WAREHOUSE)).toBe(shippedSum);
  });
});

const REPORT_REFUSED: Case[] = [
  [
    '--format twice (it wrote a PPTX named .csv)',
    async () => ['--format', 'pptx', '--format', 'csv', '--out', join(work, 'r.csv')],
    /given twice/u,
  ],
  [
    '--date 2026-13-45',
    async () => ['--format', 'csv', '--out', join(work, 'r.csv'), '--date', '2026-13-45'],
    /real date/u,
  ],
  ['--out /proc/x.csv', async () => ['--format', 'csv', '--out', '/proc/x.csv'], /cannot be written/u],
  [
    'an unknown indicator',
    async () => ['--format', 'csv', '--indicators', 'grdp_growth,khong_co', '--out', join(work, 'r.csv')],
    /không có chỉ tiêu: "khong_co" \/ Error: unknown indicator\(s\): "khong_co"/u,
  ],
];

describe('npm run report, spawned', CASE_TIMEOUT, () => {
  it.each(REPORT_REFUSED)('refuses %s with one line', async (_name, args, message) => {
    const result = await spawnCli('scripts/report.ts', await args(), BUDGET_MS);
    expect(result.timedOut).toBe(false);
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, 'report', message);
    expect(await readdir(work)).not.toContain('r.csv');
  });

  it('writes a report for the chosen indicators, under a hostile name', async () => {
    const out = join(work, 'Báo cáo $(x) "67".csv');
    const result = await spawnCli(
      'scripts/report.ts',
      ['--format', 'csv', '--indicators', 'grdp_growth,poverty_rate', '--out', out, '--lang', 'en'],
      BUDGET_MS,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Báo cáo \$\(x\) "67"\.csv: csv, 2 indicators/u);
    expect((await readFile(out, 'utf8')).startsWith('\ufeffIndicator,indicator_id,Unit,')).toBe(true);
    expect((await readdir(work)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
