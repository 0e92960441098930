export type MeasureChoice = 'both' | 'target' | 'actual';

/** What the pivot shows: a layout a user can change, keep and name. */
export interface PivotConfig {
  search: string;
  domain: string | null;
  docId: string | null;
  measure: MeasureChoice;
  /** Catalogued indicators only, uncatalogued only, or all. */
  catalogue: 'catalogued' | 'uncatalogued' | 'all';
  expandYears: boolean;
  /** Periods as rows and indicators as columns instead of the other way round. */
  swapped: boolean;
}

export const DEFAULT_PIVOT_CONFIG: PivotConfig = {
  search: '',
  domain: null,
  docId: null,
  measure: 'both',
  catalogue: 'catalogued',
  // Years with figures (the coming year's plan among them) are shown unless a user hides them.
  expandYears: true,
  swapped: false,
};

/** Reads a stored configuration, keeping only fields of the right kind (a corrupt store never breaks the view). */
export function parsePivotConfig(value: unknown): PivotConfig {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ...DEFAULT_PIVOT_CONFIG };
  const stored = value as Record<string, unknown>;
  const pick = <T>(key: keyof PivotConfig, valid: (item: unknown) => item is T): T =>
    valid(stored[key]) ? stored[key] : (DEFAULT_PIVOT_CONFIG[key] as T);
  const isString = (item: unknown): item is string => typeof item === 'string';
  const isNullableString = (item: unknown): item is string | null =>
    item === null || typeof item === 'string';
  const isBoolean = (item: unknown): item is boolean => typeof item === 'boolean';
  return {
    search: pick('search', isString),
    domain: pick('domain', isNullableString),
    docId: pick('docId', isNullableString),
    measure: pick(
      'measure',
      (item): item is MeasureChoice => item === 'both' || item === 'target' || item === 'actual',
    ),
    catalogue: pick(
      'catalogue',
      (item): item is PivotConfig['catalogue'] =>
        item === 'catalogued' || item === 'uncatalogued' || item === 'all',
    ),
    expandYears: pick('expandYears', isBoolean),
    swapped: pick('swapped', isBoolean),
  };
}
