import { describe, expect, it } from 'vitest';
import { recordPhase } from '../../../scripts/lib/bench-phase.ts';

// The last full bench waited on a hung page, then aborted and printed no JSON at all.
describe('a bench phase', () => {
  it('gives its figures when it finishes', async () => {
    expect(await recordPhase('works', 'works', 60_000, async () => ({ works_ms: 3 }))).toEqual({
      works_ms: 3,
    });
  });

  it('that throws is recorded as failed with its message, and does not throw', async () => {
    const figures = await recordPhase('broken', 'broken', 60_000, () =>
      Promise.reject(new Error('chromium crashed\nstack line')),
    );
    expect(figures).toEqual({ broken_outcome: 'failed', broken_error: 'chromium crashed' });
  });

  it('that never answers is recorded as failed once its limit passes', async () => {
    const figures = await recordPhase('hung', 'hung', 20, () => new Promise<never>(() => {}));
    expect(figures).toEqual({ hung_outcome: 'failed', hung_error: 'hung: no answer within 0.02 s' });
  });
});
