import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What one `npm run report` of every indicator took. */
export interface ReportRun {
  ms: number;
  /** User plus system CPU time: the fair figure when other work shares the cores. */
  cpu_ms: number;
  peak_rss_mb: number;
}

/**
 * What the benchmark measured of the report CLI: the run a user makes again (charts drawn before
 * read from the cache) as `ms`/`peak_rss_mb`, and the first run, with an empty chart cache, as `cold`.
 */
export interface ReportRunFigures extends ReportRun {
  cold: ReportRun;
}

/**
 * Runs the report CLI as `npm run report` does (a fresh process, every indicator unless told), first with an empty chart
 * cache, then again with the charts it drew; wall and CPU time and peak resident memory are read
 * by GNU time (the CLI is one process: chart workers are its threads).
 */
export async function benchReport(
  format: 'xlsx' | 'pptx',
  indicators: readonly string[] | 'all' = 'all',
): Promise<ReportRunFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'ctw-report-bench-'));
  try {
    const cache = join(dir, 'charts');
    const cold = await runReport(format, indicators, dir, cache);
    const warm = await runReport(format, indicators, dir, cache);
    return { ...warm, cold };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function runReport(
  format: 'xlsx' | 'pptx',
  indicators: readonly string[] | 'all',
  dir: string,
  cache: string,
): Promise<ReportRun> {
  const started = performance.now();
  const { stderr } = await run(
    '/usr/bin/time',
    [
      '-f',
      'max_rss_kb=%M user_s=%U sys_s=%S',
      process.execPath,
      'scripts/lib/report-run.mjs',
      '--format',
      format,
      '--out',
      join(dir, `report.${format}`),
      '--indicators',
      indicators === 'all' ? 'all' : indicators.join(','),
    ],
    { timeout: 600_000, maxBuffer: 16 * 2 ** 20, env: { ...process.env, CHI_TIEU_CHART_CACHE: cache } },
  );
  const ms = Math.round(performance.now() - started);
  const figures = /max_rss_kb=(\d+) user_s=([\d.]+) sys_s=([\d.]+)/.exec(stderr);
  if (!figures) throw new Error(`report bench: no figures from /usr/bin/time:\n${stderr}`);
  return {
    ms,
    cpu_ms: Math.round((Number(figures[2]) + Number(figures[3])) * 1000),
    peak_rss_mb: Math.round(Number(figures[1]) / 1024),
  };
}
