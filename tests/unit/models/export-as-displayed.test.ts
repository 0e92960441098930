import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../../renderer/src/features/charts/chart-specs.ts';
import { ExportModel } from '../../../renderer/src/features/export/export-model.svelte.ts';
import type { ReportJob } from '../../../renderer/src/features/export/worker-messages.ts';
import { useWarehouseDatabase } from '../../support/warehouse-database.ts';

// Two rows of the pivot as a user might order them, with the plan periods and one year shown.
const VIEW = {
  config: {
    search: '',
    domain: null,
    docId: null,
    measure: 'both' as const,
    catalogue: 'catalogued' as const,
    expandYears: true,
    swapped: false,
  },
  columns: ['2016-2020', '2021-2025', '2026-2030'],
  rows: ['poverty_rate|%', 'grdp_growth|%'],
};

describe('the export area writes the pivot as displayed, its charts from the charts area’s spec', () => {
  const warehouse = useWarehouseDatabase();

  it('hands the job the view’s rows in order and each chart as the screen’s figure', async () => {
    const jobs: ReportJob[] = [];
    const specs: ChartSpec[] = [];
    const exports = new ExportModel(warehouse.db, {
      chartPng: async (spec) => {
        specs.push(spec);
        return new Uint8Array([137, 80, 78, 71]);
      },
      build: async (job) => {
        jobs.push(job);
        return new Uint8Array([1]);
      },
      save: async () => true,
    });
    const request = {
      indicators: [],
      view: VIEW,
      periods: 'terms' as const,
      withCharts: true,
      locale: 'vi' as const,
      generatedOn: '2026-12-01',
    };
    await exports.run({ ...request, format: 'xlsx' });
    expect(exports.outcome).toEqual({ kind: 'done', file: 'bao-cao-chi-tieu-2026-12-01.xlsx' });
    expect(jobs[0]!.data.rows.map((row) => row.indicatorId)).toEqual(['poverty_rate', 'grdp_growth']);
    expect(jobs[0]!.data.columns.map((column) => column.key)).toEqual(VIEW.columns);
    // The workbook's pictures are drawn from Plotly figures like the charts area's.
    expect(specs.map((spec) => (spec.layout.title as { text: string }).text)).toEqual([
      'Tỷ lệ hộ nghèo: chỉ tiêu và kết quả theo giai đoạn',
      'Tốc độ tăng trưởng kinh tế (GRDP): chỉ tiêu và kết quả theo giai đoạn',
    ]);
    expect(specs[1]!.data.map((trace) => (trace as { name: string }).name)).toEqual(['Chỉ tiêu', 'Kết quả']);
    // One picture a figure drawn, each titled by its own picture.
    expect(jobs[0]!.charts).toHaveLength(specs.length);

    await exports.run({ ...request, format: 'pptx' });
    const deck = jobs[1]!.deckCharts!;
    expect(Object.keys(deck)).toEqual(VIEW.rows);
    expect(deck['grdp_growth|%']!.series[1]!.texts).toContain('6,79%*');
    expect(deck['grdp_growth|%']!.categories).toEqual(['2016–2020', '2021–2025', '2026–2030']);
  });

  it('says the pivot shows nothing rather than writing an empty report', async () => {
    const exports = new ExportModel(warehouse.db, {
      chartPng: () => Promise.reject(new Error('no charts')),
      build: () => Promise.reject(new Error('must not build')),
      save: () => Promise.resolve(true),
    });
    await exports.run({
      indicators: ['grdp_growth'],
      view: { ...VIEW, rows: [] },
      periods: 'terms',
      format: 'xlsx',
      withCharts: true,
      locale: 'vi',
      generatedOn: '2026-12-01',
    });
    expect(exports.outcome).toEqual({ kind: 'emptyPivot' });
  });
});
