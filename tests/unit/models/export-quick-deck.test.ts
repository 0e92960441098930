import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ExportModel } from '../../../renderer/src/features/export/export-model.svelte.ts';
import type { ReportJob } from '../../../renderer/src/features/export/worker-messages.ts';
import { buildPptxReport } from '../../../renderer/src/lib/report/pptx-report.ts';
import { useWarehouseDatabase } from '../../support/warehouse-database.ts';

describe('"Báo cáo nhanh": one click, one deck for a domain', () => {
  const warehouse = useWarehouseDatabase();

  it('builds a pptx of every reportable indicator of the domain, titled with it', async () => {
    const jobs: ReportJob[] = [];
    const saved: { name: string; bytes: Uint8Array }[] = [];
    const exports = new ExportModel(warehouse.db, {
      chartPng: () => Promise.reject(new Error('a deck draws its own charts')),
      build: (job) => {
        jobs.push(job);
        return buildPptxReport(job.data, job.locale, job.generatedOn, { subtitle: job.subtitle });
      },
      save: async (name, bytes) => {
        saved.push({ name, bytes });
        return true;
      },
    });
    await exports.loadIndicators();
    expect(exports.domains).toContain('kinh_te');
    const economy = exports.indicators.filter((indicator) => indicator.domain === 'kinh_te');
    await exports.quickDeck('kinh_te', 'Báo cáo nhanh: Kinh tế', 'vi', '2026-12-01');
    expect(exports.outcome).toEqual({ kind: 'done', file: 'bao-cao-nhanh-kinh-te-2026-12-01.pptx' });
    const job = jobs[0]!;
    expect(job.format).toBe('pptx');
    const ids = new Set(job.data.rows.map((row) => row.indicatorId));
    expect(ids.size).toBeGreaterThan(0);
    for (const id of ids) expect(economy.map((indicator) => indicator.id)).toContain(id);
    expect(job.data.rows.every((row) => row.domain === 'kinh_te')).toBe(true);
    const zip = await JSZip.loadAsync(saved[0]!.bytes);
    const title = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(title).toContain('Báo cáo nhanh: Kinh tế');
  });

  it('says there is nothing to report for a domain with no indicators', async () => {
    const exports = new ExportModel(warehouse.db, {
      chartPng: () => Promise.reject(new Error('no charts')),
      build: () => Promise.reject(new Error('must not build')),
      save: () => Promise.resolve(true),
    });
    await exports.loadIndicators();
    await exports.quickDeck('khong_co', 'x', 'vi', '2026-12-01');
    expect(exports.outcome).toEqual({ kind: 'none' });
  });
});
