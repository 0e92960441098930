import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The direction of the house: corpus → extraction → warehouse → db → meaning layer → features →
 * app. A file may import its own layer and the layers before it, never one after it.
 */
export const LAYER_ORDER = ['shared', 'extraction', 'warehouse', 'db', 'meaning', 'features', 'app'] as const;

export type Layer = (typeof LAYER_ORDER)[number] | 'cli' | 'electron';

// Longest prefix first: a file's layer is that of the most specific entry naming it.
const LAYER_OF_PATH: readonly [string, Layer][] = [
  // Contracts both sides of a boundary read: the warehouse's declared columns, the IPC types.
  ['renderer/src/lib/warehouse/columns.ts', 'shared'],
  ['renderer/src/lib/warehouse/tables.ts', 'shared'],
  // Loads the warehouse into DuckDB and installs the meaning layer over it.
  ['renderer/src/lib/warehouse/workspace.ts', 'meaning'],
  // The words users read, the catalogue's domains among them.
  ['renderer/src/lib/i18n/', 'meaning'],
  ['renderer/src/lib/format/', 'shared'],
  ['electron/shared/', 'shared'],
  ['renderer/src/lib/extraction/', 'extraction'],
  ['renderer/src/lib/warehouse/', 'warehouse'],
  ['renderer/src/lib/db/', 'db'],
  ['renderer/src/lib/meaning/', 'meaning'],
  ['renderer/src/lib/pivot/', 'meaning'],
  ['renderer/src/lib/report/', 'meaning'],
  ['renderer/src/lib/platform/', 'meaning'],
  ['renderer/src/features/', 'features'],
  ['renderer/src/app/', 'app'],
  ['renderer/src/App.svelte', 'app'],
  ['renderer/src/main.ts', 'app'],
  ['scripts/', 'cli'],
  ['electron/', 'electron'],
];

/** The one file of app/ that features may import: the typed context they read the workbench from. */
export const APP_CONTEXT = 'renderer/src/app/workbench-context.ts';

/** The layer of a repository path, or null for files outside the checked tree. */
export function layerOf(path: string): Layer | null {
  const match = [...LAYER_OF_PATH]
    .sort(([a], [b]) => b.length - a.length)
    .find(([prefix]) => path === prefix || (prefix.endsWith('/') && path.startsWith(prefix)));
  return match ? match[1] : null;
}

function allowed(from: Layer, to: Layer, target: string): boolean {
  if (from === 'features' && to === 'app') return target === APP_CONTEXT;
  // CLIs run the lib layers in Node, and the web server serves files as Electron does.
  if (from === 'cli') return to === 'cli' || to === 'electron' || LAYER_ORDER.indexOf(to as never) <= 4;
  if (from === 'electron') return to === 'electron' || to === 'shared';
  if (to === 'cli' || to === 'electron') return false;
  return LAYER_ORDER.indexOf(to as never) <= LAYER_ORDER.indexOf(from as never);
}

const SPECIFIERS = [
  /\bfrom\s+'([^']+)'/g,
  /\bimport\s+'([^']+)'/g,
  /\bimport\(\s*'([^']+)'\s*\)/g,
  /new URL\(\s*'([^']+)',\s*import\.meta\.url\)/g,
];

/** The relative imports of a source text, as written (packages are not followed). */
export function relativeImports(text: string): string[] {
  return SPECIFIERS.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]!)).filter(
    (specifier) => specifier.startsWith('.'),
  );
}

/** An import against the direction: who imports what, and their layers. */
export interface ImportViolation {
  file: string;
  imports: string;
  from: Layer;
  to: Layer;
}

function sourceFiles(root: string, folder: string): string[] {
  let entries;
  try {
    entries = readdirSync(join(root, folder), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(root, path);
    return /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
  });
}

/** Every import in `root`'s renderer, scripts and electron folders that goes against the direction. */
export function importViolations(root: string): ImportViolation[] {
  const files = ['renderer/src', 'scripts', 'electron'].flatMap((folder) => sourceFiles(root, folder));
  return files.flatMap((file) => {
    const from = layerOf(file);
    if (!from) return [];
    return relativeImports(readFileSync(join(root, file), 'utf8')).flatMap((specifier) => {
      const target = relative(root, resolve(root, dirname(file), specifier.split('?')[0]!))
        .split(sep)
        .join('/');
      const to = layerOf(target);
      return to && !allowed(from, to, target) ? [{ file, imports: target, from, to }] : [];
    });
  });
}
