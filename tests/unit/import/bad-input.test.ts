import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { appObject, literal } from '../../../renderer/src/lib/db/sql.ts';
import { translate } from '../../../renderer/src/lib/i18n/translate.ts';
import type { ImportResult } from '../../../renderer/src/lib/import/import-problem.ts';
import { loadNodePdfjs } from '../../../renderer/src/lib/import/pdfjs-node.ts';
import { readDocument } from '../../../renderer/src/lib/import/read-document.ts';
import { loadUserTable } from '../../../renderer/src/lib/import/user-table.ts';
import { exportReview, importReview } from '../../../renderer/src/lib/review/review-file.ts';
import type { Review } from '../../../renderer/src/lib/review/correction.ts';
import { WAREHOUSE_TABLES } from '../../../renderer/src/lib/warehouse/tables.ts';
import { USER_SCHEMA } from '../../../renderer/src/lib/warehouse/workspace.ts';
import { openWarehouseDatabase } from '../../../scripts/lib/node-duckdb.ts';
import { BAD_INPUT_CASES, type BadInputCase } from './bad-input-cases.ts';

const DEFAULT_BUDGET_MS = 20_000;
// Letters only Vietnamese has: a message without any is not in Vietnamese.
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

// Everything saved that a failed import must leave alone: the warehouse, an earlier user table, the user schema's list.
const SAVED = `SELECT
  (SELECT string_agg(t, '|' ORDER BY t) FROM (${WAREHOUSE_TABLES.map(
    (table) =>
      `SELECT ${literal(table)} || count(*) || md5(coalesce(string_agg(x::VARCHAR, '|' ORDER BY x::VARCHAR), '')) AS t FROM ${appObject(table)} x`,
  ).join(' UNION ALL ')})) AS warehouse,
  (SELECT md5(string_agg(x::VARCHAR, '|' ORDER BY x::VARCHAR)) FROM ${USER_SCHEMA}.bang_cu x) AS earlier_table,
  (SELECT string_agg(table_name, ',' ORDER BY table_name) FROM duckdb_tables() WHERE schema_name = '${USER_SCHEMA}') AS user_tables`;

let db: WorkbenchDatabase;
let saved: string;
const savedReview: Review = { corrections: [], preferences: [] };
const savedReviewText = exportReview(savedReview, new Date('2026-12-01T00:00:00Z'));

async function snapshot(): Promise<string> {
  const result = await db.queryRows(SAVED, [], (row) => JSON.stringify(row));
  if (!result.ok) throw new Error(result.error.message);
  return result.value[0] ?? '';
}

function budget<T>(work: Promise<T>, ms: number): Promise<T | 'hang'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), ms)));
  return Promise.race([work, hang]).finally(() => clearTimeout(timer));
}

async function run(testCase: BadInputCase): Promise<ImportResult<unknown>> {
  const bytes = await testCase.bytes();
  if (testCase.target === 'document') return readDocument(testCase.fileName, bytes, { pdfjs: loadNodePdfjs });
  if (testCase.target === 'table') return loadUserTable(db, testCase.fileName, bytes, new Set(['bang_cu']));
  return importReview(testCase.fileName, new TextDecoder().decode(bytes));
}

beforeAll(async () => {
  ({ db } = await openWarehouseDatabase());
  const earlier = await db.query(
    `CREATE TABLE ${USER_SCHEMA}.bang_cu AS SELECT 'Tăng trưởng' AS chi_tieu, 2024 AS nam, 8.2 AS gia_tri`,
  );
  if (!earlier.ok) throw new Error(earlier.error.message);
  saved = await snapshot();
}, 120_000);

afterAll(() => db.close());

describe('bad input to the importers', () => {
  it('has at least 25 cases', () => {
    expect(BAD_INPUT_CASES.length).toBeGreaterThanOrEqual(25);
  });

  for (const testCase of BAD_INPUT_CASES) {
    it(testCase.name, async () => {
      const outcome = await budget(
        run(testCase).catch((error: unknown) => `crash: ${String(error)}` as const),
        testCase.budgetMs ?? DEFAULT_BUDGET_MS,
      );
      expect(outcome, 'no hang').not.toBe('hang');
      expect(typeof outcome === 'string' ? outcome : 'no crash').toBe('no crash');
      const result = outcome as ImportResult<unknown>;
      if (result.ok) {
        expect(testCase.expect).toContain('completes');
        // A table read as well as it can be is the user's new table; all else stays as it was.
        const table = (result.value as { name: string }).name;
        expect(table).not.toBe('bang_cu');
        expect((await db.query(`DROP TABLE ${USER_SCHEMA}.${table}`)).ok).toBe(true);
        expect(await snapshot(), 'nothing saved touched').toBe(saved);
        return;
      }
      expect(testCase.expect).toContain(result.error.key);
      // The message is the dictionary's Vietnamese text, filled in, naming the file.
      expect(result.error.message).toBe(translate('vi', result.error.key, result.error.values));
      expect(result.error.message).toMatch(VIETNAMESE);
      expect(result.error.message).not.toMatch(/\{\w+\}|undefined|NaN/u);
      expect(result.error.message).toContain(
        testCase.target === 'review' ? testCase.fileName : testCase.fileName.split('.')[0],
      );
      expect(translate('en', result.error.key, result.error.values)).not.toMatch(/\{\w+\}/u);
      expect(await snapshot(), 'nothing saved touched').toBe(saved);
      expect(exportReview(savedReview, new Date('2026-12-01T00:00:00Z'))).toBe(savedReviewText);
    });
  }
});
