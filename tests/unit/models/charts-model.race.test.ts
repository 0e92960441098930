import { describe, expect, it } from 'vitest';
import { ChartsModel } from '../../../renderer/src/features/charts/charts-model.svelte.ts';
import { UserStore } from '../../../renderer/src/lib/platform/user-store.ts';
import { heldDatabase } from '../../support/held-database.ts';
import { useWarehouseDatabase } from '../../support/warehouse-database.ts';

// A store that keeps nothing: these tests are about the charts' answers, not their saved edits.
const store = () =>
  new UserStore({ read: async () => ({ items: [], exists: false }), write: async () => undefined });

describe('the charts model when two requests overlap on the real engine', () => {
  const warehouse = useWarehouseDatabase();

  it('shows the newer chart even when the older answer arrives last', async () => {
    const held = heldDatabase(warehouse.db);
    const charts = new ChartsModel(held.db, store());
    // The GRDP-growth chart is asked for first, and its answer is held back…
    held.hold((_sql, params) => params.includes('grdp_growth'));
    const older = charts.show({ kind: 'target', indicatorId: 'grdp_growth' });
    // …while the GRDP-structure chart, asked for second, is answered.
    await charts.show({ kind: 'structure' });
    expect(charts.shown?.kind).toBe('structure');
    const structure = charts.points;
    expect(structure.length).toBeGreaterThan(0);
    held.release();
    await older;
    expect(charts.shown?.kind).toBe('structure');
    expect(charts.points).toBe(structure);
  });

  it('shows an answer when nothing overtakes it', async () => {
    const charts = new ChartsModel(warehouse.db, store());
    await charts.show({ kind: 'target', indicatorId: 'grdp_growth' });
    expect(charts.shown).toEqual({ kind: 'target', indicatorId: 'grdp_growth' });
    expect(charts.points.map((point) => point.label)).toContain('2021–2025');
  });
});
