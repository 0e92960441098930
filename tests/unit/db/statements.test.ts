import { describe, expect, it } from 'vitest';
import { splitStatements, statementAt } from '../../../renderer/src/lib/db/statements.ts';

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
