import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { footnoteReferences } from '../../../renderer/src/lib/reader-text/footnote-references.ts';
import { markdownMarkup } from '../../../renderer/src/lib/reader-text/markdown-markup.ts';
import { quotePieces, type QuotePiece } from '../../../renderer/src/lib/reader-text/quote-pieces.ts';

const source = (name: string): string => readFileSync(`data/sources/${name}.txt`, 'utf8');
const REPORT = source('2025_bao-cao-ktxh-2021-2025_phuong-huong-2026-2030');
const STUDY = source('2020-11_tai-lieu-hoc-tap-nghi-quyet-dai-hoi-xvii');
const NEWS = source('2023-08_tin-tong-bi-thu-lam-viec-tai-lang-son');

const around = (raw: string, needle: string, width = 30): [number, number] => {
  const at = raw.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  return [Math.max(0, at - width), at + needle.length + width];
};
const plain = (pieces: readonly QuotePiece[]): string =>
  pieces.map((piece) => (piece.reference === null ? piece.text : `[^${piece.reference}]`)).join('');

describe('a quoted sentence: footnote references apart, never glued to the word', () => {
  it('raises the "1" of "6,79%1" in the 5-year report as footnote 1, the figure untouched', () => {
    const [start, end] = around(REPORT, '6,79%1, trong đó');
    const text = plain(quotePieces(REPORT, start, end, footnoteReferences(REPORT)));
    expect(text).toContain('6,79%[^1], trong đó');
    expect(text).not.toMatch(/6,79%1/u);
  });

  it('raises <sup>3</sup> of the study document as footnote 3 without its tags', () => {
    const [start, end] = around(STUDY, 'chưa đạt<sup>3</sup>');
    const text = plain(
      quotePieces(STUDY, start, end, footnoteReferences(STUDY), markdownMarkup(STUDY).hidden),
    );
    expect(text).toContain('chưa đạt[^3]. Tái cơ cấu');
    expect(text).not.toContain('<sup>');
  });

  it('finds a reference for every footnote the report still marks (55 of its 56: 34 is fused into "COVID-1934")', () => {
    const numbers = footnoteReferences(REPORT).map((reference) => reference.number);
    expect(numbers.length).toBe(55);
    expect(numbers).not.toContain(34);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('takes no number for a footnote unless it is the footnote due there', () => {
    expect(footnoteReferences(NEWS)).toEqual([]);
    // "Covid-19" ends in digits glued to a word, but 19 is not the footnote due there.
    const [start, end] = around(REPORT, 'đại dịch Covid-19 kéo', 0);
    expect(plain(quotePieces(REPORT, start, end, footnoteReferences(REPORT)))).toBe('đại dịch Covid-19 kéo');
  });

  it('collapses white space and leaves out Markdown markers', () => {
    const raw = 'với **phương  châm**\n"Đoàn kết"';
    expect(plain(quotePieces(raw, 0, raw.length, [], markdownMarkup(raw).hidden))).toBe(
      'với phương châm "Đoàn kết"',
    );
  });
});
