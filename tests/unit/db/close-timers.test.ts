import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('a closed database', () => {
  it('leaves no timer behind, so that a command-line run ends when its work is done', async () => {
    // In a process of its own: the test runner's timers would blur the count.
    const { stdout } = await run('node_modules/.bin/tsx', ['tests/fixtures/db/timers-after-close.ts'], {
      timeout: 120_000,
    });
    // Before the query, while the liveness ping waits for the next long step, and once closed.
    expect(JSON.parse(stdout)).toEqual({ native: [0, 1, 0], wasm: [0, 1, 0] });
  }, 120_000);
});
