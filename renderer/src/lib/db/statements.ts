/**
 * The one statement classifier: splits a script into statements and names what each one does.
 * It knows DuckDB's lexical forms ('…', E'…', "…", $$…$$, $tag$…$tag$, -- and nested block
 * comments, parentheses). The UI uses it to choose what to run and when to re-read the schema;
 * the warehouse's protection never depends on it (see workspace.ts).
 */

/** One SQL statement of a script: `[from, to)` in the script, and its text. */
export interface Statement {
  from: number;
  to: number;
  text: string;
}

/** What a statement does, from its leading keyword (after comments, parentheses and a WITH clause). */
export type StatementKind =
  | 'read'
  | 'write'
  | 'schema'
  | 'settings'
  | 'attach'
  | 'files'
  | 'extension'
  | 'transaction'
  | 'explain'
  | 'other';

const KIND_BY_KEYWORD: Record<string, StatementKind> = {
  select: 'read',
  from: 'read',
  values: 'read',
  table: 'read',
  pivot: 'read',
  unpivot: 'read',
  describe: 'read',
  show: 'read',
  summarize: 'read',
  insert: 'write',
  update: 'write',
  delete: 'write',
  merge: 'write',
  truncate: 'write',
  create: 'schema',
  drop: 'schema',
  alter: 'schema',
  comment: 'schema',
  set: 'settings',
  reset: 'settings',
  pragma: 'settings',
  use: 'settings',
  attach: 'attach',
  detach: 'attach',
  copy: 'files',
  export: 'files',
  import: 'files',
  install: 'extension',
  load: 'extension',
  force: 'extension',
  begin: 'transaction',
  start: 'transaction',
  commit: 'transaction',
  rollback: 'transaction',
  abort: 'transaction',
  end: 'transaction',
  checkpoint: 'transaction',
  explain: 'explain',
};

// The end of the lexical token that starts at `i`, or -1 when `script[i]` starts no quoted form.
function skipQuoted(script: string, i: number): number {
  const char = script[i];
  const next = script[i + 1];
  if (char === '-' && next === '-') {
    const close = script.indexOf('\n', i);
    return close < 0 ? script.length : close + 1;
  }
  if (char === '/' && next === '*') return skipBlockComment(script, i);
  if ((char === 'e' || char === 'E') && next === "'" && !isWordChar(script[i - 1])) {
    return skipEscapedString(script, i + 1);
  }
  if (char === "'" || char === '"') return skipDoubledQuote(script, i, char);
  if (char === '$' && !isWordChar(script[i - 1])) {
    const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(script.slice(i, i + 64));
    if (tag) {
      const close = script.indexOf(tag[0], i + tag[0].length);
      return close < 0 ? script.length : close + tag[0].length;
    }
  }
  return -1;
}

// DuckDB block comments nest: a comment opened twice must be closed twice.
function skipBlockComment(script: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < script.length) {
    if (script.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (script.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return script.length;
}

// 'it''s': a doubled quote is a quote inside the string (or identifier).
function skipDoubledQuote(script: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < script.length) {
    if (script[i] === quote) {
      if (script[i + 1] !== quote) return i + 1;
      i += 2;
    } else {
      i++;
    }
  }
  return script.length;
}

// E'it\'s': a backslash escapes the next character, and '' still works.
function skipEscapedString(script: string, quoteAt: number): number {
  let i = quoteAt + 1;
  while (i < script.length) {
    if (script[i] === '\\') i += 2;
    else if (script[i] === "'") {
      if (script[i + 1] !== "'") return i + 1;
      i += 2;
    } else i++;
  }
  return script.length;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}_$]/u.test(char);
}

/**
 * Splits a script at semicolons that are not inside quotes, identifiers, dollar strings or comments.
 * Empty statements (only white space and comments) are left out.
 */
export function splitStatements(script: string): Statement[] {
  const statements: Statement[] = [];
  let start = 0;
  let meaningful = false;
  const push = (end: number): void => {
    if (meaningful) {
      const text = script.slice(start, end);
      const lead = text.length - text.trimStart().length;
      statements.push({ from: start + lead, to: start + text.trimEnd().length, text: text.trim() });
    }
    meaningful = false;
  };
  let i = 0;
  while (i < script.length) {
    const end = skipQuoted(script, i);
    if (end >= 0) {
      const isComment = script.startsWith('--', i) || script.startsWith('/*', i);
      if (!isComment) meaningful = true;
      i = end;
    } else if (script[i] === ';') {
      push(i);
      start = i + 1;
      i++;
    } else {
      if (!/\s/.test(script[i] as string)) meaningful = true;
      i++;
    }
  }
  push(script.length);
  return statements;
}

/** The statement under the cursor (or the last one before it), or null in an empty script. */
export function statementAt(script: string, cursor: number): Statement | null {
  const statements = splitStatements(script);
  return (
    statements.find((statement) => cursor >= statement.from && cursor <= statement.to + 1) ??
    statements.filter((statement) => statement.to <= cursor).at(-1) ??
    statements[0] ??
    null
  );
}

// The words of a statement outside strings and comments, with the depth of parentheses of each.
function words(text: string): { word: string; depth: number }[] {
  const found: { word: string; depth: number }[] = [];
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const end = skipQuoted(text, i);
    if (end >= 0) {
      i = end;
      continue;
    }
    const char = text[i] as string;
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (/[A-Za-z_]/.test(char)) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 64))?.[0] ?? char;
      found.push({ word: word.toLowerCase(), depth });
      i += word.length;
      continue;
    }
    i++;
  }
  return found;
}

/**
 * What one statement does: the first keyword at the outer level, looking through leading
 * parentheses and past a WITH clause (`WITH k AS (…) DELETE …` is a write).
 */
export function classifyStatement(text: string): StatementKind {
  const all = words(text);
  const first = all[0];
  if (first === undefined) return 'other';
  if (first.word === 'with') {
    // After the CTEs comes the statement's own keyword, at the depth of the WITH.
    const main = all
      .slice(1)
      .find((entry) => entry.depth === first.depth && entry.word in KIND_BY_KEYWORD && entry.word !== 'with');
    return main ? (KIND_BY_KEYWORD[main.word] ?? 'other') : 'other';
  }
  return KIND_BY_KEYWORD[first.word] ?? 'other';
}

/** True when the statement only reads (so the schema cannot have changed). */
export function isReadOnlyStatement(text: string): boolean {
  return classifyStatement(text) === 'read';
}
