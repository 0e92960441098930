import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  layoutDocument,
  type ReaderBlock,
} from '../../../renderer/src/features/documents/document-layout.ts';
import { runPieces } from '../../../renderer/src/features/documents/text-pieces.ts';
import { parse } from 'csv-parse/sync';

const SOURCES = 'data/sources';
const REPORT = '2025_bao-cao-ktxh-2021-2025_phuong-huong-2026-2030';
const readWarehouseCsv = (table: string): Record<string, string>[] =>
  parse(readFileSync(`data/warehouse/${table}.csv`, 'utf8'), { columns: true }) as Record<string, string>[];
const read = (docId: string): string => readFileSync(join(SOURCES, `${docId}.txt`), 'utf8');

/** A block as a reader sees it: its runs' text, joined by spaces. */
function shown(raw: string, block: ReaderBlock): string {
  return block.runs
    .map((run) =>
      runPieces(raw, run, [], null)
        .map((piece) => piece.text)
        .join(''),
    )
    .join(' ');
}

describe('the document reader keeps paragraphs and footnotes', () => {
  it('joins hard-wrapped lines into one paragraph, without the blank lines between them', () => {
    const raw = read('2025-09_dai-hoi-xviii_thong-bao-nhanh');
    const { blocks } = layoutDocument(raw);
    const time = blocks.find((block) =>
      shown(raw, block).startsWith('Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVIII'),
    )!;
    expect(time.kind).toBe('paragraph');
    expect(shown(raw, time)).toContain('tại Trung tâm Hội nghị tỉnh Lạng Sơn. Phiên trù bị bắt đầu');
    expect(shown(raw, time)).not.toMatch(/\n/);
    // A list item starts its own paragraph.
    expect(
      blocks.some((block) => shown(raw, block).startsWith('- Đại biểu chính thức: Đại hội có mặt 398/398')),
    ).toBe(true);
  });

  it('keeps a footnote apart and its reference off the word it is glued to ("lượng30")', () => {
    const raw = read(REPORT);
    const { blocks, references } = layoutDocument(raw);
    const glued = raw.indexOf('chất lượng30;');
    const reference = references.find((candidate) => candidate.number === 30)!;
    expect(reference.start).toBe(glued + 'chất lượng'.length);
    expect(raw.slice(reference.start, reference.end)).toBe('30');
    const paragraph = blocks.find((block) =>
      block.runs.some((run) => run.start <= glued && glued < run.end),
    )!;
    expect(paragraph.kind).toBe('paragraph');
    const run = paragraph.runs.find((candidate) => candidate.start <= glued && glued < candidate.end)!;
    const pieces = runPieces(raw, run, [], null, references);
    const at = pieces.findIndex((piece) => piece.reference === 30);
    expect(pieces[at]?.text).toBe('30');
    expect(pieces[at - 1]?.text.endsWith('chất lượng')).toBe(true);
    // The numbered heading above it stands on its own.
    expect(
      blocks.some((block) => shown(raw, block) === '2.1. Giáo dục - đào tạo và phát triển nguồn nhân lực'),
    ).toBe(true);
    const footnote = blocks.find((block) => block.kind === 'footnote' && block.footnote === 30)!;
    expect(footnote).toBeDefined();
    expect(shown(raw, footnote)).not.toMatch(/^30/);
    // The footnote's text is not inside any paragraph.
    const footnoteStart = footnote.runs[0]!.start;
    expect(
      blocks.some(
        (block) =>
          block.kind === 'paragraph' &&
          block.runs.some((r) => r.start <= footnoteStart && footnoteStart < r.end),
      ),
    ).toBe(false);
  });

  it('shows every figure of every document in some run (tables included)', () => {
    const observations = readWarehouseCsv('observations');
    for (const file of readdirSync(SOURCES).filter((name) => name.endsWith('.txt'))) {
      const docId = file.replace(/\.txt$/, '');
      const raw = read(docId);
      const runs = layoutDocument(raw)
        .blocks.flatMap((block) => block.runs)
        .sort((a, b) => a.start - b.start);
      const figures = observations.filter((row) => row.doc_id === docId);
      expect(figures.length).toBeGreaterThan(0);
      // A figure wrapped over two lines ("745 tổ ⏎ chức") spans two runs: its first and last characters are shown.
      const shows = (offset: number): boolean => runs.some((run) => run.start <= offset && offset < run.end);
      const lost = figures.filter(
        (row) => !shows(Number(row.char_start)) || !shows(Number(row.char_end) - 1),
      );
      expect(
        lost.map((row) => `${row.obs_id} ${raw.slice(Number(row.char_start), Number(row.char_end))}`),
      ).toEqual([]);
    }
  });

  it('lays out an empty or one-line text without failing', () => {
    expect(layoutDocument('').blocks).toEqual([]);
    const one = layoutDocument('Một dòng.');
    expect(one.blocks).toHaveLength(1);
    expect(one.references).toEqual([]);
  });
});
