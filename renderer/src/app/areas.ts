import type { MessageKey } from '../lib/i18n/dictionary.ts';

/** The workbench's areas, in navigation-rail order. */
export const AREAS = [
  { id: 'sql', label: 'nav.sql', icon: '⌨' },
  { id: 'pivot', label: 'nav.pivot', icon: '▦' },
  { id: 'charts', label: 'nav.charts', icon: '◔' },
  { id: 'documents', label: 'nav.documents', icon: '▤' },
  { id: 'exports', label: 'nav.exports', icon: '⇪' },
  { id: 'import', label: 'nav.import', icon: '⇩' },
] as const satisfies readonly { id: string; label: MessageKey; icon: string }[];

export type AreaId = (typeof AREAS)[number]['id'];
