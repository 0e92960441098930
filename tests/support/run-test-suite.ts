import { spawn } from 'node:child_process';

// `npm test`. The type and lint checks are four single-threaded tools, about 2.5 CPU-minutes: run
// before the tests they kept one core busy and the other idle. They now run beside the unit tests.
// The end-to-end tests drive Chromium against the clock, so they run once both have passed, without
// unit tests taking the CPU from them.
// The checks' output is printed in one piece when they end, not interleaved with the tests'.

interface Finished {
  label: string;
  code: number;
}

function run(label: string, script: string, buffered: boolean): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', script], {
      stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    const output: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
    child.once('close', (code, signal) => {
      if (buffered) process.stdout.write(`\n── ${label} ──\n${Buffer.concat(output).toString()}`);
      const status = code ?? (signal ? 1 : 0);
      process.stdout.write(`── ${label}: ${status === 0 ? 'passed' : `failed (exit ${status})`} ──\n`);
      resolve({ label, code: status });
    });
  });
}

async function runChecks(): Promise<Finished> {
  for (const script of ['typecheck', 'lint']) {
    const finished = await run(script, script, true);
    if (finished.code !== 0) return finished;
  }
  return { label: 'typecheck, lint', code: 0 };
}

const first = await Promise.all([runChecks(), run('test:unit', 'test:unit', false)]);
const failed = first.filter((finished) => finished.code !== 0);
if (failed.length > 0) {
  process.stdout.write(`npm test failed: ${failed.map((finished) => finished.label).join(', ')}\n`);
  process.exit(1);
}
const e2e = await run('test:e2e', 'test:e2e', false);
process.exit(e2e.code);
