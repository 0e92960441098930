import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

// The benchmark drives the UI; this proves it still can. Its timings are printed, never asserted.
describe('the benchmark script', () => {
  it('drives the built workbench and prints its figures as JSON', { timeout: 600_000 }, async () => {
    // The quick mode: one start of each kind, small sizes, the Node parts beside the browser. This
    // checks the run and its fields; `npm run bench` alternates three, reads 10 MB, pivots 1M rows
    // and loads 1M and 5M user rows.
    const { stdout } = await run('node_modules/.bin/tsx', ['scripts/bench.ts', '--quick'], {
      timeout: 600_000,
      maxBuffer: 16 * 2 ** 20,
    });
    const figures = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>;
    expect(Object.keys(figures).sort()).toEqual([
      'cli_report_pptx_cpu_ms',
      'cli_report_pptx_first_cpu_ms',
      'cli_report_pptx_first_ms',
      'cli_report_pptx_first_peak_rss_mb',
      'cli_report_pptx_ms',
      'cli_report_pptx_peak_rss_mb',
      'cli_report_xlsx_cpu_ms',
      'cli_report_xlsx_first_cpu_ms',
      'cli_report_xlsx_first_ms',
      'cli_report_xlsx_first_peak_rss_mb',
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
      'import_document_extract_ms',
      'import_document_figures',
      'import_document_ms',
      'import_table_csv_mb',
      'import_table_map_ms',
      'import_table_ms',
      'import_table_renderer_peak_mb',
      'import_table_rows',
      'later_pivot_ms',
      'native_engine_version',
      'pivot_scaled_engine_wasm_over_native',
      'pivot_scaled_native_engine_ms',
      'pivot_scaled_native_error',
      'pivot_scaled_native_ms',
      'pivot_scaled_native_precompute_ms',
      'pivot_scaled_wasm_engine_ms',
      'pivot_scaled_wasm_error',
      'pivot_scaled_wasm_ms',
      'pivot_scaled_wasm_over_native',
      'pivot_scaled_wasm_precompute_ms',
      'ready_cold_ms',
      'ready_over_floor_cold',
      'ready_warm_ms',
      'scale_rows',
      'shell_painted_cold_ms',
      'user_rows',
      'user_rows_large',
      'user_rows_large_load_ms',
      'user_rows_large_loaded',
      'user_rows_large_message',
      'user_rows_large_outcome',
      'user_rows_large_pivot_ms',
      'user_rows_large_renderer_peak_mb',
      'user_rows_load_ms',
      'user_rows_loaded',
      'user_rows_message',
      'user_rows_outcome',
      'user_rows_pivot_ms',
      'user_rows_renderer_peak_mb',
      'wasm_engine_version',
    ]);
    // The small loads pivot; every row arrived (the shipped ones and the user's), none silently lost.
    expect([figures.user_rows_outcome, figures.user_rows_large_outcome]).toEqual(['pivoted', 'pivoted']);
    expect(figures.user_rows_message).toBeNull();
    expect(figures.user_rows_loaded as number).toBeGreaterThan(figures.user_rows as number);
    expect((figures.user_rows_large_loaded as number) - (figures.user_rows_loaded as number)).toBe(
      (figures.user_rows_large as number) - (figures.user_rows as number),
    );
    // The native reference must run the WASM build's engine, or its ratio compares two engines.
    expect(figures.native_engine_version).toBe(figures.wasm_engine_version);
    expect(figures.wasm_engine_version).toMatch(/^v\d+\.\d+\.\d+/);
    // An engine that fails records its message (tests/unit/scripts/scale-bench.test.ts); 2,000 rows fit.
    expect([figures.pivot_scaled_wasm_error, figures.pivot_scaled_native_error]).toEqual([null, null]);
    for (const [name, value] of Object.entries(figures)) {
      if (['_version', '_outcome', '_message', '_error'].some((suffix) => name.endsWith(suffix))) continue;
      if (name.endsWith('_ms') || name.endsWith('_rss_mb')) expect(Number.isInteger(value), name).toBe(true);
      expect(typeof value === 'number' && value > 0, name).toBe(true);
    }
    expect(figures.extraction_input_mb as number).toBeGreaterThanOrEqual(0.1);
    expect(figures.scale_rows).toBe(2000);
    // The user's CSV went through the UI: the same rows as the user-rows load, as a file.
    expect(figures.import_table_rows).toBe(figures.user_rows);
    // The 150 KB report imported through the UI finds its figures (549 when extracted in the corpus).
    expect(figures.import_document_figures as number).toBeGreaterThan(500);
  });
});
