import { describe, expect, it } from 'vitest';
import { footnoteMarkers, segmentDocument } from '../../../renderer/src/lib/extraction/segment-document.ts';
import { extractText } from '../../support/extraction.ts';

// Text as a web page's export gives it: lines wrapped at ~80 characters, Markdown emphasis left in.
const IMPORT = [
  '** **',
  '',
  '**II. CHỈ TIÊU',
  'XUẤT KHẨU ĐẾN NĂM 2030**',
  '',
  '**Điều 1. **Ban',
  'hành kèm theo Quyết định này Kế hoạch xuất khẩu.',
  '',
  '* *',
  '',
  '**3. **Phấn đấu giá trị hàng',
  'hóa tham gia xuất khẩu đến năm 2030 đạt 400 triệu USD.',
].join('\n');

describe('segmentDocument on a hard-wrapped Markdown import', () => {
  const [body] = segmentDocument(IMPORT);
  const lines = body?.text.text.split('\n') ?? [];

  it('drops emphasis and empty emphasis lines, and joins a heading that wrapping split', () => {
    expect(lines).toEqual([
      'II. CHỈ TIÊU XUẤT KHẨU ĐẾN NĂM 2030',
      'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch xuất khẩu.',
      '3. Phấn đấu giá trị hàng hóa tham gia xuất khẩu đến năm 2030 đạt 400 triệu USD.',
    ]);
  });

  it('ends a long upper-case heading where mixed-case text begins, even with no blank line', () => {
    const raw =
      'ĐỊNH HƯỚNG PHÁT TRIỂN VÙNG NGUYÊN LIỆU NÔNG SẢN GIAI ĐOẠN 2026 - 2030\nTrên cơ sở đó, tỉnh đạt 5%.';
    expect(segmentDocument(raw)[0]?.text.text.split('\n')).toHaveLength(2);
  });

  it('keeps offsets into the raw text across removed markup and joined lines', () => {
    const text = body!.text.text;
    const at = text.indexOf('400 triệu USD');
    const [start, end] = body!.text.rawSpan(at, at + '400 triệu USD'.length);
    expect(IMPORT.slice(start, end)).toBe('400 triệu USD');
    const heading = text.indexOf('XUẤT KHẨU');
    expect(IMPORT.slice(...body!.text.rawSpan(heading, heading + 9))).toBe('XUẤT KHẨU');
  });

  it('reads the figure of a wrapped numbered paragraph as a 2030 target', () => {
    const [figure] = extractText(IMPORT, { issued_on: '2025-11' });
    expect(figure).toMatchObject({
      value_low: 400,
      unit: 'triệu USD',
      measure: 'target',
      period_start: 2030,
    });
  });

  it('leaves a table that holds figures out of the prose, and keeps a layout table’s text', () => {
    const raw = [
      '|',
      'Số: 12/QĐ-UBND',
      '|',
      'Hà Nội',
      '|',
      '',
      '|',
      'Chỉ tiêu',
      '|',
      '2025',
      '|',
      '|',
      'Diện tích',
      '|',
      '1.200',
      '|',
    ].join('\n');
    const [text] = segmentDocument(raw);
    expect(text?.text.text).toContain('Số: 12/QĐ-UBND');
    expect(text?.text.text).not.toContain('1.200');
    expect(text?.text.text).not.toContain('|');
  });
});

describe('footnoteMarkers', () => {
  it('never takes the power of a unit for a marker', () => {
    const text = 'Diện tích tự nhiên 16.490 km2, kho chứa 100 m3 và nhà 50 m2; tăng trưởng 6,79%1.';
    const markers = footnoteMarkers(text, 3);
    expect([...markers.values()]).toEqual([1]);
    expect(text.slice([...markers.keys()][0])).toBe('1.');
  });

  it('still takes digits glued to a word or a percentage', () => {
    expect([...footnoteMarkers('rừng trồng1 và đạt 5%2, có 3 xã', 2).values()]).toEqual([1, 2]);
  });
});
