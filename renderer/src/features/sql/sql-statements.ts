/** One SQL statement of a script: `[from, to)` in the script, and its text. */
export interface Statement {
  from: number;
  to: number;
  text: string;
}

/**
 * Splits a script at semicolons that are not inside quotes, identifiers or comments.
 * Empty statements (only white space and comments) are left out.
 */
export function splitStatements(script: string): Statement[] {
  const statements: Statement[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number): void => {
    const text = script.slice(start, end);
    if (text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, '').trim() !== '') {
      const lead = text.length - text.trimStart().length;
      statements.push({ from: start + lead, to: start + text.trimEnd().length, text: text.trim() });
    }
  };
  while (i < script.length) {
    const char = script[i];
    const next = script[i + 1];
    if (char === "'" || char === '"') {
      const close = script.indexOf(char, i + 1);
      // A doubled quote inside a string is an escaped quote: keep scanning after it.
      let end = close;
      while (end >= 0 && script[end + 1] === char) end = script.indexOf(char, end + 2);
      i = end < 0 ? script.length : end + 1;
    } else if (char === '-' && next === '-') {
      const close = script.indexOf('\n', i);
      i = close < 0 ? script.length : close + 1;
    } else if (char === '/' && next === '*') {
      const close = script.indexOf('*/', i + 2);
      i = close < 0 ? script.length : close + 2;
    } else if (char === ';') {
      push(i);
      start = i + 1;
      i++;
    } else {
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
