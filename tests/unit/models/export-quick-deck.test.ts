import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ExportModel } from '../../../renderer/src/features/export/export-model.svelte.ts';
import type { ReportJob } from '../../../renderer/src/features/export/worker-messages.ts';
import { buildPptxReport } from '../../../renderer/src/lib/report/pptx-report.ts';
import { useWarehouseDatabase } from '../../support/warehouse-database.ts';

describe('"Báo cáo nhanh": one click, one deck for a domain', () => {
  const warehouse = useWarehouseDatabase();

  function quickExports(jobs: ReportJob[], saved: { name: string; bytes: Uint8Array }[]): ExportModel {
    return new ExportModel(warehouse.db, {
      chartPng: () => Promise.reject(new Error('a deck draws its own charts')),
      build: (job) => {
        jobs.push(job);
        return buildPptxReport(job.data, job.locale, job.generatedOn, {
          subtitle: job.subtitle,
          briefing: job.briefing,
        });
      },
      save: async (name, bytes) => {
        saved.push({ name, bytes });
        return true;
      },
    });
  }

  const slidesOf = (zip: JSZip): string[] =>
    Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));

  it('builds a briefing of the domain’s key indicators, titled with it, saying how many were chosen', async () => {
    const jobs: ReportJob[] = [];
    const saved: { name: string; bytes: Uint8Array }[] = [];
    const exports = quickExports(jobs, saved);
    await exports.loadIndicators();
    expect(exports.domains).toContain('kinh_te');
    const economy = exports.indicators.filter((indicator) => indicator.domain === 'kinh_te');
    await exports.quickDeck('kinh_te', 'Báo cáo nhanh: Kinh tế', 'vi', '2026-12-01');
    expect(exports.outcome).toEqual({ kind: 'done', file: 'bao-cao-nhanh-kinh-te-2026-12-01.pptx' });
    const job = jobs[0]!;
    expect(job.format).toBe('pptx');
    const ids = job.data.rows.map((row) => row.indicatorId);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    expect(ids.length).toBeLessThanOrEqual(12);
    for (const id of ids) expect(economy.map((indicator) => indicator.id)).toContain(id);
    // The headline economic indicator, in every plan and review, is among the key ones.
    expect(ids).toContain('grdp_growth');
    expect(job.briefing).toEqual({ chosen: ids.length, total: economy.length });
    const zip = await JSZip.loadAsync(saved[0]!.bytes);
    const title = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(title).toContain('Báo cáo nhanh: Kinh tế');
    const slides = await Promise.all(slidesOf(zip).map((name) => zip.file(name)!.async('string')));
    const notes = slides.filter((xml) => xml.includes('Báo cáo đầy đủ: khu vực &quot;Xuất báo cáo&quot;'));
    expect(notes.length).toBeGreaterThan(0);
    for (const xml of notes) expect(xml).toContain(`${ids.length} chỉ tiêu chủ yếu trong ${economy.length}`);
  });

  it('keeps every domain’s deck to a briefing: at most 13 slides, each indicator with a target and a result', async () => {
    const exports = quickExports([], []);
    await exports.loadIndicators();
    expect(exports.domains.length).toBeGreaterThan(3);
    for (const domain of exports.domains) {
      const jobs: ReportJob[] = [];
      const saved: { name: string; bytes: Uint8Array }[] = [];
      const deck = quickExports(jobs, saved);
      deck.indicators = exports.indicators;
      await deck.quickDeck(domain, `Báo cáo nhanh: ${domain}`, 'vi', '2026-12-01');
      if (deck.outcome?.kind === 'none') continue;
      expect(deck.outcome?.kind, domain).toBe('done');
      const zip = await JSZip.loadAsync(saved[0]!.bytes);
      expect(slidesOf(zip).length, domain).toBeLessThanOrEqual(13);
      for (const row of jobs[0]!.data.rows) {
        const cells = Object.values(row.cells);
        expect(
          cells.some((cell) => cell?.targetLow != null),
          `${domain} ${row.indicatorId} target`,
        ).toBe(true);
        expect(
          cells.some((cell) => cell?.actualLow != null),
          `${domain} ${row.indicatorId} result`,
        ).toBe(true);
      }
    }
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
