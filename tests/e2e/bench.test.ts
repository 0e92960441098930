import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

// The benchmark drives the UI; this proves it still can. Its timings are printed, never asserted.
describe('the benchmark script', () => {
  it('drives the built workbench and prints its figures as JSON', { timeout: 300_000 }, async () => {
    // One start of each kind and a small extraction: this checks the run and its fields; `npm run
    // bench` alternates three and reads 10 MB.
    const { stdout } = await run('node_modules/.bin/tsx', ['scripts/bench.ts'], {
      timeout: 300_000,
      env: { ...process.env, BENCH_RUNS: '1', BENCH_EXTRACT_MB: '0.1' },
    });
    const figures = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>;
    expect(Object.keys(figures).sort()).toEqual([
      'engine_floor_cold_ms',
      'engine_floor_warm_ms',
      'extraction_corpus_cold_ms',
      'extraction_corpus_mb_per_s',
      'extraction_corpus_warm_ms',
      'extraction_input_mb',
      'extraction_mb_per_s',
      'extraction_ms',
      'extraction_peak_rss_mb',
      'first_query_ms',
      'group_by_1m_rows_ms',
      'ready_cold_ms',
      'ready_over_floor_cold',
      'ready_warm_ms',
      'shell_painted_cold_ms',
    ]);
    for (const [name, value] of Object.entries(figures)) {
      if (name.endsWith('_ms') || name.endsWith('_rss_mb')) expect(Number.isInteger(value), name).toBe(true);
      expect(typeof value === 'number' && value > 0, name).toBe(true);
    }
    expect(figures.extraction_input_mb as number).toBeGreaterThanOrEqual(0.1);
  });
});
