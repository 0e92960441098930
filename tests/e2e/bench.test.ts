import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

// The benchmark drives the UI; this proves it still can. Its timings are printed, never asserted.
describe('the benchmark script', () => {
  it('drives the built workbench and prints its figures as JSON', { timeout: 300_000 }, async () => {
    const { stdout } = await run('node_modules/.bin/tsx', ['scripts/bench.ts'], {
      timeout: 300_000,
      env: { ...process.env, BENCH_RUNS: '1' },
    });
    const figures = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>;
    expect(Object.keys(figures).sort()).toEqual([
      'engine_floor_cold_ms',
      'engine_floor_warm_ms',
      'first_query_ms',
      'group_by_1m_rows_ms',
      'ready_cold_ms',
      'ready_over_floor_cold',
      'ready_warm_ms',
      'shell_painted_cold_ms',
    ]);
    for (const value of Object.values(figures)) expect(value).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(figures)) {
      if (name.endsWith('_ms')) expect(Number.isInteger(value)).toBe(true);
    }
  });
});
