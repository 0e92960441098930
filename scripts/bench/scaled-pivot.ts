// The bench's pivot at scale (scripts/lib/scale-bench.ts) in a process of its own: the WASM
// engine's worker and the native engine, gigabytes at a million rows, end with it (issue 14: the
// last phases of a full run once waited on a machine still holding them). Prints one line of JSON.
import { benchScaledPivot } from '../lib/scale-bench.ts';

const rows = Number(process.argv[2]);
if (!Number.isInteger(rows) || rows < 1)
  throw new Error(`rows: a positive whole number, not ${process.argv[2]}`);
process.stdout.write(JSON.stringify(await benchScaledPivot(rows)) + '\n');
process.exit(0);
