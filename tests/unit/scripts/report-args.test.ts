import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportOptions, writeFileAtomically } from '../../../scripts/lib/report-options.ts';
import { expectClearError, rejection } from './cli-harness.ts';

const run = promisify(execFile);
let work: string;
let readOnly: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ctw-report-args-'));
  await mkdir(join(work, 'thu-muc.csv'));
  await writeFile(join(work, 'tep'), 'x');
  readOnly = join(work, 'chi-doc');
  await mkdir(readOnly);
  await run('chmod', ['555', readOnly]);
  // root ignores modes; the immutable flag stops root too.
  if (process.getuid?.() === 0) await run('chattr', ['+i', readOnly]);
});

afterAll(async () => {
  if (process.getuid?.() === 0) await run('chattr', ['-i', readOnly]);
  await run('chmod', ['755', readOnly]);
  await rm(work, { recursive: true, force: true });
});

const csvOut = (): string[] => ['--format', 'csv', '--out', join(work, 'bao-cao.csv')];

// Each is refused before the warehouse is opened, with one line naming what to fix.
const REFUSED: [string, () => string[], RegExp][] = [
  ['no --format', () => ['--out', join(work, 'a.csv')], /cần --format .* --format is required/u],
  [
    'an unknown format',
    () => ['--format', 'docx', '--out', join(work, 'a.docx')],
    /must be one of xlsx\|pptx\|csv, not "docx"/u,
  ],
  ['an upper-case format', () => ['--format', 'CSV', '--out', join(work, 'a.csv')], /not "CSV"/u],
  [
    '--format twice',
    () => ['--format', 'csv', '--format', 'pptx', '--out', join(work, 'a.csv')],
    /--format is given twice/u,
  ],
  [
    '--format twice, inline',
    () => ['--format=pptx', '--format=csv', '--out', join(work, 'a.csv')],
    /given twice/u,
  ],
  ['an empty --format', () => ['--format', '', '--out', join(work, 'a.csv')], /--format needs a value/u],
  ['--format with no value', () => ['--out', join(work, 'a.csv'), '--format'], /--format needs a value/u],
  ['no --out', () => ['--format', 'xlsx'], /cần --out .* --out <file\.xlsx> is required/u],
  ['an empty --out', () => ['--format', 'csv', '--out', ''], /--out needs a value/u],
  ['--out twice', () => [...csvOut(), '--out', join(work, 'b.csv')], /--out is given twice/u],
  ['a pptx named .csv', () => ['--format', 'pptx', '--out', join(work, 'a.csv')], /must end in \.pptx/u],
  ['an xlsx named .pptx', () => ['--format', 'xlsx', '--out', join(work, 'a.pptx')], /must end in \.xlsx/u],
  [
    'a csv with no extension',
    () => ['--format', 'csv', '--out', join(work, 'bao-cao')],
    /must end in \.csv/u,
  ],
  [
    '--out a folder',
    () => ['--format', 'csv', '--out', join(work, 'thu-muc.csv')],
    /là một thư mục, không phải tệp .* is a folder/u,
  ],
  ['--out under a missing folder', () => ['--format', 'csv', '--out', '/khong/co/x.csv'], /does not exist/u],
  ['--out through a file', () => ['--format', 'csv', '--out', join(work, 'tep', 'x.csv')], /does not exist/u],
  [
    '--out under /proc',
    () => ['--format', 'csv', '--out', '/proc/x.csv'],
    /không ghi được: .* cannot be written/u,
  ],
  ['--out under /sys', () => ['--format', 'csv', '--out', '/sys/x.csv'], /cannot be written/u],
  [
    '--out in a read-only folder',
    () => ['--format', 'csv', '--out', join(readOnly, 'x.csv')],
    /cannot be written/u,
  ],
  ['--out with a NUL', () => ['--format', 'csv', '--out', join(work, 'a\0.csv')], /NUL/u],
  [
    '--out with too long a name',
    () => ['--format', 'csv', '--out', join(work, `${'x'.repeat(300)}.csv`)],
    /too long/u,
  ],
  [
    'a month 13',
    () => [...csvOut(), '--date', '2026-13-45'],
    /--date phải là một ngày có thật .* not "2026-13-45"/u,
  ],
  ['29 February of a common year', () => [...csvOut(), '--date', '2026-02-29'], /not "2026-02-29"/u],
  ['31 April', () => [...csvOut(), '--date', '2026-04-31'], /real date/u],
  ['a month 00', () => [...csvOut(), '--date', '2026-00-10'], /real date/u],
  ['a day 00', () => [...csvOut(), '--date', '2026-11-00'], /real date/u],
  ['a Vietnamese-order date', () => [...csvOut(), '--date', '23/11/2026'], /not "23\/11\/2026"/u],
  ['an unpadded date', () => [...csvOut(), '--date', '2026-1-5'], /real date/u],
  ['a date with a time', () => [...csvOut(), '--date', '2026-11-23T00:00'], /real date/u],
  ['a date with a trailing space', () => [...csvOut(), '--date', '2026-11-23 '], /real date/u],
  ['a year before 1900', () => [...csvOut(), '--date', '1899-12-31'], /1900–2100/u],
  ['a year after 2100', () => [...csvOut(), '--date', '2101-01-01'], /1900–2100/u],
  [
    '--date twice',
    () => [...csvOut(), '--date', '2026-11-23', '--date', '2026-11-24'],
    /--date is given twice/u,
  ],
  ['an unknown language', () => [...csvOut(), '--lang', 'fr'], /--lang must be one of vi\|en, not "fr"/u],
  ['unknown periods', () => [...csvOut(), '--periods', 'decades'], /--periods must be one of terms\|years/u],
  [
    'an unknown engine',
    () => [...csvOut(), '--engine', 'gpu'],
    /--engine must be one of auto\|native\|wasm, not "gpu"/u,
  ],
  ['--engine twice', () => [...csvOut(), '--engine', 'wasm', '--engine=native'], /--engine is given twice/u],
  ['an empty indicator list', () => [...csvOut(), '--indicators', ','], /empty entry/u],
  [
    'an empty entry in the list',
    () => [...csvOut(), '--indicators', 'grdp_growth,,poverty_rate'],
    /empty entry/u,
  ],
  ['an unknown flag', () => [...csvOut(), '--bogus', 'x'], /unknown argument "--bogus"/u],
  ['a bare word', () => [...csvOut(), 'bao-cao.xlsx'], /unknown argument "bao-cao\.xlsx"/u],
  ['a single-dash flag', () => ['-f', 'csv'], /unknown argument "-f"/u],
];

describe('report refuses every bad argument before any work', () => {
  it.each(REFUSED)('%s', async (_name, args, message) => {
    const started = performance.now();
    expectClearError(await rejection(reportOptions(args())), message);
    expect(performance.now() - started).toBeLessThan(5_000);
    // The writability probe leaves nothing behind.
    expect((await readdir(work)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('report accepts good arguments', () => {
  it('fills the defaults and resolves --out', async () => {
    const options = await reportOptions(csvOut(), new Date('2026-11-23T10:00:00Z'));
    expect(options).toEqual({
      format: 'csv',
      indicators: 'all',
      periods: 'terms',
      locale: 'vi',
      generatedOn: '2026-11-23',
      engine: 'auto',
      out: join(work, 'bao-cao.csv'),
    });
  });

  it('takes a leap day, an upper-case extension and a list with repeats once', async () => {
    const options = await reportOptions([
      '--format=xlsx',
      `--out=${join(work, 'Báo cáo $(x) "67".XLSX')}`,
      '--date',
      '2024-02-29',
      '--indicators',
      ' grdp_growth, poverty_rate,grdp_growth',
      '--lang',
      'en',
      '--periods',
      'years',
      '--engine',
      'wasm',
    ]);
    expect(options).toMatchObject({
      generatedOn: '2024-02-29',
      indicators: ['grdp_growth', 'poverty_rate'],
      engine: 'wasm',
    });
  });

  it('writes through a temp file: a failed write leaves the old report and no temp file', async () => {
    const out = join(work, 'cu.csv');
    await writeFile(out, 'old');
    await writeFileAtomically(out, new TextEncoder().encode('new'));
    expect(await readdir(work)).toContain('cu.csv');
    expectClearError(
      await rejection(writeFileAtomically(join(readOnly, 'x.csv'), new Uint8Array(3))),
      /cannot write/u,
    );
    expect((await readdir(work)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
