import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// Years stay years, so the periods read as in the originals; every other digit but the first varies.
const YEAR = /^(?:19|20)\d\d$/u;

/**
 * Writes one document of at least `targetBytes` into `outDir`: the documents of `sourceDir`
 * concatenated over and over, each copy with its numbers varied by a seeded generator (the same
 * size gives the same text). Returns its size in bytes.
 */
export async function writeBenchCorpus(
  sourceDir: string,
  outDir: string,
  targetBytes: number,
): Promise<number> {
  const names = (await readdir(sourceDir)).filter((name) => name.endsWith('.txt')).sort();
  const texts = await Promise.all(names.map((name) => readFile(join(sourceDir, name), 'utf8')));
  let seed = 20_261_201;
  const nextDigit = (): string => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return String(seed % 10);
  };
  const copies: Buffer[] = [];
  let written = 0;
  for (let copy = 0; written < targetBytes; copy++) {
    const text = (texts[copy % texts.length] ?? '').replace(/\d+/gu, (digits) =>
      YEAR.test(digits)
        ? digits
        : digits.replace(/\d/gu, (digit, at: number) => (at === 0 ? digit : nextDigit())),
    );
    const bytes = Buffer.from(`${text}\n`, 'utf8');
    copies.push(bytes);
    written += bytes.length;
  }
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'bench.txt'), Buffer.concat(copies));
  return written;
}
