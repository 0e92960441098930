import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { applyCorrections } from '../../../renderer/src/lib/review/apply-corrections.ts';
import { identityOf, type IdentifiedFigure } from '../../../renderer/src/lib/review/figure-identity.ts';
import { correctionTableRows } from '../../../renderer/src/lib/review/overlay-sql.ts';
import { readReviewBase, type ReviewBase } from '../../../renderer/src/lib/review/review-figures.ts';
import type { Review } from '../../../renderer/src/lib/review/correction.ts';
import type { Workspace } from '../../../renderer/src/lib/warehouse/workspace.ts';
import { openWarehouseDatabase, readDataAsset } from '../../../scripts/lib/node-duckdb.ts';
import { correctionOf } from './review-support.ts';

let db: WorkbenchDatabase;
let workspace: Workspace;
let base: ReviewBase;

const rows = async (sql: string, params: (string | number)[] = []): Promise<Record<string, unknown>[]> => {
  const result = await db.queryRows(sql, params, (row) => ({ ...row }));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

// GRDP growth over 2021–2025: 6,79% in the 5-year report, 7,1% elsewhere (a known disagreement).
const GRDP_2021_2025 = `indicator_id = 'grdp_growth' AND measure = 'actual' AND period_start = 2021
  AND period_end = 2025 AND basis = 'annual_avg'`;

const preferredValue = async (): Promise<number> =>
  Number((await rows(`SELECT value_low FROM preferred_observations WHERE ${GRDP_2021_2025}`))[0]?.value_low);

const figureWith = (value: number): IdentifiedFigure => {
  const found = base.figures.find(
    (figure) =>
      figure.indicator_id === 'grdp_growth' &&
      figure.measure === 'actual' &&
      figure.period_start === 2021 &&
      figure.period_end === 2025 &&
      figure.basis === 'annual_avg' &&
      figure.value_low === value,
  );
  if (!found) throw new Error(`no GRDP 2021–2025 figure of ${value}`);
  return found;
};

async function review(value: Review): Promise<void> {
  const result = applyCorrections(base.figures, value, base.documents);
  const set = await workspace.setCorrections(correctionTableRows(result));
  if (!set.ok) throw new Error(set.error.message);
}

beforeAll(async () => {
  ({ db, workspace } = await openWarehouseDatabase());
  const read = await readReviewBase(db, readDataAsset);
  if (!read.ok) throw new Error(read.error.message);
  base = read.value;
}, 120_000);

afterAll(() => db.close());

describe('the corrections overlay installed in the workspace', () => {
  it('identifies every base figure from the documents the workspace loaded', async () => {
    const count = Number((await rows('SELECT count(*) AS n FROM observations'))[0]?.n);
    expect(base.figures).toHaveLength(count);
    const figure = figureWith(6.79);
    expect(figure.number_text).toBe('6,79%');
    expect(figure.doc_sha256).toMatch(/^[0-9a-f]{64}$/u);
  });

  it('shows nothing reviewed before any review', async () => {
    const [row] = await rows('SELECT count(*) FILTER (WHERE reviewed) AS n FROM v_observations');
    expect(Number(row?.n)).toBe(0);
  });

  it('reads a corrected figure everywhere: v_observations (reviewed, correction_note) and the preferred figure', async () => {
    const before = await preferredValue();
    expect(before).toBe(6.79);
    const figure = figureWith(6.79);
    await review({
      corrections: [correctionOf(figure, 'correct', { value_low: 6.8 }, undefined, 'số đã làm tròn')],
      preferences: [],
    });
    const [row] = await rows(
      'SELECT value_low, value_high, reviewed, correction_note FROM v_observations WHERE obs_id = ?',
      [figure.obs_id],
    );
    expect(row).toEqual({
      value_low: 6.8,
      value_high: 6.8,
      reviewed: true,
      correction_note: 'số đã làm tròn',
    });
    expect(await preferredValue()).toBe(6.8);
    // The base table is untouched.
    const [original] = await rows('SELECT value_low FROM observations WHERE obs_id = ?', [figure.obs_id]);
    expect(original?.value_low).toBe(6.79);
  });

  it('lets a chosen source win the preference (the pivot then uses it)', async () => {
    const other = figureWith(7.1);
    await review({
      corrections: [],
      preferences: [{ id: 'p1', figure: identityOf(other), note: '', created_at: '2026-12-01T08:00:00Z' }],
    });
    expect(await preferredValue()).toBe(7.1);
    const [row] = await rows('SELECT user_preferred FROM v_observations WHERE obs_id = ?', [other.obs_id]);
    expect(row?.user_preferred).toBe(true);
  });

  it('puts the corrections back when user SQL changes, empties or drops the app-owned table', async () => {
    const figure = figureWith(6.79);
    await review({ corrections: [correctionOf(figure, 'correct', { value_low: 6.8 })], preferences: [] });
    for (const statement of [
      "UPDATE corrections SET value_low = 99 WHERE kind = 'correct'",
      'DELETE FROM corrections',
      'DROP TABLE corrections CASCADE',
      "INSERT INTO corrections (correction_id, kind, status) VALUES ('x', 'not_a_figure', 'applied')",
    ]) {
      await db.userQuery(statement);
      const protectedResult = await workspace.protect();
      expect(protectedResult.ok && protectedResult.value).toContain('corrections');
      expect(await preferredValue()).toBe(6.8);
      expect(Number((await rows('SELECT count(*) AS n FROM corrections'))[0]?.n)).toBe(1);
    }
  });

  it('lays the review over the warehouse again after "Khôi phục dữ liệu gốc"', async () => {
    expect((await workspace.reset()).ok).toBe(true);
    expect(await preferredValue()).toBe(6.8);
    await review({ corrections: [], preferences: [] });
    expect(await preferredValue()).toBe(6.79);
  });
});
