import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GoldRecord } from './score-observations.ts';

/** Reads every `*.jsonl` gold file of a folder (the gold-sample format). */
export async function readGold(dir: string): Promise<GoldRecord[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.jsonl')).sort();
  } catch {
    throw new Error(`cannot read gold folder ${dir}`);
  }
  if (names.length === 0) throw new Error(`no .jsonl gold files in ${dir}`);
  const records: GoldRecord[] = [];
  for (const name of names) {
    const lines = (await readFile(join(dir, name), 'utf8')).split('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        records.push(JSON.parse(line) as GoldRecord);
      } catch {
        throw new Error(`${name}:${index + 1} is not a JSON object`);
      }
    });
  }
  return records;
}
