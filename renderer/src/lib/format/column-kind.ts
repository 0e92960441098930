import type { NumberKind } from './format-number.ts';

// Columns of years and of positions or ids in the warehouse and the curated views (DATA-CONTRACT.md).
const YEAR_COLUMN = /^(?:period_start|period_end|base_year|year|nam|from_year|to_year)$|_year$/;
const ID_COLUMN = /^(?:char_start|char_end|sentence_start|sentence_end|char_count|id|stt)$|_id$/;

/**
 * What a numeric result column holds, from its name: `year` (period_start, base_year …) and `id`
 * (char_start, sentence_end, obs_id …) are written plain, anything else is a quantity.
 */
export function numberKindOfColumn(name: string): NumberKind {
  const lower = name.toLowerCase();
  if (YEAR_COLUMN.test(lower)) return 'year';
  if (ID_COLUMN.test(lower)) return 'id';
  return 'quantity';
}
