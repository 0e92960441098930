import { describe, expect, it } from 'vitest';
import { BAD_SQL_CASES } from './bad-sql-cases.ts';
import { BAD_SQL_SHARDS, badSqlShard, describeBadSql } from './bad-sql-suite.ts';

// The suite's cases are spread over bad-sql.test.ts and bad-sql-2/3.test.ts (one engine each),
// so two test workers share the few minutes of engine time.
describe('the SQL bad-input suite', () => {
  it('has at least 150 cases, each with its own name, each in one shard', () => {
    expect(BAD_SQL_CASES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(BAD_SQL_CASES.map((testCase) => testCase.name)).size).toBe(BAD_SQL_CASES.length);
    const shards = Array.from({ length: BAD_SQL_SHARDS }, (_, shard) => badSqlShard(shard));
    expect(shards.flat().length).toBe(BAD_SQL_CASES.length);
  });
});

describeBadSql(
  `the SQL bad-input suite, shard 1 of ${BAD_SQL_SHARDS} (${BAD_SQL_CASES.length} cases in all), on the real DuckDB-WASM engine`,
  badSqlShard(0),
);
