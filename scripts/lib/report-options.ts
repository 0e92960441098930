import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Locale } from '../../renderer/src/lib/i18n/dictionary.ts';
import type { ReportPeriods } from '../../renderer/src/lib/report/report-data.ts';
import { CliError, parseArgs, shown } from './cli-args.ts';

export const REPORT_FORMATS = ['xlsx', 'pptx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Which DuckDB the CLI runs: native when it starts (faster), else the app's own WASM build. */
export const ENGINE_CHOICES = ['auto', 'native', 'wasm'] as const;
export type EngineChoice = (typeof ENGINE_CHOICES)[number];

/** The report command's arguments, every one checked. */
export interface ReportOptions {
  format: ReportFormat;
  /** The ids asked for (each still to be checked against the warehouse), or every indicator. */
  indicators: readonly string[] | 'all';
  periods: ReportPeriods;
  locale: Locale;
  generatedOn: string;
  /** Which DuckDB runs the report's SQL: `auto` takes the native one when it starts. */
  engine: EngineChoice;
  /** The file to write, resolved; its folder is known to exist and be writable. */
  out: string;
}

// The longest file name ext4, NTFS and APFS take, in bytes.
const NAME_MAX_BYTES = 255;

// Reports are dated by people, in this century or the next.
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

/**
 * Reads and checks every argument of the report command before any work: formats from the
 * allowed set and given once, real calendar dates, a writable `--out` named for its format.
 */
export async function reportOptions(
  argv: readonly string[],
  today: Date = new Date(),
): Promise<ReportOptions> {
  const args = parseArgs(argv, ['format', 'indicators', 'out', 'periods', 'lang', 'date', 'engine']);
  const format = choice('format', args.get('format'), REPORT_FORMATS);
  const periods = choice<ReportPeriods>('periods', args.get('periods'), ['terms', 'years'], 'terms');
  const locale = choice<Locale>('lang', args.get('lang'), ['vi', 'en'], 'vi');
  const engine = choice<EngineChoice>('engine', args.get('engine'), ENGINE_CHOICES, 'auto');
  const generatedOn = args.get('date') ?? today.toISOString().slice(0, 10);
  checkDate(generatedOn);
  const indicators = indicatorList(args.get('indicators') ?? 'all');
  const out = args.get('out');
  if (out === undefined) {
    throw new CliError(
      `cần --out <tệp.${format}> (tệp sẽ ghi)`,
      `--out <file.${format}> is required (the file to write)`,
    );
  }
  return {
    format,
    indicators,
    periods,
    locale,
    generatedOn,
    engine,
    out: await checkOutFile(out, format),
  };
}

/** Writes `bytes` beside `out` first and renames it into place: never a half-written report. */
export async function writeFileAtomically(out: string, bytes: Uint8Array): Promise<void> {
  const temporary = temporaryBeside(out);
  try {
    const file = await open(temporary, 'wx');
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, out);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new CliError(
      `không ghi được ${shown(out)} (${(error as NodeJS.ErrnoException).code ?? 'lỗi'})`,
      `cannot write ${shown(out)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
}

function choice<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback?: T,
): T {
  const list = allowed.join('|');
  if (value === undefined && fallback !== undefined) return fallback;
  if (value === undefined) throw new CliError(`cần --${name} (${list})`, `--${name} is required (${list})`);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliError(
      `--${name} phải là một trong ${list}, không phải ${shown(value)}`,
      `--${name} must be one of ${list}, not ${shown(value)}`,
    );
  }
  return value as T;
}

function checkDate(text: string): void {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    match !== null &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    year >= FIRST_YEAR &&
    year <= LAST_YEAR;
  if (!real) {
    throw new CliError(
      `--date phải là một ngày có thật dạng YYYY-MM-DD (${FIRST_YEAR}–${LAST_YEAR}), không phải ${shown(text)}`,
      `--date must be a real date as YYYY-MM-DD (${FIRST_YEAR}–${LAST_YEAR}), not ${shown(text)}`,
    );
  }
}

function indicatorList(text: string): readonly string[] | 'all' {
  if (text === 'all') return 'all';
  const ids = [...new Set(text.split(',').map((id) => id.trim()))];
  if (ids.some((id) => id === '')) {
    throw new CliError(
      `--indicators có mục trống: ${shown(text)} (các mã cách nhau bằng dấu phẩy)`,
      `--indicators has an empty entry: ${shown(text)} (ids separated by commas)`,
    );
  }
  return ids;
}

async function checkOutFile(out: string, format: ReportFormat): Promise<string> {
  const bad = (vi: string, en: string): CliError =>
    new CliError(`--out ${shown(out)} ${vi}`, `--out ${shown(out)} ${en}`);
  if (out.includes('\0')) throw bad('chứa ký tự NUL', 'contains a NUL character');
  if (extname(out).toLowerCase() !== `.${format}`) {
    throw bad(
      `phải có đuôi .${format} cho --format ${format}`,
      `must end in .${format} for --format ${format}`,
    );
  }
  const target = resolve(out);
  if (Buffer.byteLength(basename(target)) > NAME_MAX_BYTES)
    throw bad('có tên quá dài', 'has too long a name');
  const existing = await stat(target).catch(() => null);
  if (existing?.isDirectory()) throw bad('là một thư mục, không phải tệp', 'is a folder, not a file');
  const folder = dirname(target);
  if (!(await stat(folder).catch(() => null))?.isDirectory()) {
    throw bad(
      `nằm trong thư mục không tồn tại ${shown(folder)}`,
      `is in a folder that does not exist, ${shown(folder)}`,
    );
  }
  // The one sure test that the folder takes a new file: make one, then remove it.
  const probe = temporaryBeside(target);
  try {
    await (await open(probe, 'wx')).close();
  } catch {
    throw bad('không ghi được: thư mục không cho ghi', 'cannot be written: its folder is not writable');
  }
  await rm(probe, { force: true });
  return target;
}

function temporaryBeside(path: string): string {
  const suffix = `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  return join(dirname(path), `.${basename(path).slice(0, 64)}.${suffix}.tmp`);
}
