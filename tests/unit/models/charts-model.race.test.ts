import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { ChartsModel } from '../../../renderer/src/features/charts/charts-model.svelte.ts';
import { openWarehouseDatabase } from '../../../scripts/lib/node-duckdb.ts';
import { heldDatabase } from '../../support/held-database.ts';

describe('the charts model when two requests overlap on the real engine', () => {
  let real: WorkbenchDatabase;
  beforeAll(async () => {
    ({ db: real } = await openWarehouseDatabase());
  });
  afterAll(() => real.close());

  it('shows the newer chart even when the older answer arrives last', async () => {
    const held = heldDatabase(real);
    const charts = new ChartsModel(held.db);
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
    const charts = new ChartsModel(real);
    await charts.show({ kind: 'target', indicatorId: 'grdp_growth' });
    expect(charts.shown).toEqual({ kind: 'target', indicatorId: 'grdp_growth' });
    expect(charts.points.map((point) => point.label)).toContain('2021–2025');
  });
});
