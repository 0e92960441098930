import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

// The benchmark drives the UI; this proves it still can. Its timings are printed, never asserted.
describe('the benchmark script', () => {
  it('drives the built workbench and prints its figures as JSON', { timeout: 600_000 }, async () => {
    // One start of each kind, a small extraction and a small scaled warehouse: this checks the run
    // and its fields; `npm run bench` alternates three, reads 10 MB and pivots 1M rows. It also
    // runs two report CLIs and starts two engines in Node, hence the longer limit.
    const { stdout } = await run('node_modules/.bin/tsx', ['scripts/bench.ts'], {
      timeout: 600_000,
      env: { ...process.env, BENCH_RUNS: '1', BENCH_EXTRACT_MB: '0.1', BENCH_SCALE_ROWS: '2000' },
    });
    const figures = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>;
    expect(Object.keys(figures).sort()).toEqual([
      'cli_report_pptx_ms',
      'cli_report_pptx_peak_rss_mb',
      'cli_report_xlsx_ms',
      'cli_report_xlsx_peak_rss_mb',
      'engine_floor_cold_ms',
      'engine_floor_warm_ms',
      'extraction_corpus_cold_ms',
      'extraction_corpus_mb_per_s',
      'extraction_corpus_warm_ms',
      'extraction_input_mb',
      'extraction_mb_per_s',
      'extraction_ms',
      'extraction_peak_rss_mb',
      'first_pivot_ms',
      'first_query_ms',
      'group_by_1m_rows_ms',
      'later_pivot_ms',
      'native_engine_version',
      'pivot_scaled_native_ms',
      'pivot_scaled_wasm_ms',
      'pivot_scaled_wasm_over_native',
      'ready_cold_ms',
      'ready_over_floor_cold',
      'ready_warm_ms',
      'scale_rows',
      'shell_painted_cold_ms',
      'wasm_engine_version',
    ]);
    // The native reference must run the WASM build's engine, or its ratio compares two engines.
    expect(figures.native_engine_version).toBe(figures.wasm_engine_version);
    expect(figures.wasm_engine_version).toMatch(/^v\d+\.\d+\.\d+/);
    for (const [name, value] of Object.entries(figures)) {
      if (name.endsWith('_version')) continue;
      if (name.endsWith('_ms') || name.endsWith('_rss_mb')) expect(Number.isInteger(value), name).toBe(true);
      expect(typeof value === 'number' && value > 0, name).toBe(true);
    }
    expect(figures.extraction_input_mb as number).toBeGreaterThanOrEqual(0.1);
    expect(figures.scale_rows).toBe(2000);
  });
});
