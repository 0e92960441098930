import { foldDiacritics } from '../format/fold-diacritics.ts';

/** The columns a guided mapping starts from: named like indicator, year, value, unit and measure. */
export interface MappingGuess {
  indicator: string;
  year: string;
  value: string;
  unit: string;
  measure: string;
}

const CUES: Record<keyof MappingGuess, RegExp> = {
  indicator: /chi tieu|indicator|ten/u,
  year: /^nam$|nam\b|year|ky/u,
  value: /gia tri|value|so lieu|muc/u,
  unit: /don vi|dvt|unit/u,
  measure: /loai|measure|kieu/u,
};

/** Proposes which column is which from their names (diacritics ignored); `''` where none fits. */
export function guessMapping(columns: readonly { name: string; type: string }[]): MappingGuess {
  const used = new Set<string>();
  const pick = (role: keyof MappingGuess, fallback?: (column: { name: string; type: string }) => boolean) => {
    const found =
      columns.find((column) => !used.has(column.name) && CUES[role].test(foldDiacritics(column.name))) ??
      (fallback ? columns.find((column) => !used.has(column.name) && fallback(column)) : undefined);
    if (found) used.add(found.name);
    return found?.name ?? '';
  };
  const numeric = (column: { type: string }) => /INT|DOUBLE|DECIMAL|FLOAT/u.test(column.type);
  const year = pick('year', (column) => /INT/u.test(column.type));
  const indicator = pick('indicator', (column) => !numeric(column));
  const value = pick('value', numeric);
  return { indicator, year, value, unit: pick('unit'), measure: pick('measure') };
}
