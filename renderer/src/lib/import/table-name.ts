import { foldDiacritics } from '../format/fold-diacritics.ts';

/** A table name from a file name: accent-free lower-case letters, digits and `_` (`Dân số 2024.xlsx` → `dan_so_2024`). */
export function tableNameFor(fileName: string, taken: ReadonlySet<string> = new Set()): string {
  const stem = fileName.replace(/\.[^.]*$/u, '');
  let base = foldDiacritics(stem)
    .replace(/[^a-z0-9]+/gu, '_')
    .replace(/^_+|_+$/gu, '')
    .slice(0, 48);
  if (base === '') base = 'bang';
  if (/^\d/u.test(base)) base = `t_${base}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  return name;
}

/** Column names from a header row: trimmed, empty ones named `cot_N`, repeats numbered. */
export function columnNames(header: readonly string[]): string[] {
  const seen = new Set<string>();
  return header.map((raw, i) => {
    const base = raw.replace(/\s+/gu, ' ').trim() || `cot_${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}
