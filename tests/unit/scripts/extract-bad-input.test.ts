import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUOTE_MAX_CHARS } from '../../../renderer/src/lib/extraction/quote-window.ts';
import { runExtract } from '../../../scripts/lib/extract-command.ts';
import { extractCorpus } from '../../../scripts/lib/extract-corpus.ts';
import { WAREHOUSE_FILES, writeWarehouse } from '../../../scripts/lib/write-warehouse.ts';
import { expectClearError, folderChecksum, rejection, SHIPPED_WAREHOUSE } from './cli-harness.ts';

const run = promisify(execFile);
const SAMPLE = 'data/sources/2025-12-10_nghi-quyet-67-hdnd_ke-hoach-2026.txt';
const FIGURES = 'Năm 2025, tốc độ tăng trưởng GRDP ước đạt 8,2%; thu ngân sách đạt 1.234 tỷ đồng.';
// Generous for a loaded machine, yet far below the minutes a runaway input used to take.
const BUDGET_MS = 20_000;

/** A seeded byte generator, so the "binary" inputs are the same every run. */
function seededBytes(length: number, seed = 7): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    bytes[i] = state >> 16;
  }
  return bytes;
}

const utf16le = (text: string): Buffer => Buffer.from(text, 'utf16le');
const utf16be = (text: string): Buffer => utf16le(text).swap16();

type Outcome = { ok: true; figures?: number } | { ok: false; message: RegExp };

interface InputCase {
  name: string;
  files: Record<string, string | Buffer>;
  outcome: Outcome;
}

const accepted = (figures?: number): Outcome => ({ ok: true, ...(figures === undefined ? {} : { figures }) });
const refused = (message: RegExp): Outcome => ({ ok: false, message });

const NOT_UTF8 = /không phải văn bản UTF-8 hợp lệ .* is not valid UTF-8 text/u;
const UTF16 = /là văn bản UTF-16; hãy lưu lại dưới dạng UTF-8 .* is UTF-16 text; save it as UTF-8/u;

const INPUTS: InputCase[] = [
  { name: 'an empty file', files: { 'rong.txt': '' }, outcome: accepted(0) },
  { name: 'only blank lines', files: { 'trang.txt': '\n\n   \n\t\n' }, outcome: accepted(0) },
  { name: 'random binary bytes', files: { 'nhi-phan.txt': seededBytes(4096) }, outcome: refused(NOT_UTF8) },
  { name: 'all NUL bytes', files: { 'nul.txt': Buffer.alloc(1024) }, outcome: refused(/NUL|UTF-16/u) },
  {
    name: 'a NUL inside UTF-8 text',
    files: { 'co-nul.txt': `${FIGURES}\0${FIGURES}` },
    outcome: refused(/NUL/u),
  },
  {
    name: 'UTF-16 LE with BOM',
    files: { 'u16le.txt': utf16le(`\ufeff${FIGURES}`) },
    outcome: refused(UTF16),
  },
  {
    name: 'UTF-16 BE with BOM',
    files: { 'u16be.txt': utf16be(`\ufeff${FIGURES}`) },
    outcome: refused(UTF16),
  },
  {
    name: 'UTF-16 LE without BOM, ASCII',
    files: { 'u16a.txt': utf16le('GRDP tang 8,2% nam 2025.') },
    outcome: refused(UTF16),
  },
  {
    name: 'UTF-16 LE without BOM, Vietnamese',
    files: { 'u16v.txt': utf16le(FIGURES) },
    outcome: refused(/UTF-16|UTF-8/u),
  },
  {
    name: 'UTF-16 BE without BOM',
    files: { 'u16b.txt': utf16be('GRDP tang 8,2% nam 2025.') },
    outcome: refused(UTF16),
  },
  {
    name: 'a truncated multi-byte character',
    files: { 'cut.txt': Buffer.concat([Buffer.from(FIGURES), Buffer.from([0xe1, 0xbb])]) },
    outcome: refused(NOT_UTF8),
  },
  {
    name: 'an overlong encoding',
    files: { 'overlong.txt': Buffer.from([0x41, 0xc0, 0xaf, 0x0a]) },
    outcome: refused(NOT_UTF8),
  },
  {
    name: 'an encoded surrogate',
    files: { 'surrogate.txt': Buffer.from([0x41, 0xed, 0xa0, 0x80]) },
    outcome: refused(NOT_UTF8),
  },
  {
    name: 'Vietnamese in Windows-1258',
    files: { 'cp1258.txt': Buffer.from('T\xf4c \xf0\xf4\xf4 t\xe3ng 8,2%', 'latin1') },
    outcome: refused(NOT_UTF8),
  },
  { name: 'CRLF line ends', files: { 'crlf.txt': `${FIGURES}\r\n${FIGURES}\r\n` }, outcome: accepted() },
  { name: 'a UTF-8 BOM', files: { 'bom.txt': `\ufeff${FIGURES}\n` }, outcome: accepted() },
  { name: 'a BOM and CRLF', files: { 'bomcrlf.txt': `\ufeff${FIGURES}\r\n${FIGURES}` }, outcome: accepted() },
  { name: 'bare CR line ends', files: { 'cr.txt': `${FIGURES}\r${FIGURES}\r` }, outcome: accepted() },
  {
    name: 'a line with figures and no full stop',
    files: { 'khong-cham.txt': 'thu ngân sách đạt 1.234 tỷ đồng, tăng 5,6% '.repeat(150) },
    outcome: accepted(300),
  },
  {
    name: '100 KB with no full stop, no line break, no figure',
    files: { 'dai.txt': 'tăng trưởng kinh tế đạt kết quả tích cực trên nhiều lĩnh vực '.repeat(1600) },
    outcome: accepted(0),
  },
  { name: 'one 200 KB word', files: { 'mot-tu.txt': 'a'.repeat(200_000) }, outcome: accepted(0) },
  {
    name: '400 digits',
    files: { 'so-400.txt': `GRDP đạt ${'9'.repeat(400)} tỷ đồng.` },
    outcome: accepted(),
  },
  {
    name: '10,000 digits',
    files: { 'so-10k.txt': `GRDP đạt ${'7'.repeat(10_000)} tỷ đồng.` },
    outcome: accepted(),
  },
  {
    name: '5,000 thousands groups',
    files: { 'nhom.txt': `Vốn đạt 1${'.000'.repeat(5000)} đồng.` },
    outcome: accepted(),
  },
  {
    name: 'a sentence repeated 300 times with no full stop',
    files: { 'lap.txt': 'Tốc độ tăng trưởng GRDP bình quân đạt 6,5%, '.repeat(300) },
    outcome: accepted(300),
  },
  {
    name: 'zero-width, RTL and control characters',
    files: { 'la.txt': `\u200bGRDP\u200f tăng\u202e 8,2%\u0007 năm 2025\u2063.` },
    outcome: accepted(),
  },
  { name: 'decomposed diacritics', files: { 'nfd.txt': FIGURES.normalize('NFD') }, outcome: accepted() },
  {
    name: 'Markdown and LaTeX remnants',
    files: { 'md.txt': `## **Kết quả**\n- GRDP tăng $8,2\\%$ năm 2025[^1]\n[^1]: theo ước tính.` },
    outcome: accepted(),
  },
  {
    name: 'a broken manifest',
    files: { 'a.txt': FIGURES, 'manifest.json': '{ "documents": [' },
    outcome: refused(/manifest\.json/u),
  },
  {
    name: 'a manifest of the wrong shape',
    files: { 'a.txt': FIGURES, 'manifest.json': '{ "documents": [{ "doc_id": 5 }] }' },
    outcome: refused(/manifest\.json/u),
  },
  {
    name: 'an empty manifest file',
    files: { 'a.txt': FIGURES, 'manifest.json': '' },
    outcome: refused(/manifest\.json/u),
  },
  {
    name: 'a manifest naming a missing document',
    files: {
      'a.txt': FIGURES,
      'manifest.json': JSON.stringify({
        documents: [{ doc_id: 'khong-co', title: 'x', doc_type: 'x', issuer: 'x', issued_on: '2025-01-01' }],
      }),
    },
    outcome: accepted(),
  },
  {
    name: 'no document of a format it reads',
    files: { 'ghi-chu.odt': FIGURES, 'README.md': FIGURES },
    outcome: refused(
      /không có tệp \.txt, \.md, \.docx hay \.pdf .* no \.txt, \.md, \.docx or \.pdf documents/u,
    ),
  },
  { name: 'a file named only ".txt"', files: { '.txt': FIGURES }, outcome: refused(/no document id/u) },
];

// File names a user's folder may really hold; each must come out as its document id, unchanged.
const HOSTILE_NAMES = [
  'bao cao nam 2025',
  '"nghị" quyết \'67\'',
  'a;rm -rf x',
  '$(touch pwned)',
  '`touch pwned2`',
  'dòng\nmới',
  '-rf',
  '--out',
  'x'.repeat(240),
  'Nghị quyết số 67 về kế hoạch năm 2026',
  'Nghị quyết'.normalize('NFD'),
  'a,b "c"',
  'tab\there',
  'biểu-tượng-📈',
  '..',
];

let work: string;
let shippedSum: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ctw-bad-input-'));
  shippedSum = await folderChecksum(SHIPPED_WAREHOUSE);
});

afterAll(async () => {
  expect(await folderChecksum(SHIPPED_WAREHOUSE), 'the shipped warehouse changed').toBe(shippedSum);
  await rm(work, { recursive: true, force: true });
});

async function corpusOf(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(join(work, 'corpus-'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

/** Runs the extract command in-process; returns its printed lines, or the error it refused with. */
async function extract(args: string[]): Promise<{ lines: string[]; error: unknown; ms: number }> {
  const lines: string[] = [];
  const started = performance.now();
  const error = await rejection(runExtract(args, (line) => lines.push(line)));
  return { lines, error, ms: performance.now() - started };
}

/** Nothing half-written: no staging folder is left beside the output. */
async function expectNoStaging(out: string): Promise<void> {
  const beside = await readdir(dirname(out)).catch(() => []);
  expect(beside.filter((name) => name.startsWith(`.${basename(out).slice(0, 64)}.tmp-`))).toEqual([]);
}

async function observationsOf(out: string): Promise<Record<string, string>[]> {
  return parse(await readFile(join(out, 'observations.csv'), 'utf8'), { columns: true }) as Record<
    string,
    string
  >[];
}

describe('extract on bad corpus input', () => {
  it.each(INPUTS.map((input) => [input.name, input] as const))('%s', async (_name, input) => {
    const corpus = await corpusOf(input.files);
    const out = join(corpus, '..', `${basename(corpus)}-out`);
    const result = await extract(['--corpus', corpus, '--out', out]);
    expect(result.ms).toBeLessThan(BUDGET_MS);
    await expectNoStaging(out);
    if (!input.outcome.ok) {
      expectClearError(result.error, input.outcome.message);
      expect(await folderChecksum(out), 'a refused run wrote something').toBe('missing');
      return;
    }
    expect(result.error).toBeNull();
    expect(new Set(await readdir(out))).toEqual(WAREHOUSE_FILES);
    const rows = await observationsOf(out);
    if (input.outcome.figures !== undefined) expect(rows).toHaveLength(input.outcome.figures);
    const texts = new Map<string, string>();
    for (const [name, content] of Object.entries(input.files)) {
      if (name.endsWith('.txt')) texts.set(name.slice(0, -4), Buffer.from(content).toString('utf8'));
    }
    for (const row of rows) {
      expect(row.quote?.length ?? 0).toBeLessThanOrEqual(QUOTE_MAX_CHARS);
      // Offsets index the raw text as decoded, BOM and CR included: the span is the number.
      const raw = texts.get(row.doc_id ?? '') ?? '';
      expect(raw.slice(Number(row.char_start), Number(row.char_end))).toMatch(/\d/u);
    }
  });

  it('caps the quote of a runaway sentence around its own figure, keeping the sentence offsets', async () => {
    const corpus = await corpusOf({
      'lap.txt': `${'Chỉ tiêu phát triển bền vững đạt kết quả, '.repeat(100)}GRDP tăng 9,9%, ${'các chỉ tiêu khác đạt kết quả tốt, '.repeat(100)}`,
    });
    const out = `${corpus}-out`;
    expect((await extract(['--corpus', corpus, '--out', out])).error).toBeNull();
    const [row] = (await observationsOf(out)).filter((candidate) => candidate.value_low === '9.9');
    // The reading core cuts a runaway "sentence" into pieces of at most 2,000 characters; the quote
    // is then capped around the figure within its piece, and the offsets still cover the piece.
    expect(row?.quote).toMatch(/GRDP tăng 9,9%.*…$/u);
    expect(row?.quote?.length ?? 0).toBeLessThanOrEqual(QUOTE_MAX_CHARS + 2);
    expect(Number(row?.sentence_end) - Number(row?.sentence_start)).toBeGreaterThan(QUOTE_MAX_CHARS);
  });
});

describe('extract on hostile file names', () => {
  it.each(HOSTILE_NAMES.map((name) => [JSON.stringify(name).slice(0, 60), name] as const))(
    '%s',
    async (_label, name) => {
      const corpus = await corpusOf({ [`${name}.txt`]: FIGURES });
      const out = join(corpus, 'out');
      const result = await extract(['--corpus', corpus, '--out', out]);
      expect(result.error).toBeNull();
      for (const line of result.lines) expect(line.includes('\n')).toBe(false);
      const documents = parse(await readFile(join(out, 'documents.csv'), 'utf8'), {
        columns: true,
      }) as Record<string, string>[];
      expect(documents.map((doc) => doc.doc_id)).toEqual([name]);
      expect((await observationsOf(out)).length).toBeGreaterThan(0);
      await expectNoStaging(out);
      expect(await readdir('.')).not.toContain('pwned');
    },
  );
});

describe('extract refuses an unusable --out before any work', () => {
  let corpus: string;
  let readOnly: string;
  let aFile: string;
  let foreign: string;

  beforeAll(async () => {
    corpus = await corpusOf({ 'a.txt': FIGURES });
    aFile = join(work, 'a-file');
    await writeFile(aFile, 'x');
    foreign = join(work, 'ho-so');
    await mkdir(foreign);
    await writeFile(join(foreign, 'ghi-chu.docx'), 'mine');
    readOnly = join(work, 'chi-doc');
    await mkdir(readOnly);
    await run('chmod', ['555', readOnly]);
    // root ignores modes; the immutable flag stops root too.
    if (process.getuid?.() === 0) await run('chattr', ['+i', readOnly]);
    const writable = await writeFile(join(readOnly, 'probe'), '').then(
      () => true,
      () => false,
    );
    if (writable) throw new Error(`cannot make a read-only folder here: ${readOnly}`);
  });

  afterAll(async () => {
    if (process.getuid?.() === 0) await run('chattr', ['-i', readOnly]);
    await run('chmod', ['755', readOnly]);
  });

  const cases: [string, () => string[], RegExp][] = [
    ['empty', () => ['--out', ''], /--out cần một giá trị .* --out needs a value/u],
    ['blank', () => ['--out', '   '], /needs a value/u],
    ['empty inline', () => ['--out='], /needs a value/u],
    ['under /proc', () => ['--out', '/proc/x'], /không ghi được .* cannot be written/u],
    ['under /sys', () => ['--out', '/sys/x'], /cannot be written/u],
    ['a file', () => ['--out', aFile], /là một tệp, không phải thư mục .* is a file/u],
    ['through a file', () => ['--out', join(aFile, 'x')], /does not exist/u],
    ['in a read-only folder', () => ['--out', join(readOnly, 'kho')], /cannot be written/u],
    [
      'under a missing drive',
      () => ['--out', '/mnt/o-dia-khong-co/kho/du-lieu'],
      /không tồn tại .* does not exist/u,
    ],
    ['the root folder', () => ['--out', '/'], /root folder/u],
    ['a folder holding other files', () => ['--out', foreign], /ghi-chu\.docx.* cannot be replaced/u],
    ['the corpus folder', () => ['--out', corpus], /corpus folder/u],
    ['a NUL in the path', () => ['--out', join(work, 'a\0b')], /NUL/u],
    ['a name too long', () => ['--out', join(work, 'x'.repeat(300))], /too long/u],
  ];

  it.each(cases)('%s', async (_name, args, message) => {
    const before = await folderChecksum(foreign);
    const result = await extract(['--corpus', corpus, ...args()]);
    expectClearError(result.error, message);
    // Refused before reading the corpus: far quicker than an extraction.
    expect(result.ms).toBeLessThan(BUDGET_MS);
    expect(result.lines).toEqual([]);
    expect(await folderChecksum(foreign)).toBe(before);
    expect(await readdir(readOnly)).toEqual([]);
    expect((await readdir(work)).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });
});

describe('extract on bad flags', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown flag', ['--bogus', 'x'], /tham số không hợp lệ "--bogus" .* unknown argument "--bogus"/u],
    ['a bare word', ['data/sources'], /unknown argument "data\/sources"/u],
    ['a single-dash flag', ['-o', 'x'], /unknown argument "-o"/u],
    ['an upper-case flag', ['--OUT', 'x'], /unknown argument "--OUT"/u],
    [
      '--out twice',
      ['--out', '/tmp/a', '--out', '/tmp/b'],
      /--out được nêu hai lần .* --out is given twice/u,
    ],
    ['--corpus twice', ['--corpus', 'a', '--corpus', 'b', '--out', '/tmp/a'], /--corpus is given twice/u],
    ['--out with no value', ['--out'], /--out needs a value/u],
    ['--out followed by a flag', ['--out', '--corpus', 'data/sources'], /--out needs a value/u],
    ['--corpus without --out', ['--corpus', 'data/sources'], /data\/warehouse/u],
    [
      '--catalogue without --out',
      ['--catalogue', 'data/indicators.json'],
      /never overwrites the shipped warehouse/u,
    ],
    [
      'a missing corpus folder',
      ['--corpus', '/khong/co', '--out', '/tmp/ctw-never'],
      /cannot read corpus folder/u,
    ],
    [
      'a corpus that is a file',
      ['--corpus', SAMPLE, '--out', '/tmp/ctw-never'],
      /cannot read corpus folder/u,
    ],
    [
      'a missing catalogue',
      ['--catalogue', '/khong/co.json', '--out', '/tmp/ctw-never'],
      /indicator catalogue/u,
    ],
    [
      'a catalogue that is not JSON',
      ['--catalogue', SAMPLE, '--out', '/tmp/ctw-never'],
      /indicator catalogue/u,
    ],
    [
      'a catalogue of the wrong shape',
      ['--catalogue', 'data/sources/manifest.json', '--out', '/tmp/ctw-never'],
      /invalid catalogue/u,
    ],
  ];

  it.each(cases)('%s', async (_name, args, message) => {
    const result = await extract(args);
    expectClearError(result.error, message);
    expect(result.ms).toBeLessThan(BUDGET_MS);
    expect(await folderChecksum('/tmp/ctw-never')).toBe('missing');
    expect(await folderChecksum('/tmp/a')).toBe('missing');
  });
});

describe('extract replaces a warehouse whole or not at all', () => {
  it('a corpus that fails leaves the old warehouse byte for byte', async () => {
    const out = join(work, 'old-warehouse');
    await mkdir(out);
    for (const file of WAREHOUSE_FILES) await copyFile(join(SHIPPED_WAREHOUSE, file), join(out, file));
    const before = await folderChecksum(out);
    // The first document reads, the second is not UTF-8: the failure comes after real work.
    const corpus = await corpusOf({ 'a.txt': await readFile(SAMPLE), 'b.txt': seededBytes(64) });
    expectClearError((await extract(['--corpus', corpus, '--out', out])).error, NOT_UTF8);
    expect(await folderChecksum(out)).toBe(before);
    await expectNoStaging(out);
  });

  it('a write that fails half-way (documents written, observations not) leaves the old warehouse', async () => {
    const out = join(work, 'old-warehouse-2');
    await mkdir(out);
    for (const file of WAREHOUSE_FILES) await copyFile(join(SHIPPED_WAREHOUSE, file), join(out, file));
    const before = await folderChecksum(out);
    const { tables } = await extractCorpus(await corpusOf({ 'a.txt': FIGURES }));
    const failing = { ...tables.observations[0] };
    Object.defineProperty(failing, 'quote', {
      enumerable: true,
      get: () => {
        throw new Error('disk full');
      },
    });
    const error = await rejection(writeWarehouse(out, { ...tables, observations: [failing] }));
    expect(String(error)).toMatch(/disk full/u);
    expect(await folderChecksum(out)).toBe(before);
    await expectNoStaging(out);
  });

  it('a run that succeeds replaces every file of the old warehouse', async () => {
    const out = join(work, 'replaced');
    await mkdir(out);
    for (const file of WAREHOUSE_FILES) await writeFile(join(out, file), 'stale');
    const corpus = await corpusOf({ 'a.txt': FIGURES });
    expect((await extract(['--corpus', corpus, '--out', out])).error).toBeNull();
    for (const file of WAREHOUSE_FILES) expect(await readFile(join(out, file), 'utf8')).not.toBe('stale');
    await expectNoStaging(out);
  });

  it('an unreadable document (a dangling link, a folder named .txt) is refused with its name', async () => {
    const corpus = await corpusOf({ 'a.txt': FIGURES });
    await symlink(join(corpus, 'khong-co'), join(corpus, 'lien-ket.txt'));
    expectClearError((await extract(['--corpus', corpus, '--out', `${corpus}-out`])).error, /lien-ket\.txt/u);
    const second = await corpusOf({ 'a.txt': FIGURES });
    await mkdir(join(second, 'thu-muc.txt'));
    expectClearError((await extract(['--corpus', second, '--out', `${second}-out`])).error, /thu-muc\.txt/u);
    expect(await folderChecksum(`${corpus}-out`)).toBe('missing');
  });
});
