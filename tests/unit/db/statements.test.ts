import { describe, expect, it } from 'vitest';
import {
  classifyStatement,
  isReadOnlyStatement,
  splitStatements,
  statementAt,
  type StatementKind,
} from '../../../renderer/src/lib/db/statements.ts';

describe('splitStatements', () => {
  it('splits at semicolons outside strings, identifiers and comments', () => {
    const script =
      "SELECT ';' AS a; -- chú thích; vẫn là chú thích\nSELECT \"x;y\" FROM t /* ; */;\n\nSELECT 'it''s; fine'";
    expect(splitStatements(script).map((statement) => statement.text)).toEqual([
      "SELECT ';' AS a",
      '-- chú thích; vẫn là chú thích\nSELECT "x;y" FROM t /* ; */',
      "SELECT 'it''s; fine'",
    ]);
  });

  it('leaves out empty statements and keeps offsets into the script', () => {
    const script = ';;  SELECT 1 ;  -- only a comment\n;';
    const statements = splitStatements(script);
    expect(statements).toHaveLength(1);
    expect(script.slice(statements[0]!.from, statements[0]!.to)).toBe('SELECT 1');
  });

  it('survives an unterminated string or comment', () => {
    expect(splitStatements("SELECT 'open").map((statement) => statement.text)).toEqual(["SELECT 'open"]);
    expect(splitStatements('SELECT 1 /* open').map((statement) => statement.text)).toEqual([
      'SELECT 1 /* open',
    ]);
  });
});

describe('statementAt', () => {
  const script = 'SELECT 1;\nSELECT 2;\n';
  it('finds the statement under the cursor, or the last one before it', () => {
    expect(statementAt(script, 0)?.text).toBe('SELECT 1');
    expect(statementAt(script, 12)?.text).toBe('SELECT 2');
    expect(statementAt(script, script.length)?.text).toBe('SELECT 2');
    expect(statementAt('', 0)).toBeNull();
  });
});

describe('splitStatements knows every quoting form of DuckDB', () => {
  const texts = (script: string): string[] => splitStatements(script).map((statement) => statement.text);

  it("does not split inside $$ … $$ or $tag$ … $tag$ (regression: SELECT $$it's$$; DELETE … ran the DELETE unseen)", () => {
    expect(texts("SELECT $$it's$$; DELETE FROM observations; SELECT 'x'")).toEqual([
      "SELECT $$it's$$",
      'DELETE FROM observations',
      "SELECT 'x'",
    ]);
    expect(texts('SELECT $t$ $$ ; $t$; DROP TABLE indicators')).toEqual([
      'SELECT $t$ $$ ; $t$',
      'DROP TABLE indicators',
    ]);
  });

  it("reads E'…' strings with backslash escapes, and nested block comments", () => {
    expect(texts("SELECT E'it\\'s; fine'; SELECT 2")).toEqual(["SELECT E'it\\'s; fine'", 'SELECT 2']);
    expect(texts('/* a /* b */ ; */ SELECT 1; SELECT 2')).toEqual(['/* a /* b */ ; */ SELECT 1', 'SELECT 2']);
  });

  it('keeps a dollar sign inside a name or a parameter as it is', () => {
    expect(texts('SELECT a$b FROM t; SELECT $1')).toEqual(['SELECT a$b FROM t', 'SELECT $1']);
  });
});

describe('classifyStatement', () => {
  const cases: [string, StatementKind][] = [
    ['SELECT 1', 'read'],
    ['  -- note\n(SELECT 1) UNION (SELECT 2)', 'read'],
    ['FROM observations', 'read'],
    ['WITH k AS (SELECT 1) SELECT * FROM k', 'read'],
    ['WITH k AS (SELECT 1) DELETE FROM observations', 'write'],
    ['WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) UPDATE t SET a = 1', 'write'],
    ['EXPLAIN ANALYZE DELETE FROM observations', 'explain'],
    ["SELECT 'DELETE FROM x'", 'read'],
    ['/* DROP TABLE x */ SELECT 1', 'read'],
    ['CREATE OR REPLACE TABLE indicators AS SELECT 1', 'schema'],
    ["SET memory_limit = '8MB'", 'settings'],
    ["ATTACH ':memory:' AS m", 'attach'],
    ["COPY observations TO 'x.csv'", 'files'],
    ['INSTALL parquet', 'extension'],
    ['BEGIN', 'transaction'],
    ['', 'other'],
  ];
  it.each(cases)('%j is %s', (text, kind) => {
    expect(classifyStatement(text)).toBe(kind);
  });

  it('counts only reads as read-only (an EXPLAIN ANALYZE may write)', () => {
    expect(isReadOnlyStatement('SELECT 1')).toBe(true);
    expect(isReadOnlyStatement('EXPLAIN ANALYZE DELETE FROM t')).toBe(false);
    expect(isReadOnlyStatement('WITH k AS (SELECT 1) DELETE FROM t')).toBe(false);
  });
});
