/**
 * The one way SQL text is written: identifiers through `ident`, literals through `literal` (values
 * from users go in as `?` parameters instead), and the app's own tables, views and macros through
 * `appObject`, fully qualified so that no object a user creates can shadow them.
 */

/**
 * The catalogue and schema that hold the warehouse tables and the app's views and macros. App
 * queries run on the app's own connection, so user `USE`/`SET search_path`/TEMP objects never
 * reach them. (A read-only attached catalogue would be better still; DuckDB-WASM 1.32 cannot
 * build one in memory: a file attached read-write stays locked after DETACH. See workspace.ts.)
 */
export const APP_CATALOG = 'memory';
export const APP_SCHEMA = 'main';

/** Quotes an SQL identifier, doubling embedded quotes (Vietnamese names may contain them). */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A name as a person types it into the editor: bare when plain lower case, quoted otherwise. */
export function typedIdent(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : ident(name);
}

/** `"schema"."name"`, each part quoted. */
export function qualified(...parts: readonly string[]): string {
  return parts.map(ident).join('.');
}

/** The fully qualified name of one of the app's own objects (table, view or macro). */
export function appObject(name: string): string {
  return qualified(APP_CATALOG, APP_SCHEMA, name);
}

/**
 * An SQL literal for a value the app itself chose, or for a value written into SQL a user is shown
 * and may run ("Xem SQL", "Nguồn"); queries the app runs bind user input as `?` parameters.
 */
export function literal(value: string | number | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`literal: ${value} is not a finite number`);
    return String(value);
  }
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * `column` is one of the values of a list bound as one `?` parameter, joined by `separator` (a
 * character no value contains). A semi-join on the split list: `list_contains(string_split(…))`
 * split the whole list again for every row, a tenth of a second for a report of every indicator.
 */
export function inBoundList(column: string, separator: ',' | 'newline'): string {
  return `${column} IN (SELECT unnest(string_split(?, ${separator === ',' ? "','" : 'chr(10)'})))`;
}
