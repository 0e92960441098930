import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { parquetReadObjects } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';
import { WAREHOUSE_COLUMNS } from '../../../renderer/src/lib/warehouse/columns.ts';
import { WAREHOUSE_TABLES } from '../../../renderer/src/lib/warehouse/tables.ts';

const run = promisify(execFile);
const TSX = 'node_modules/.bin/tsx';

async function extract(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ['scripts/extract.ts', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const FILES = WAREHOUSE_TABLES.flatMap((table) =>
  ['parquet', 'csv', 'arrow'].map((ext) => `${table}.${ext}`),
).sort();

describe('npm run extract', () => {
  let outA: string;
  let outB: string;
  let stdout: string;

  beforeAll(async () => {
    outA = await mkdtemp(join(tmpdir(), 'ctw-extract-a-'));
    outB = await mkdtemp(join(tmpdir(), 'ctw-extract-b-'));
    const first = await extract('--corpus', 'data/sources', '--out', outA);
    expect(first.code).toBe(0);
    stdout = first.stdout;
    expect((await extract('--corpus', 'data/sources', '--out', outB)).code).toBe(0);
  }, 120_000);

  it('prints one progress line per document', () => {
    const lines = stdout.trim().split('\n');
    expect(lines.filter((line) => / figures$/.test(line))).toHaveLength(5);
    expect(lines.at(-1)).toMatch(/^wrote \d+ observations, \d+ indicators to /);
  });

  it('writes Parquet, CSV and Arrow for every table', async () => {
    expect((await readdir(outA)).sort()).toEqual(FILES);
  });

  it('is deterministic: the same input gives byte-identical files', async () => {
    for (const file of FILES) {
      expect(Buffer.compare(await readFile(join(outA, file)), await readFile(join(outB, file))), file).toBe(
        0,
      );
    }
  });

  it('writes the CSV columns of the data contract, with "." decimals and empty nulls', async () => {
    const rows = parse(await readFile(join(outA, 'observations.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    const header = Object.keys(rows[0] ?? {});
    expect(header).toEqual(WAREHOUSE_COLUMNS.observations.map((column) => column.name));
    expect(rows.length).toBeGreaterThan(800);
    const growth = rows.find((row) => row.quote?.includes('ước đạt 6,79%') && row.value_low === '6.79');
    expect(growth).toMatchObject({
      indicator_id: 'grdp_growth',
      measure: 'actual',
      period_start: '2021',
      period_end: '2025',
      basis: 'annual_avg',
      base_year: '',
    });
  });

  it('writes Parquet that a reader gets the same rows from', async () => {
    const buffer = await readFile(join(outA, 'observations.parquet'));
    const file = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
    const parquetRows = await parquetReadObjects({ file });
    const csvRows = parse(await readFile(join(outA, 'observations.csv'), 'utf8'), {
      columns: true,
    }) as unknown[];
    expect(parquetRows).toHaveLength(csvRows.length);
    const documents = await parquetReadObjects({
      file: (await readFile(join(outA, 'documents.parquet'))).buffer as ArrayBuffer,
    });
    expect(documents.map((row) => row.doc_id)).toContain('2025-12-10_nghi-quyet-67-hdnd_ke-hoach-2026');
  });

  it('matches the committed warehouse: data/warehouse is generated, never stale', async () => {
    for (const file of FILES) {
      const committed = await readFile(join('data/warehouse', file));
      expect(
        Buffer.compare(committed, await readFile(join(outA, file))),
        `${file} is stale: run npm run extract`,
      ).toBe(0);
    }
  });
});

describe('npm run extract on bad input', () => {
  it('fails with one line when the corpus folder does not exist', async () => {
    const result = await extract(
      '--corpus',
      '/nonexistent/corpus',
      '--out',
      await mkdtemp(join(tmpdir(), 'ctw-x-')),
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([
      'extract: Lỗi: không đọc được thư mục văn bản "/nonexistent/corpus" / Error: cannot read corpus folder "/nonexistent/corpus"',
    ]);
  });

  it('fails with one line on a document that is not UTF-8, and on a broken manifest', async () => {
    const corpus = await mkdtemp(join(tmpdir(), 'ctw-bad-'));
    await writeFile(join(corpus, 'hong.txt'), Buffer.from([0x54, 0xe0, 0xff, 0x0a]));
    const notUtf8 = await extract('--corpus', corpus, '--out', join(corpus, 'out'));
    expect(notUtf8.code).not.toBe(0);
    expect(notUtf8.stderr.trim()).toBe(
      'extract: Lỗi: "hong.txt" không phải văn bản UTF-8 hợp lệ / Error: "hong.txt" is not valid UTF-8 text',
    );

    const second = await mkdtemp(join(tmpdir(), 'ctw-bad-'));
    await copyFile('data/sources/2025-12-10_nghi-quyet-67-hdnd_ke-hoach-2026.txt', join(second, 'nq.txt'));
    await writeFile(join(second, 'manifest.json'), '{ "documents": [ ');
    const brokenManifest = await extract('--corpus', second, '--out', join(second, 'out'));
    expect(brokenManifest.code).not.toBe(0);
    expect(brokenManifest.stderr.trim()).toMatch(
      /^extract: Lỗi: manifest\.json không hợp lệ \(manifest\.json is not valid JSON.* \/ Error: manifest\.json is not valid JSON/,
    );
    expect(brokenManifest.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('extracts documents that have no manifest entry', async () => {
    const corpus = await mkdtemp(join(tmpdir(), 'ctw-nomanifest-'));
    await copyFile('data/sources/2025-12-10_nghi-quyet-67-hdnd_ke-hoach-2026.txt', join(corpus, 'nq67.txt'));
    const out = join(corpus, 'out');
    await mkdir(out);
    const result = await extract('--corpus', corpus, '--out', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^nq67: \d+ figures$/m);
  });

  it('refuses an unknown argument', async () => {
    const result = await extract('--bogus', 'x');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(
      /^extract: Lỗi: tham số không hợp lệ "--bogus" .* \/ Error: unknown argument "--bogus"/,
    );
  });
});
