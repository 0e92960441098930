import type { Table } from 'apache-arrow';
import type { Locale } from '../format/locale.ts';
import type { ConsistencyFlag } from './consistency-checks.ts';
import type { PivotRow } from './pivot-rows.ts';

function strings(value: unknown): string[] {
  const list = value as { toArray(): unknown[] } | null;
  return list ? [...list.toArray()].map(String) : [];
}

/** Reads the consistency checks' rows (`consistencyChecksSql`) into flags. */
export function readFlags(table: Table): ConsistencyFlag[] {
  return table.toArray().map((row) => {
    const record = row.toJSON() as Record<string, unknown>;
    return {
      ...(record as unknown as ConsistencyFlag),
      obs_ids: strings(record.obs_ids),
      indicator_ids: strings(record.indicator_ids),
    };
  });
}

/** The indicators a flag is about: its own and those of the figures it compares. */
export function flagIndicators(flag: ConsistencyFlag): string[] {
  return [...new Set([flag.indicator_id, ...flag.indicator_ids])];
}

/** The flags about indicators among `rows`, so the checks follow the pivot's search and filters. */
export function flagsForRows(
  flags: readonly ConsistencyFlag[],
  rows: readonly PivotRow[],
): ConsistencyFlag[] {
  const shown = new Set(rows.map((row) => row.indicatorId));
  return flags.filter((flag) => flagIndicators(flag).some((id) => shown.has(id)));
}

/**
 * A flag's subject as people name it: the indicator's name in the reader's language, or for a whole
 * that is no indicator itself (the GRDP structure) the names of its parts.
 */
export function flagSubject(flag: ConsistencyFlag, rows: readonly PivotRow[], locale: Locale): string {
  const names = new Map(rows.map((row) => [row.indicatorId, locale === 'en' ? row.nameEn : row.name]));
  const own = names.get(flag.indicator_id);
  if (own) return own;
  const parts = flag.indicator_ids.map((id) => names.get(id)).filter((name): name is string => !!name);
  return parts.length > 0 ? parts.join('; ') : flag.indicator_id;
}
