import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.useRealTimers();
  vi.resetModules();
});

describe('ids of stored items', () => {
  // Regression: two pages saving in the same millisecond got the same id, and one save replaced the other.
  it('differ between two pages that make their first id in the same millisecond', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T08:00:00Z'), toFake: ['Date'] });
    const ids: string[] = [];
    for (let page = 0; page < 2; page += 1) {
      // A fresh module instance per page, as each page load has.
      vi.resetModules();
      const { newId } = await import('../../../renderer/src/lib/platform/new-id.ts');
      ids.push(newId('query'));
    }
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('keep the prefix and fit the stored id limit', async () => {
    const { newId } = await import('../../../renderer/src/lib/platform/new-id.ts');
    const id = newId('query');
    expect(id).toMatch(/^query-[0-9a-f-]{36}$/);
  });
});
