import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CollectionStore } from '../../../electron/main/collection-store.ts';
import { ChartsModel } from '../../../renderer/src/features/charts/charts-model.svelte.ts';
import { PivotModel } from '../../../renderer/src/features/pivot/pivot-model.svelte.ts';
import { UserStore, type InvalidItem } from '../../../renderer/src/lib/platform/user-store.ts';
import { useWarehouseDatabase } from '../../support/warehouse-database.ts';

// The user store over the real Electron-side files; each `session` is a restart of the app.
async function profile() {
  const userData = await mkdtemp(join(tmpdir(), 'ctw-persisted-edits-'));
  const invalid: InvalidItem[] = [];
  // Every durable write the store makes, as the collections it touched.
  const writes: string[][] = [];
  const session = () => {
    const files = new CollectionStore(userData);
    return new UserStore(
      {
        read: (name) => files.read(name),
        write: (changes) => {
          writes.push(changes.map(({ collection }) => collection));
          return files.write(changes);
        },
      },
      (found) => invalid.push(...found),
    );
  };
  const store = async (name: string, items: unknown[]) => {
    await mkdir(join(userData, 'collections'), { recursive: true });
    await writeFile(join(userData, 'collections', `${name}.json`), JSON.stringify({ items }));
  };
  const stored = async (name: string) =>
    JSON.parse(await readFile(join(userData, 'collections', `${name}.json`), 'utf8')) as { items: unknown[] };
  return { session, store, stored, invalid, writes };
}

describe("the user's chart edits and pivot sort, kept in the user store", () => {
  const warehouse = useWarehouseDatabase();

  it('bring back every chart its own edits after a restart, merged by chart', async () => {
    const { session, stored } = await profile();
    const first = new ChartsModel(warehouse.db, session());
    await first.restore();
    void first.edit('target:grdp_growth', { title: 'Giao ban' });
    void first.edit('target:grdp_growth', { subtitle: 'Tháng 12' });
    await first.edit('target:grdp_growth', { type: 'line', dataLabels: false });
    await first.edit('structure', { title: 'Cơ cấu' });
    expect(first.editsSaved).toBe(true);
    const again = new ChartsModel(warehouse.db, session());
    await again.restore();
    expect(again.edits).toEqual(
      new Map([
        ['target:grdp_growth', { title: 'Giao ban', subtitle: 'Tháng 12', type: 'line', dataLabels: false }],
        ['structure', { title: 'Cơ cấu' }],
      ]),
    );
    // A reset removes that chart's item only.
    await again.resetEdits('structure');
    expect((await stored('chart-edits')).items).toEqual([
      { id: 'target:grdp_growth', title: 'Giao ban', subtitle: 'Tháng 12', type: 'line', dataLabels: false },
    ]);
    const third = new ChartsModel(warehouse.db, session());
    await third.restore();
    expect([...third.edits.keys()]).toEqual(['target:grdp_growth']);
  });

  it('keep an edit made before the store was read, beside what it held for that chart', async () => {
    const { session } = await profile();
    await new ChartsModel(warehouse.db, session()).edit('target:poverty_rate', { subtitle: 'Đã lưu' });
    const early = new ChartsModel(warehouse.db, session());
    const saved = early.edit('target:poverty_rate', { title: 'Gõ sớm' });
    await early.restore();
    await saved;
    expect(early.edits.get('target:poverty_rate')).toEqual({ subtitle: 'Đã lưu', title: 'Gõ sớm' });
    const later = new ChartsModel(warehouse.db, session());
    await later.restore();
    expect(later.edits.get('target:poverty_rate')).toEqual({ subtitle: 'Đã lưu', title: 'Gõ sớm' });
  });

  it('write typing spread over many events as one write when the field is left', async () => {
    const { session, writes } = await profile();
    const store = session();
    // A pause no test run reaches: only leaving the field ends this burst.
    const charts = new ChartsModel(warehouse.db, store, { typingPauseMs: 3_600_000 });
    await charts.restore();
    const title = 'Tăng trưởng GRDP giai đoạn 2021-2025';
    for (let end = 1; end <= title.length; end++) {
      void charts.type('target:grdp_growth', { title: title.slice(0, end) });
      // Each keystroke its own event, every write it made durable before the next: written on
      // every keystroke, this would be one write per character.
      await store.flush();
      expect(charts.edits.get('target:grdp_growth')).toEqual({ title: title.slice(0, end) });
      expect(charts.editsSaved).toBe(false);
    }
    expect(writes).toEqual([]);
    await charts.commitTyping();
    expect(writes).toEqual([['chart-edits']]);
    expect(charts.editsSaved).toBe(true);
    const again = new ChartsModel(warehouse.db, session());
    await again.restore();
    expect(again.edits.get('target:grdp_growth')).toEqual({ title });
  });

  it('write a burst of typing once the typing pauses, and only then show it saved', async () => {
    const { session, writes } = await profile();
    const charts = new ChartsModel(warehouse.db, session());
    await charts.restore();
    const typed = ['C', 'Cơ', 'Cơ ', 'Cơ c', 'Cơ cấ', 'Cơ cấu'].map((subtitle) =>
      charts.type('structure', { subtitle }),
    );
    expect(charts.editsSaved).toBe(false);
    // Every keystroke's promise settles on the one write the pause starts.
    await Promise.all(typed);
    expect(writes).toEqual([['chart-edits']]);
    expect(charts.editsSaved).toBe(true);
  });

  it('write typed text at once when the field is left, and with the next change of that chart', async () => {
    const { session, writes, stored } = await profile();
    const charts = new ChartsModel(warehouse.db, session());
    await charts.restore();
    for (const end of [1, 2, 3, 4, 5, 6]) void charts.type('structure', { subtitle: 'Cơ cấu'.slice(0, end) });
    void charts.type('target:poverty_rate', { title: 'Nghèo' });
    await charts.commitTyping();
    expect(charts.editsSaved).toBe(true);
    expect(writes).toEqual([['chart-edits']]);
    expect((await stored('chart-edits')).items).toEqual([
      { id: 'structure', subtitle: 'Cơ cấu' },
      { id: 'target:poverty_rate', title: 'Nghèo' },
    ]);
    // A choice of bar/line right after typing carries the typed text in the same write.
    void charts.type('structure', { title: 'Cơ cấu kinh tế' });
    await charts.edit('structure', { dataLabels: false });
    expect(writes).toHaveLength(2);
    expect((await stored('chart-edits')).items).toContainEqual({
      id: 'structure',
      title: 'Cơ cấu kinh tế',
      subtitle: 'Cơ cấu',
      dataLabels: false,
    });
    await charts.commitTyping();
    expect(writes).toHaveLength(2);
  });

  it('shows a failed typed write as a problem, not as saved', async () => {
    const charts = new ChartsModel(
      warehouse.db,
      new UserStore({
        read: () => Promise.resolve({ items: [], exists: false }),
        write: () => Promise.reject(new Error('ổ đĩa đầy')),
      }),
    );
    await charts.restore();
    void charts.type('structure', { title: 'Cơ' });
    await charts.type('structure', { title: 'Cơ cấu' });
    expect(charts.editsSaved).toBe(false);
    expect(charts.storageError).toBe('ổ đĩa đầy');
  });

  it('read a damaged or older record field by field, and skip one that is not a chart edit at all', async () => {
    const { session, store, invalid } = await profile();
    await store('chart-edits', [
      { id: 'target:a', title: 5, type: 'pie', dataLabels: false, legacy: 'x' },
      { id: 'target:b', title: 'Vẫn đọc được', subtitle: null },
      { id: 'target:c', type: 'donut' },
      { title: 'không có id' },
      'rác',
    ]);
    const charts = new ChartsModel(warehouse.db, session());
    await charts.restore();
    expect(charts.storageError).toBeNull();
    expect(charts.edits).toEqual(
      new Map([
        ['target:a', { dataLabels: false }],
        ['target:b', { title: 'Vẫn đọc được' }],
      ]),
    );
    expect(invalid.map((item) => item.collection)).toEqual(['chart-edits', 'chart-edits']);
  });

  it('restores the pivot sort before its rows are read, and the next click goes on from it', async () => {
    const { session, stored } = await profile();
    const first = new PivotModel(warehouse.db, session());
    await first.restore();
    await first.sortBy({ by: 'actual', period: '2021-2025' });
    await first.sortBy({ by: 'actual', period: '2021-2025' });
    expect(first.configSaved).toBe(true);
    expect((await stored('pivot-sort')).items).toEqual([
      { id: 'current', sort: { by: 'actual', period: '2021-2025', direction: 'descending' } },
    ]);
    const again = new PivotModel(warehouse.db, session());
    await again.restore();
    expect(again.sort).toEqual({ by: 'actual', period: '2021-2025', direction: 'descending' });
    await again.refresh();
    expect(again.sort).toEqual({ by: 'actual', period: '2021-2025', direction: 'descending' });
    const values = again.shownRows('vi').flatMap(({ cells }) => {
      const cell = cells['2021-2025'];
      // A range sorts by its middle.
      return cell?.actualLow == null ? [] : [(cell.actualLow + (cell.actualHigh ?? cell.actualLow)) / 2];
    });
    expect(values.length).toBeGreaterThan(5);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    // A third click goes back to the query's order, and that is kept too.
    await again.sortBy({ by: 'actual', period: '2021-2025' });
    const third = new PivotModel(warehouse.db, session());
    await third.restore();
    expect(third.sort).toBeNull();
  });

  it('keeps the sort in a named layout: applying it restores that sort, and a layout saved unsorted clears it', async () => {
    const { session, stored } = await profile();
    const first = new PivotModel(warehouse.db, session());
    await first.restore();
    await first.update({ measure: 'actual' });
    await first.sortBy({ by: 'actual', period: '2021-2025' });
    await first.sortBy({ by: 'actual', period: '2021-2025' });
    await first.saveLayout('Kết quả giảm dần');
    await first.clearSort();
    await first.update({ measure: 'both' });
    await first.saveLayout('Mặc định');
    expect((await stored('pivot-layouts')).items).toContainEqual(
      expect.objectContaining({
        id: 'Kết quả giảm dần',
        sort: { by: 'actual', period: '2021-2025', direction: 'descending' },
      }),
    );
    // After a restart, applying the sorted layout brings its sort back, and it becomes the current one.
    const again = new PivotModel(warehouse.db, session());
    await again.restore();
    await again.refresh();
    expect(again.sort).toBeNull();
    await again.applyLayout('Kết quả giảm dần');
    expect(again.config.measure).toBe('actual');
    expect(again.sort).toEqual({ by: 'actual', period: '2021-2025', direction: 'descending' });
    expect(again.configSaved).toBe(true);
    const third = new PivotModel(warehouse.db, session());
    await third.restore();
    expect(third.sort).toEqual({ by: 'actual', period: '2021-2025', direction: 'descending' });
    // The layout saved without a sort takes it away again.
    await third.applyLayout('Mặc định');
    expect(third.config.measure).toBe('both');
    expect(third.sort).toBeNull();
    expect((await stored('pivot-sort')).items).toEqual([{ id: 'current', sort: null }]);
  });

  it('loads a layout stored before layouts kept a sort, as one in the query order', async () => {
    const { session, store, invalid } = await profile();
    await store('pivot-layouts', [{ id: 'Cũ', name: 'Cũ', config: { measure: 'target' } }]);
    await store('pivot-sort', [{ id: 'current', sort: { by: 'name', direction: 'descending' } }]);
    const pivot = new PivotModel(warehouse.db, session());
    await pivot.restore();
    expect(pivot.layouts.map(({ name, sort }) => ({ name, sort }))).toEqual([{ name: 'Cũ', sort: null }]);
    expect(pivot.sort).toEqual({ by: 'name', direction: 'descending' });
    await pivot.applyLayout('Cũ');
    expect(pivot.config.measure).toBe('target');
    expect(pivot.sort).toBeNull();
    expect(invalid).toEqual([]);
  });

  it('shows the query order for a stored sort that is damaged or by a period the data no longer has', async () => {
    const { session, store, invalid } = await profile();
    await store('pivot-sort', [{ id: 'current', sort: { by: 'percent', direction: 'upwards' } }]);
    const damaged = new PivotModel(warehouse.db, session());
    await damaged.restore();
    expect(damaged.sort).toBeNull();
    await store('pivot-sort', [
      { id: 'current', sort: { by: 'target', period: '1996-2000', direction: 'ascending' } },
    ]);
    const outdated = new PivotModel(warehouse.db, session());
    await outdated.restore();
    expect(outdated.sort).toEqual({ by: 'target', period: '1996-2000', direction: 'ascending' });
    await outdated.refresh();
    expect(outdated.error).toBeNull();
    expect(outdated.sort).toBeNull();
    expect(outdated.storageError).toBeNull();
    expect(invalid).toEqual([]);
  });
});
