import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeTextFile } from '../../../renderer/src/lib/import/decode-text.ts';
import { inferHints } from '../../../renderer/src/lib/import/document-hints.ts';
import { layoutPage, type PdfTextRun } from '../../../renderer/src/lib/import/pdf-text.ts';
import { loadNodePdfjs } from '../../../renderer/src/lib/import/pdfjs-node.ts';
import { readDocument, type ReadDocument } from '../../../renderer/src/lib/import/read-document.ts';
import { extractText } from '../../support/extraction.ts';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));
const source = readFileSync('tests/fixtures/import/ke-hoach-mau.txt', 'utf8');

async function read(name: string, bytes = fixture(name)): Promise<ReadDocument> {
  const result = await readDocument(name, bytes, { pdfjs: loadNodePdfjs });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

// What the extractor reads from a text, without offsets: the same figures whatever the file format.
const figures = (text: string) =>
  extractText(text).map(
    ({ indicator_id, value_low, value_high, unit, measure, period_start, period_end, basis }) => ({
      indicator_id,
      value_low,
      value_high,
      unit,
      measure,
      period_start,
      period_end,
      basis,
    }),
  );

describe('document readers on files LibreOffice made', () => {
  it('reads the .docx to the paragraphs of the source text', async () => {
    const docx = await read('ke-hoach-mau.docx');
    expect(docx.text).toBe(source);
    expect(docx.format).toBe('docx');
  });

  it('reads the .pdf text layer as hard-wrapped lines with every word intact', async () => {
    const pdf = await read('ke-hoach-mau.pdf');
    expect(pdf.pages).toBe(1);
    const words = (text: string) => text.split(/\s+/u).filter(Boolean);
    expect(words(pdf.text)).toEqual(words(source));
    expect(pdf.text).toContain('\n\nI. KẾT QUẢ THỰC HIỆN NĂM 2025\n\n');
  });

  it('gives the extractor the same figures from .txt, .md, .docx and .pdf', async () => {
    const expected = figures(source);
    expect(expected.length).toBeGreaterThanOrEqual(10);
    for (const name of ['ke-hoach-mau.docx', 'ke-hoach-mau.pdf'])
      expect(figures((await read(name)).text), name).toEqual(expected);
    expect(figures((await read('ke-hoach-mau.md', fixture('ke-hoach-mau.txt'))).text)).toEqual(expected);
  });

  it('points provenance offsets into the text the reader produced', async () => {
    const pdf = await read('ke-hoach-mau.pdf');
    for (const row of extractText(pdf.text)) {
      expect(pdf.text.slice(row.char_start, row.char_end)).toMatch(/\d/u);
    }
    expect(extractText(pdf.text).map((row) => pdf.text.slice(row.char_start, row.char_end))).toContain(
      '12.450 tỷ đồng',
    );
  });

  it('proposes the title from the first lines, also when the PDF wraps it', async () => {
    for (const name of ['ke-hoach-mau.docx', 'ke-hoach-mau.pdf']) {
      expect((await read(name)).hints.title).toBe('KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI HUYỆN MẪU NĂM 2026');
    }
  });
});

describe('text decoding', () => {
  const text = 'Tốc độ tăng trưởng GRDP đạt 8,2%\n';
  const utf16 = (le: boolean, bom: boolean): Uint8Array => {
    const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
    const view = new DataView(out.buffer);
    [...(bom ? '\uFEFF' : ''), ...text].forEach((char, i) => view.setUint16(i * 2, char.charCodeAt(0), le));
    return out;
  };

  it('drops a UTF-8 BOM', () => {
    expect(
      decodeTextFile('a.txt', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])),
    ).toBe(text);
  });

  it('detects UTF-16 with and without BOM, either byte order', () => {
    for (const le of [true, false])
      for (const bom of [true, false]) expect(decodeTextFile('a.txt', utf16(le, bom))).toBe(text);
  });
});

describe('PDF line layout', () => {
  const run = (
    str: string,
    x: number,
    y: number,
    width: number,
    hasEOL = false,
    height = 10,
  ): PdfTextRun => ({
    str,
    x,
    y,
    width,
    height,
    hasEOL,
  });

  it('puts a space where the page shows a gap between two runs, never inside a word', () => {
    // "KẾ HOẠCH TRIỂN": runs 6 pt apart are words, runs that touch (TRIỂ|N) one word.
    const text = layoutPage([
      run('KẾ', 50, 700, 12),
      run('HOẠCH', 68, 700, 30),
      run('TRIỂ', 104, 700, 24),
      run('N', 128, 700, 6, true),
    ]);
    expect(text).toBe('KẾ HOẠCH TRIỂN');
  });

  it('keeps a diacritic raised above the baseline on its line', () => {
    expect(layoutPage([run('QU', 50, 700, 12), run('Ả', 62, 701.8, 6), run(' NĂM', 68, 700, 24, true)])).toBe(
      'QUẢ NĂM',
    );
  });

  it('breaks lines at pdf.js line ends and paragraphs at wider gaps', () => {
    const text = layoutPage([
      run('Dòng một', 50, 700, 50, true),
      run('dòng hai.', 50, 686, 50, true),
      run('Đoạn mới', 50, 650, 50, true),
      run('tiếp tục', 50, 636, 50),
    ]);
    expect(text).toBe('Dòng một\ndòng hai.\n\nĐoạn mới\ntiếp tục');
  });
});

describe('document hints', () => {
  it('reads a date written out in the opening lines and the genre of a resolution', () => {
    const hints = inferHints(
      'HỘI ĐỒNG NHÂN DÂN\nTỈNH LẠNG SƠN\n\nNGHỊ QUYẾT\nLạng Sơn, ngày 10 tháng 12 năm 2025\n',
      'txt',
    );
    expect(hints).toEqual({
      title: 'HỘI ĐỒNG NHÂN DÂN TỈNH LẠNG SƠN',
      issuedOn: '2025-12-10',
      docType: 'nghi_quyet_hdnd',
    });
  });

  it('takes a Markdown heading as the title', () => {
    expect(inferHints('Lời nói đầu\n\n# Báo cáo **kinh tế** 2025\n', 'md').title).toBe(
      'Báo cáo kinh tế 2025',
    );
  });
});
