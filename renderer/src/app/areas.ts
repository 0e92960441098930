import type { Component } from 'svelte';
import type { MessageKey } from '../lib/i18n/dictionary.ts';

/** The workbench's areas, in navigation-rail order. */
export const AREAS = [
  { id: 'sql', label: 'nav.sql', icon: '⌨' },
  { id: 'pivot', label: 'nav.pivot', icon: '▦' },
  { id: 'charts', label: 'nav.charts', icon: '◔' },
  { id: 'documents', label: 'nav.documents', icon: '▤' },
  { id: 'exports', label: 'nav.exports', icon: '⇪' },
  { id: 'review', label: 'nav.review', icon: '✎' },
  { id: 'import', label: 'nav.import', icon: '⇩' },
] as const satisfies readonly { id: string; label: MessageKey; icon: string }[];

export type AreaId = (typeof AREAS)[number]['id'];

// Each area is its own chunk, loaded when it first opens: the SQL editor, Plotly and the exporters
// stay out of the startup bundle.
const AREA_MODULES: Record<AreaId, () => Promise<{ default: Component }>> = {
  sql: () => import('../features/sql/SqlArea.svelte'),
  pivot: () => import('../features/pivot/PivotArea.svelte'),
  charts: () => import('../features/charts/ChartsArea.svelte'),
  documents: () => import('../features/documents/DocumentsArea.svelte'),
  exports: () => import('../features/export/ExportArea.svelte'),
  review: () => import('../features/review/ReviewArea.svelte'),
  import: () => import('../features/import/ImportArea.svelte'),
};

const loading = new Map<AreaId, Promise<Component>>();

/** The component of an area, loaded once; a failed load is tried again on the next call. */
export function loadArea(id: AreaId): Promise<Component> {
  let area = loading.get(id);
  if (!area) {
    area = AREA_MODULES[id]().then((module) => module.default);
    area.catch(() => loading.delete(id));
    loading.set(id, area);
  }
  return area;
}
