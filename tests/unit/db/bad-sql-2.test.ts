import { BAD_SQL_SHARDS, badSqlShard, describeBadSql } from './bad-sql-suite.ts';

describeBadSql(
  `the SQL bad-input suite, shard 2 of ${BAD_SQL_SHARDS}, on the real DuckDB-WASM engine`,
  badSqlShard(1),
);
