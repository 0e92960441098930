import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

// Two versions big enough that writing one takes a while, so kills land in the middle of writes.
const SIZE = 512 * 1024;
const version = (name: string): string => JSON.stringify({ version: name, pad: name[0]!.repeat(SIZE) });
const OLD = version('old');
const NEW = version('new');
// Each kill needs a fresh process; starting them a few at a time keeps 200 kills to seconds.
const AT_ONCE = 4;

let dir: string;
let writer: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ctw-kill-'));
  writer = join(dir, 'writer.mjs');
  // The real writeFileAtomic, bundled so the child is a bare `node` (fast to start, killed as one process).
  await build({
    stdin: {
      contents: `
        import { writeFile } from 'node:fs/promises';
        import { writeFileAtomic } from ${JSON.stringify(join(process.cwd(), 'electron/main/atomic-file.ts'))};
        const version = (name) => JSON.stringify({ version: name, pad: name[0].repeat(${SIZE}) });
        const [path, mode, oldText, newText] = [process.argv[2], process.argv[3], version('old'), version('new')];
        const write = mode === 'atomic' ? writeFileAtomic : (file, text) => writeFile(file, text, 'utf8');
        process.stdout.write('ready\\n');
        for (let turn = 0; ; turn++) await write(path, turn % 2 === 0 ? newText : oldText);
      `,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    outfile: writer,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  });
});

/** Starts the writer on `path` (which holds OLD), kills it with SIGKILL at a random point, and reads what is left. */
async function killMidWrite(path: string, mode: 'atomic' | 'in-place'): Promise<string> {
  await writeFile(path, OLD);
  const child = spawn(process.execPath, [writer, path, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`writer exited with ${code} before it started`)));
  });
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return readFile(path, 'utf8');
}

describe('a settings write killed with kill -9 at a random point', () => {
  it('leaves the old or the new file, never a torn one (200 kills)', async () => {
    const outcomes = { old: 0, new: 0, torn: 0 };
    let killedMidWrite = 0;
    const lanes = Array.from({ length: AT_ONCE }, async (_, lane) => {
      const path = join(dir, `settings-${lane}.json`);
      for (let run = lane; run < 200; run += AT_ONCE) {
        const text = await killMidWrite(path, 'atomic');
        if (text === OLD) outcomes.old += 1;
        else if (text === NEW) outcomes.new += 1;
        else outcomes.torn += 1;
        // A temp file left behind means this kill landed inside a write.
        const temps = (await readdir(dir)).filter((name) => name.startsWith(`settings-${lane}.json.`));
        if (temps.length > 0) killedMidWrite += 1;
        await Promise.all(temps.map((name) => rm(join(dir, name))));
      }
    });
    await Promise.all(lanes);
    console.info(`kill -9 during atomic writes: ${JSON.stringify(outcomes)}, ${killedMidWrite} mid-write`);
    expect(outcomes.torn).toBe(0);
    expect(killedMidWrite).toBeGreaterThan(0);
    expect(outcomes.old + outcomes.new).toBe(200);
  }, 240_000);

  it('does tear a plain in-place write (so the kills above reach inside writes)', async () => {
    const path = join(dir, 'plain.json');
    let torn = 0;
    for (let run = 0; run < 40 && torn === 0; run++) {
      const text = await killMidWrite(path, 'in-place');
      if (text !== OLD && text !== NEW) torn += 1;
    }
    expect(torn).toBeGreaterThan(0);
  }, 120_000);
});
