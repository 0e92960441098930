import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPptxReport } from '../../../renderer/src/lib/report/pptx-report.ts';
import { nameWithUnit } from '../../../renderer/src/lib/report/report-labels.ts';
import { readReportData, type ReportData } from '../../../renderer/src/lib/report/report-data.ts';
import { useWarehouseDatabase } from '../../support/warehouse-database.ts';

const INDICATORS = ['grdp_per_capita', 'grdp_per_capita_usd', 'grdp_growth', 'budget_revenue_total'];

/** Each slide's text runs in order, slides in order. */
async function slideTexts(bytes: Uint8Array): Promise<string[][]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]));
  const xmls = await Promise.all(names.map((name) => zip.file(name)!.async('string')));
  return xmls.map((xml) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((match) => match[1]!));
}

describe('the English pptx deck', () => {
  const warehouse = useWarehouseDatabase();
  let data: ReportData;

  beforeAll(async () => {
    const read = await readReportData(warehouse.db, { indicators: INDICATORS, periods: 'terms' });
    if (!read.ok) throw new Error(read.error.message);
    data = read.value;
  });

  it('writes its source notes in English, with the documents’ English titles', async () => {
    const slides = await slideTexts(await buildPptxReport(data, 'en', '2026-12-01'));
    const all = slides.flat().join('\n');
    expect(all).not.toContain('Nguồn');
    // The published Vietnamese titles give way to their glosses (data/document-glosses.json).
    expect(all).not.toContain('Tài liệu học tập Nghị quyết');
    expect(all).not.toContain('Đề cương thông báo nhanh');
    expect(all).toContain(
      'Study material on the Resolution of the 17th Congress of the Lạng Sơn Provincial Party Committee, term 2020–2025 (2020-11)',
    );
    for (const slide of slides) expect(slide.some((text) => text.startsWith('Source: '))).toBe(true);
    const vietnamese = (await slideTexts(await buildPptxReport(data, 'vi', '2026-12-01'))).flat().join('\n');
    expect(vietnamese).toContain('Nguồn: Tài liệu học tập Nghị quyết Đại hội');
  });

  it('names each indicator slide with its unit once', async () => {
    const slides = await slideTexts(await buildPptxReport(data, 'en', '2026-12-01'));
    const headings = slides.slice(1, 1 + INDICATORS.length).map((slide) => slide[0]);
    expect(headings).toEqual([
      'GRDP per capita (million VND)',
      'GRDP per capita (USD)',
      'GRDP growth rate',
      'State budget revenue (billion VND)',
    ]);
    const vietnamese = await slideTexts(await buildPptxReport(data, 'vi', '2026-12-01'));
    expect(vietnamese[2]![0]).toBe('GRDP bình quân đầu người (USD)');
    expect(vietnamese[3]![0]).toBe('Tốc độ tăng trưởng kinh tế (GRDP)');
  });
});

describe('a name with its unit', () => {
  it('writes the unit once, replacing a bracket that names it and keeping one that does not', () => {
    expect(nameWithUnit('GRDP per capita (VND)', 'million VND', 'triệu đồng')).toBe(
      'GRDP per capita (million VND)',
    );
    expect(nameWithUnit('Thu giữ (kg)', 'kg')).toBe('Thu giữ (kg)');
    expect(nameWithUnit('Mobile base stations (BTS)', 'stations', 'trạm')).toBe(
      'Mobile base stations (BTS) (stations)',
    );
    expect(nameWithUnit('Tổng chiều dài', 'km')).toBe('Tổng chiều dài (km)');
    expect(nameWithUnit('Tổng chiều dài', '')).toBe('Tổng chiều dài');
  });
});
