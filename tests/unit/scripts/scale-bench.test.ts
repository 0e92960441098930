import { describe, expect, it } from 'vitest';
import { benchScaledPivot } from '../../../scripts/lib/scale-bench.ts';

// `npm run bench` pivots 1M rows in both engines; an engine that runs out of memory there must be
// a figure of the JSON, not the end of the run (issue 14). No timing is asserted.
describe('the scaled pivot bench', () => {
  it(
    'records an engine out of memory as a field and carries on to the other engine',
    { timeout: 300_000 },
    async () => {
      const figures = await benchScaledPivot(2000, { memoryLimit: '5MB' });
      expect(figures.scale_rows).toBe(2000);
      for (const engine of ['wasm', 'native'] as const) {
        expect(figures[`pivot_scaled_${engine}_error`], engine).toMatch(/out of memory/i);
        expect(figures[`pivot_scaled_${engine}_ms`], engine).toBeNull();
        expect(figures[`pivot_scaled_${engine}_engine_ms`], engine).toBeNull();
        expect(figures[`pivot_scaled_${engine}_precompute_ms`], engine).toBeNull();
      }
      expect(figures.pivot_scaled_wasm_over_native).toBeNull();
      expect(figures.pivot_scaled_engine_wasm_over_native).toBeNull();
      // The engines started: their versions are known, the same for both.
      expect(figures.wasm_engine_version).toMatch(/^v\d+\.\d+\.\d+/);
      expect(figures.native_engine_version).toBe(figures.wasm_engine_version);
    },
  );

  it(
    'records an engine that does not start, and still measures the other one',
    { timeout: 300_000 },
    async () => {
      const figures = await benchScaledPivot(2000, {
        wasm: () => Promise.reject(new Error('the engine did not start')),
      });
      expect(figures.pivot_scaled_wasm_error).toBe('the engine did not start');
      expect([figures.pivot_scaled_wasm_ms, figures.wasm_engine_version]).toEqual([null, null]);
      expect(figures.pivot_scaled_native_error).toBeNull();
      expect(figures.pivot_scaled_native_ms).toEqual(expect.any(Number));
      expect(figures.pivot_scaled_native_precompute_ms).toEqual(expect.any(Number));
      expect(figures.pivot_scaled_native_engine_ms).toEqual(expect.any(Number));
      expect(figures.pivot_scaled_wasm_over_native).toBeNull();
      expect(figures.pivot_scaled_engine_wasm_over_native).toBeNull();
    },
  );
});
