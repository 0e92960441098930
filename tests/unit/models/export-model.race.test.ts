import { describe, expect, it } from 'vitest';
import { buildSummaryCsv } from '../../../renderer/src/lib/report/summary-csv.ts';
import {
  ExportModel,
  type ExportRequest,
} from '../../../renderer/src/features/export/export-model.svelte.ts';
import { heldDatabase } from '../../support/held-database.ts';
import { useWarehouseDatabase } from '../../support/warehouse-database.ts';

const request = (indicators: string[], generatedOn: string): ExportRequest => ({
  indicators,
  periods: 'terms',
  format: 'csv',
  withCharts: false,
  locale: 'vi',
  generatedOn,
});

describe('the export model when two exports overlap on the real engine', () => {
  const warehouse = useWarehouseDatabase();

  it('saves the newer report only, even when the older one is read last', async () => {
    const held = heldDatabase(warehouse.db);
    const saved = new Map<string, string>();
    const exports = new ExportModel(held.db, {
      chartPng: () => Promise.reject(new Error('no charts in csv')),
      build: async (job) => buildSummaryCsv(job.data, job.locale),
      save: async (name, bytes) => {
        saved.set(name, new TextDecoder().decode(bytes));
        return true;
      },
    });
    held.hold((_sql, params) => params.includes('grdp_growth'));
    const older = exports.run(request(['grdp_growth'], '2026-01-01'));
    await exports.run(request(['poverty_rate'], '2026-01-02'));
    held.release();
    await older;
    expect([...saved.keys()]).toEqual(['bao-cao-chi-tieu-2026-01-02.csv']);
    expect(saved.get('bao-cao-chi-tieu-2026-01-02.csv')).toContain('poverty_rate');
    expect(exports.outcome).toEqual({ kind: 'done', file: 'bao-cao-chi-tieu-2026-01-02.csv' });
    expect(exports.busy).toBe(false);
  });

  it('says so when nothing is chosen or the file cannot be built', async () => {
    const exports = new ExportModel(warehouse.db, {
      chartPng: () => Promise.reject(new Error('no charts')),
      build: () => Promise.reject(new Error('đĩa đầy')),
      save: () => Promise.resolve(true),
    });
    await exports.run(request([], '2026-01-01'));
    expect(exports.outcome).toEqual({ kind: 'none' });
    await exports.run(request(['grdp_growth'], '2026-01-01'));
    expect(exports.outcome).toEqual({ kind: 'failed', message: 'đĩa đầy' });
  });
});
