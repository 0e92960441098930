import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../renderer/src/features/documents/document-layout.ts';
import { runPieces, type TextPiece } from '../../../renderer/src/features/documents/text-pieces.ts';
import { markdownMarkup } from '../../../renderer/src/lib/reader-text/markdown-markup.ts';

const STUDY = readFileSync('data/sources/2020-11_tai-lieu-hoc-tap-nghi-quyet-dai-hoi-xvii.txt', 'utf8');

/** The text a reader shows for a raw range: hidden markers left out. */
const shown = (pieces: readonly TextPiece[]): string =>
  pieces
    .filter((piece) => !piece.hidden)
    .map((piece) => piece.text)
    .join('');

describe('Markdown in the reader: formatting, not markers', () => {
  it('finds bold, italic and heading markup by raw offsets', () => {
    const raw = '# Tiêu đề\n\nvới **phương châm** và *ghi chú*, 5*3 = 15\n';
    const markup = markdownMarkup(raw);
    expect(markup.bold.map((range) => raw.slice(range.start, range.end))).toEqual(['phương châm']);
    expect(markup.italic.map((range) => raw.slice(range.start, range.end))).toEqual(['ghi chú']);
    expect(markup.headings.map((range) => raw.slice(range.start, range.end))).toEqual(['Tiêu đề']);
    expect(markup.hidden.map((range) => raw.slice(range.start, range.end))).toEqual([
      '# ',
      '**',
      '**',
      '*',
      '*',
    ]);
  });

  it('leaves unpaired stars and emphasis across a blank line alone', () => {
    const raw = 'a ** b\n\nc** d';
    const markup = markdownMarkup(raw);
    expect(markup.bold).toEqual([]);
    expect(markup.hidden).toEqual([]);
  });

  it('shows the study document without a single "**" and with its bold words bold', () => {
    const layout = layoutDocument(STUDY);
    const markup = markdownMarkup(STUDY);
    const all = layout.blocks.flatMap((block) =>
      block.runs.flatMap((run) => runPieces(STUDY, run, [], null, layout.references, markup)),
    );
    expect(shown(all)).not.toContain('**');
    const boldText = all.filter((piece) => piece.bold && !piece.hidden).map((piece) => piece.text);
    expect(boldText).toContain('phương châm');
    expect(boldText).toContain('TÀI LIỆU HỌC TẬP');
    const headings = layout.blocks.filter((block) => block.kind === 'heading');
    expect(headings.map((block) => STUDY.slice(block.runs[0]!.start, block.runs[0]!.end))).toContain(
      'LỜI GIỚI THIỆU',
    );
  });

  it('keeps a figure inside bold text at its raw offsets', () => {
    const raw = 'Tăng trưởng **đạt 6,79%** năm 2020';
    const start = raw.indexOf('6,79%');
    const mark = {
      obsId: 'o',
      start,
      end: start + 5,
      sentenceStart: 0,
      sentenceEnd: raw.length,
      indicator: 'GRDP',
      catalogued: true,
    };
    const pieces = runPieces(raw, { start: 0, end: raw.length }, [mark], null, [], markdownMarkup(raw));
    const figure = pieces.find((piece) => piece.figure);
    expect(figure).toMatchObject({ text: '6,79%', start, end: start + 5, bold: true, hidden: false });
    expect(shown(pieces)).toBe('Tăng trưởng đạt 6,79% năm 2020');
    // Pieces still tile the raw run, so a selection maps back exactly.
    expect(pieces.map((piece) => piece.start)).toEqual([0, 12, 14, start, start + 5, start + 7]);
  });
});
