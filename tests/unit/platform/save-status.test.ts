import { describe, expect, it } from 'vitest';
import { SaveStatus } from '../../../renderer/src/lib/platform/save-status.svelte.ts';

/** A write the test lands or fails when it chooses. */
function pendingWrite() {
  let land!: () => void;
  let fail!: (cause: Error) => void;
  const written = new Promise<void>((resolve, reject) => ((land = resolve), (fail = reject)));
  return { write: () => written, land, fail };
}

describe('the saved state of a model’s writes', () => {
  it('stays unsaved while the latest write is in flight, even when an earlier one lands late', async () => {
    const status = new SaveStatus();
    const [early, late] = [pendingWrite(), pendingWrite()];
    const first = status.track(early.write);
    const second = status.track(late.write);
    expect(status.saved).toBe(false);
    early.land();
    expect(await first).toBe(true);
    expect(status.saved).toBe(false);
    late.land();
    expect(await second).toBe(true);
    expect(status.saved).toBe(true);
  });

  it('shows a failed latest write as unsaved with its message, until a later write lands', async () => {
    const status = new SaveStatus();
    const failing = pendingWrite();
    const tracked = status.track(failing.write);
    failing.fail(new Error('QuotaExceededError'));
    expect(await tracked).toBe(false);
    expect([status.saved, status.error]).toEqual([false, 'QuotaExceededError']);
    expect(await status.track(() => Promise.resolve())).toBe(true);
    expect([status.saved, status.error]).toEqual([true, null]);
  });

  it('reports an untracked write’s problem without marking the tracked change unsaved', async () => {
    const status = new SaveStatus();
    expect(await status.attempt(() => Promise.reject(new Error('đĩa đầy')))).toBe(false);
    expect([status.saved, status.error]).toEqual([true, 'đĩa đầy']);
  });
});
