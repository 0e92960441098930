import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Runs a bench script in a process of its own (this one's loader flags, so TypeScript runs as
 * here) and reads the one line of JSON it prints last: its memory, engines and workers go with it,
 * and the next phase starts on a machine as free as the first.
 */
export async function runInOwnProcess<T>(script: string, args: readonly string[] = []): Promise<T> {
  const { stdout } = await run(process.execPath, [...process.execArgv, script, ...args], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as T;
}
