import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { CliError } from '../../../scripts/lib/cli-args.ts';

export const SHIPPED_WAREHOUSE = 'data/warehouse';

/** SHA-256 over every file name and its bytes in a folder (a missing folder has its own sum). */
export async function folderChecksum(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const names = await readdir(dir).catch(() => null);
  if (names === null) return 'missing';
  for (const name of names.sort()) {
    hash.update(name);
    hash.update(await readFile(join(dir, name)).catch(() => Buffer.from('(folder)')));
  }
  return hash.digest('hex');
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs a CLI script with tsx, killed after `budgetMs`: a hang shows as `timedOut`, not as a stuck suite. */
export function spawnCli(script: string, args: readonly string[], budgetMs: number): Promise<CliRun> {
  return new Promise((resolvePromise) => {
    execFile(
      'node_modules/.bin/tsx',
      [script, ...args],
      { timeout: budgetMs, killSignal: 'SIGKILL', maxBuffer: 16 * 2 ** 20 },
      (error, stdout, stderr) => {
        const failed = error as (Error & { code?: number | string; killed?: boolean }) | null;
        resolvePromise({
          code: failed ? (typeof failed.code === 'number' ? failed.code : null) : 0,
          stdout,
          stderr,
          timedOut: failed?.killed === true,
        });
      },
    );
  });
}

const CLEAR_LINE = /^Lỗi: \S.* \/ Error: \S.*$/u;

/** A CLI's stderr is one clear line in both languages: `name: Lỗi: … / Error: …`, no stack trace. */
export function expectOneClearLine(stderr: string, name: string, message?: RegExp): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines, stderr).toHaveLength(1);
  const line = lines[0] ?? '';
  expect(line.startsWith(`${name}: `), line).toBe(true);
  expect(line.slice(name.length + 2)).toMatch(CLEAR_LINE);
  expect(line).not.toMatch(/\bat .+:\d+:\d+/u);
  if (message) expect(line).toMatch(message);
}

/** The error a library call rejected with is a CliError that reads as one clear line. */
export function expectClearError(error: unknown, message?: RegExp): void {
  expect(error, String(error)).toBeInstanceOf(CliError);
  const text = (error as CliError).message;
  expect(text.includes('\n'), text).toBe(false);
  expect(text).toMatch(CLEAR_LINE);
  if (message) expect(text).toMatch(message);
}

/** Resolves to the error a promise rejects with, or to `null` when it resolves. */
export async function rejection(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
    return null;
  } catch (error) {
    return error;
  }
}
