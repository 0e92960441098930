import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

// The benchmark drives the UI; this proves it still can. Its timings are printed, never asserted.
describe('the benchmark script', () => {
  it('drives the built workbench and prints its figures as JSON', async () => {
    const { stdout } = await run('node_modules/.bin/tsx', ['scripts/bench.ts'], { timeout: 240_000 });
    const figures = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>;
    expect(Object.keys(figures).sort()).toEqual(['duckdb_ready_ms', 'first_query_ms', 'group_by_1m_rows_ms']);
    for (const value of Object.values(figures)) expect(Number.isInteger(value)).toBe(true);
  });
});
