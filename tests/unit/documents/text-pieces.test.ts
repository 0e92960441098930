import { describe, expect, it } from 'vitest';
import { rawOffset, runPieces } from '../../../renderer/src/features/documents/text-pieces.ts';

describe('rawOffset: a point in the reader back to the document’s own offset', () => {
  const raw = 'đạt 6,79%;  hoàn thành \n\nChương trình 6.508 nhà';

  it('counts a collapsed run of white space as the one space the reader shows', () => {
    const [piece] = runPieces(raw, { start: 0, end: raw.length }, [], null);
    expect(piece?.text).toBe('đạt 6,79%; hoàn thành Chương trình 6.508 nhà');
    const shown = piece!.text.indexOf('6.508');
    const at = rawOffset(raw, piece!.start, piece!.end, shown);
    expect(raw.slice(at, at + 5)).toBe('6.508');
    expect(rawOffset(raw, 0, raw.length, piece!.text.indexOf('6,79'))).toBe(raw.indexOf('6,79'));
  });

  it('stays inside the piece', () => {
    expect(rawOffset(raw, 4, 9, 100)).toBe(9);
    expect(rawOffset(raw, 4, 9, 0)).toBe(4);
  });

  it('gives every piece its raw end, so pieces tile the run', () => {
    const marks = [
      {
        obsId: 'o',
        start: raw.indexOf('6,79'),
        end: raw.indexOf('6,79') + 5,
        sentenceStart: 0,
        sentenceEnd: 10,
        indicator: 'GRDP',
        catalogued: true,
      },
    ];
    const pieces = runPieces(raw, { start: 0, end: raw.length }, marks, null);
    expect(pieces.map((piece) => [piece.start, piece.end])).toEqual([
      [0, 4],
      [4, 9],
      [9, raw.length],
    ]);
  });
});
