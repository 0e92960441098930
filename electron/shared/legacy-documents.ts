import type { CollectionChanges, JsonValue, StoredItem } from './ipc-contract.ts';

/** The keys of version 0.1's store, which kept each list as one whole document. */
export const LEGACY_KEYS = [
  'query-history',
  'saved-queries',
  'sql-tabs',
  'pivot-config',
  'pivot-layouts',
] as const;

const isObject = (value: unknown): value is { [field: string]: JsonValue } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const withId = (value: unknown): value is StoredItem => isObject(value) && typeof value.id === 'string';

/**
 * A version 0.1 document as items of the collection store, so an upgrade keeps what was saved.
 * Shapes are only sorted into items here; the renderer validates every item when it loads it.
 */
export function legacyCollections(key: string, value: unknown): CollectionChanges[] {
  const changes = (collection: string, put: StoredItem[]): CollectionChanges[] =>
    put.length > 0 ? [{ collection, put, delete: [] }] : [];
  switch (key) {
    case 'query-history':
    case 'saved-queries':
      return Array.isArray(value) ? changes(key, value.filter(withId)) : [];
    case 'sql-tabs': {
      if (!isObject(value) || !Array.isArray(value.tabs)) return [];
      const tabs = value.tabs.filter(withId).map((tab, position) => ({ ...tab, position }));
      const active = typeof value.active === 'string' ? [{ id: 'active', tabId: value.active }] : [];
      return [...changes('sql-tabs', tabs), ...changes('sql-active-tab', active)];
    }
    case 'pivot-config':
      return isObject(value) ? changes('pivot-config', [{ id: 'current', config: value }]) : [];
    case 'pivot-layouts':
      return Array.isArray(value)
        ? changes(
            'pivot-layouts',
            value
              .filter((layout) => isObject(layout) && typeof layout.name === 'string')
              .map((layout) => ({ ...(layout as StoredItem), id: String((layout as StoredItem).name) })),
          )
        : [];
    default:
      return [];
  }
}
