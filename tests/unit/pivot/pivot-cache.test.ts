import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { PIVOT_FIGURES } from '../../../renderer/src/lib/meaning/pivot-figures.ts';
import { UserStore } from '../../../renderer/src/lib/platform/user-store.ts';
import { CORRECTION_COLUMNS, type OverlayRow } from '../../../renderer/src/lib/review/overlay-sql.ts';
import type { Workspace } from '../../../renderer/src/lib/warehouse/workspace.ts';
import { PivotModel } from '../../../renderer/src/features/pivot/pivot-model.svelte.ts';
import { openWarehouseDatabase } from '../../../scripts/lib/node-duckdb.ts';
import { mappedUserTable } from '../../support/mapped-user-table.ts';

// A store that keeps nothing: these tests are about the pivot's answers, not its saved layouts.
const store = () =>
  new UserStore({ read: async () => ({ items: [], exists: false }), write: async () => undefined });

let db: WorkbenchDatabase;
let workspace: Workspace;

async function pivotQueries(model: PivotModel, work: () => Promise<void>): Promise<number> {
  const spy = vi.spyOn(db, 'idleQuery');
  try {
    await work();
    return spy.mock.calls.filter(([sql]) => sql.includes(PIVOT_FIGURES)).length;
  } finally {
    spy.mockRestore();
  }
}

// A layout read is two engine queries: it, and read ahead, the same with single years shown or hidden.
const READ_WITH_TWIN = 2;

const shown = (model: PivotModel) => JSON.stringify({ rows: model.rows, columns: model.columns });

/** Corrections that set every figure the pivot may show to `value`. */
async function correctingEvery(value: number): Promise<OverlayRow[]> {
  const empty = Object.fromEntries(CORRECTION_COLUMNS.map(([name]) => [name, null])) as OverlayRow;
  const ids = await db.queryRows(
    `SELECT obs_id FROM ${PIVOT_FIGURES} WHERE display_low > 0 ORDER BY obs_id`,
    [],
    (row) => String(row.obs_id),
  );
  if (!ids.ok) throw new Error(ids.error.message);
  return ids.value.map((obsId, index) => ({
    ...empty,
    correction_id: `c${index}`,
    kind: 'correct',
    status: 'applied',
    seq: index + 1,
    obs_id: obsId,
    value_low: value,
    value_high: value,
    period_changed: false,
    note: 'sửa',
  }));
}

describe("the pivot's answers kept per layout and data version", () => {
  beforeAll(async () => ({ db, workspace } = await openWarehouseDatabase()));
  afterAll(() => db.close());

  it('reads the same layout once, and shows exactly what a fresh read shows', async () => {
    const model = new PivotModel(db, store());
    const uncached = new PivotModel(db, store());
    expect(await pivotQueries(model, () => model.refresh())).toBe(READ_WITH_TWIN);
    expect(await pivotQueries(model, () => model.refresh())).toBe(0);
    // Its twin was read ahead: turning single years on or off asks the engine nothing.
    const expandYears = model.config.expandYears;
    expect(await pivotQueries(model, () => model.update({ expandYears: !expandYears }))).toBe(0);
    expect(model.columns.some((column) => column.kind === 'year')).toBe(!expandYears);
    await model.update({ expandYears });
    // The very rows shown before: a layout shown again repaints no cell it already had.
    const first = model.rows;
    await model.update({ catalogue: 'all' });
    expect(await pivotQueries(model, () => model.update({ catalogue: 'catalogued' }))).toBe(0);
    expect(model.rows).toBe(first);
    await uncached.refresh();
    expect(model.error).toBeNull();
    expect(model.rows.length).toBeGreaterThan(10);
    expect(shown(model)).toBe(shown(uncached));
  });

  it('reads again after a correction, and shows the corrected figure', async () => {
    const model = new PivotModel(db, store());
    await model.refresh();
    const before = shown(model);
    // Every figure the pivot may show is corrected to the same odd value: it must appear.
    const corrections = await correctingEvery(987654);
    try {
      expect((await workspace.setCorrections(corrections)).ok).toBe(true);
      expect(await pivotQueries(model, () => model.refresh())).toBe(READ_WITH_TWIN);
      expect(shown(model)).not.toBe(before);
      expect(shown(model)).toContain('987654');
    } finally {
      expect((await workspace.setCorrections([])).ok).toBe(true);
    }
    expect(await pivotQueries(model, () => model.refresh())).toBe(READ_WITH_TWIN);
    expect(shown(model)).toBe(before);
  });

  it('never answers a layout asked after a change with a read begun before it', async () => {
    const model = new PivotModel(db, store());
    const corrections = await correctingEvery(876543);
    try {
      // The same layout asked before the correction, and again once that read is running and the
      // correction has begun.
      const idleQuery = db.idleQuery.bind(db);
      let running: () => void = () => {};
      const reading = new Promise<void>((resolve) => (running = resolve));
      const spy = vi.spyOn(db, 'idleQuery').mockImplementation((sql, params) => {
        if (sql.includes(PIVOT_FIGURES)) running();
        return idleQuery(sql, params);
      });
      const before = model.refresh();
      await reading;
      spy.mockRestore();
      const corrected = workspace.setCorrections(corrections);
      const after = model.refresh();
      await Promise.all([before, corrected, after]);
      expect(shown(model)).toContain('876543');
      // Nor is the read begun before it kept as the answer of the new data.
      await model.refresh();
      expect(shown(model)).toContain('876543');
    } finally {
      expect((await workspace.setCorrections([])).ok).toBe(true);
    }
  });

  it('reads again after an import, and shows the imported figure', async () => {
    const model = new PivotModel(db, store());
    await model.update({ catalogue: 'all', expandYears: true });
    const before = shown(model);
    const { additions: added } = await mappedUserTable(
      db,
      'Chỉ tiêu;Năm;Giá trị\nSố hợp tác xã mới thành lập;2024;4321\n',
    );
    try {
      expect(
        (await workspace.addRows(new Map([...added].map(([table, [bytes]]) => [table, bytes!])))).ok,
      ).toBe(true);
      expect(await pivotQueries(model, () => model.refresh())).toBe(READ_WITH_TWIN);
      expect(shown(model)).not.toBe(before);
      expect(shown(model)).toContain('4321');
    } finally {
      expect((await workspace.setAdditions(new Map())).ok).toBe(true);
    }
  });
});
