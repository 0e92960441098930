import { describe, expect, it } from 'vitest';
import { segmentDocument } from '../../../renderer/src/lib/extraction/segment-document.ts';

describe('segmentDocument', () => {
  it('takes numbered footnotes out of the body and heals the page break around them', () => {
    const raw = [
      'tốc độ tăng GRDP bình quân ước đạt 6,79%1, trong đó: nông nghiệp',
      '',
      '                                           ',
      '1 Trong đó năm 2021 tăng 6,75%, năm ',
      '',
      '2025 ước tăng 8,06%. ',
      ' tăng 5,93%.',
    ].join('\n');
    const [body, ...footnotes] = segmentDocument(raw);
    expect(body?.text.text).toBe(
      'tốc độ tăng GRDP bình quân ước đạt 6,79%1, trong đó: nông nghiệp  tăng 5,93%.',
    );
    expect(footnotes).toHaveLength(1);
    expect(footnotes[0]?.footnote).toBe(1);
    expect(footnotes[0]?.text.text).toBe('Trong đó năm 2021 tăng 6,75%, năm  2025 ước tăng 8,06%. ');
  });

  it('only takes the next footnote number: a line starting with a year or another number is body', () => {
    const raw = '2025 ước tăng 8,06%.\n3 khâu đột phá\n1 Chú thích một';
    const segments = segmentDocument(raw);
    expect(segments.map((segment) => segment.kind)).toEqual(['body', 'footnote']);
    expect(segments[0]?.text.text).toContain('3 khâu đột phá');
  });

  it('reads Markdown footnotes and drops markup, keeping offsets into the raw text', () => {
    const raw =
      '**Năm 2020** có 74/207 xã<sup>1</sup>, tăng.\n\n<sup>1</sup>. Tính theo số liệu trước.\n\nSơn tiếp.';
    const [body, footnote] = segmentDocument(raw);
    expect(body?.text.text.startsWith('Năm 2020 có 74/207 xã')).toBe(true);
    expect(footnote?.text.text).toBe('Tính theo số liệu trước.');
    const at = body!.text.text.indexOf('74/207');
    const [start, end] = body!.text.rawSpan(at, at + '74/207'.length);
    expect(raw.slice(start, end)).toBe('74/207');
  });

  it('composes decomposed diacritics but reports raw offsets', () => {
    const raw = 'Tăng trưởng 7,1%'.normalize('NFD');
    const [body] = segmentDocument(raw);
    expect(body?.text.text).toBe('Tăng trưởng 7,1%');
    const at = body!.text.text.indexOf('7,1%');
    const [start, end] = body!.text.rawSpan(at, at + 4);
    expect(raw.slice(start, end)).toBe('7,1%');
  });

  it('drops page numbers standing alone between blank lines', () => {
    const [body] = segmentDocument('đạt 5%\n\n12\n\ntiếp theo');
    expect(body?.text.text).not.toContain('12');
  });
});

describe('segmentDocument at page breaks', () => {
  it('ends a footnote at the page number that closes its page', () => {
    const raw = ['đạt 5%1 và', '', '1 Chú thích đạt 3%.', '', '', '4 ', '', 'Các biện pháp đạt 7%.'].join(
      '\n',
    );
    const [body, footnote] = segmentDocument(raw);
    expect(footnote?.text.text).toBe('Chú thích đạt 3%.');
    expect(body?.text.text).toContain('Các biện pháp đạt 7%.');
  });
});
