import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What the benchmark measured of one `npm run report` of every indicator. */
export interface ReportRunFigures {
  ms: number;
  peak_rss_mb: number;
}

/**
 * Runs the report CLI as a user does (a fresh process, every indicator) and returns its wall time
 * and peak resident memory, read by GNU time (the largest process of the run, tsx's child included).
 */
export async function benchReport(format: 'xlsx' | 'pptx'): Promise<ReportRunFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'ctw-report-bench-'));
  try {
    const started = performance.now();
    const { stderr } = await run(
      '/usr/bin/time',
      [
        '-f',
        'max_rss_kb=%M',
        'node_modules/.bin/tsx',
        'scripts/report.ts',
        '--format',
        format,
        '--out',
        join(dir, `report.${format}`),
      ],
      { timeout: 600_000, maxBuffer: 16 * 2 ** 20 },
    );
    const ms = Math.round(performance.now() - started);
    const rss = /max_rss_kb=(\d+)/.exec(stderr)?.[1];
    if (!rss) throw new Error(`report bench: no memory figure from /usr/bin/time:\n${stderr}`);
    return { ms, peak_rss_mb: Math.round(Number(rss) / 1024) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
