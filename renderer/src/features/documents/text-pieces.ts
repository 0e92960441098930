import type { FigureMark } from './document-queries.ts';

/** A run of document text: plain, inside the focused sentence, or a figure. */
export interface TextPiece {
  text: string;
  start: number;
  figure: FigureMark | null;
  inSentence: boolean;
}

/**
 * Cuts a document's text into pieces at figure spans and at the focused sentence's bounds, so the
 * reader can highlight every figure and the one sentence a user came to see.
 */
export function textPieces(
  text: string,
  marks: readonly FigureMark[],
  sentence: [number, number] | null,
): TextPiece[] {
  const cuts = new Set<number>([0, text.length]);
  for (const mark of marks) {
    cuts.add(Math.max(0, Math.min(text.length, mark.start)));
    cuts.add(Math.max(0, Math.min(text.length, mark.end)));
  }
  if (sentence) {
    cuts.add(Math.max(0, Math.min(text.length, sentence[0])));
    cuts.add(Math.max(0, Math.min(text.length, sentence[1])));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: TextPiece[] = [];
  let markIndex = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    if (end <= start) continue;
    while (markIndex < marks.length && (marks[markIndex] as FigureMark).end <= start) markIndex++;
    const mark = marks[markIndex];
    const figure = mark && mark.start <= start && end <= mark.end ? mark : null;
    pieces.push({
      text: text.slice(start, end),
      start,
      figure,
      inSentence: sentence !== null && start >= sentence[0] && end <= sentence[1],
    });
  }
  return pieces;
}
