import {
  normaliseQuote,
  sentenceKey,
  type FigureIdentity,
  type IdentifiedFigure,
} from './figure-identity.ts';

export type MatchKind = 'exact' | 'sentence';

/** Finds the one figure an identity names: by bytes and span first, then by its sentence. */
export class FigureMatcher {
  #bySpan = new Map<string, IdentifiedFigure>();
  #bySentence = new Map<string, IdentifiedFigure[]>();

  constructor(figures: readonly IdentifiedFigure[]) {
    for (const figure of figures) {
      this.#bySpan.set(
        spanKey(figure.doc_sha256, figure.char_start, figure.char_end, figure.number_text),
        figure,
      );
      const key = sentenceKey(figure.doc_id, figure.quote, figure.number_text);
      const group = this.#bySentence.get(key) ?? [];
      group.push(figure);
      this.#bySentence.set(key, group);
    }
  }

  /** The figure, and how it was found; null when it can no longer be found (an orphan). */
  find(identity: FigureIdentity): { figure: IdentifiedFigure; match: MatchKind } | null {
    const exact = this.#bySpan.get(
      spanKey(identity.doc_sha256, identity.char_start, identity.char_end, identity.number_text),
    );
    if (exact) return { figure: exact, match: 'exact' };
    const group = this.#bySentence.get(sentenceKey(identity.doc_id, identity.quote, identity.number_text));
    if (!group) return null;
    // The same one of the sentence's equal numbers, counted in the text.
    const figure = group.find((candidate) => candidate.occurrence === identity.occurrence);
    return figure ? { figure, match: 'sentence' } : null;
  }
}

function spanKey(sha256: string, start: number, end: number, numberText: string): string {
  return `${sha256}:${start}:${end}:${numberText}`;
}

/**
 * Where an added figure's number now is in a changed document: the occurrence of its number text
 * nearest its old offset whose neighbourhood still holds its sentence; null when none does.
 */
export function relocateSpan(identity: FigureIdentity, text: string): { start: number; end: number } | null {
  const sentence = normaliseQuote(identity.quote);
  const reach = Math.max(400, sentence.length * 2);
  let best: number | null = null;
  for (
    let at = text.indexOf(identity.number_text);
    at >= 0;
    at = text.indexOf(identity.number_text, at + 1)
  ) {
    const around = normaliseQuote(text.slice(Math.max(0, at - reach), at + reach));
    if (!around.includes(sentence)) continue;
    if (best === null || Math.abs(at - identity.char_start) < Math.abs(best - identity.char_start)) best = at;
  }
  return best === null ? null : { start: best, end: best + identity.number_text.length };
}

/**
 * Figures an orphaned correction may belong to now, likeliest first: the same document and number
 * text, those whose sentence is still the same before the rest, then nearest the old offset.
 */
export function reattachCandidates(
  figures: readonly IdentifiedFigure[],
  identity: FigureIdentity,
  limit = 5,
): IdentifiedFigure[] {
  const sentence = normaliseQuote(identity.quote);
  const score = (figure: IdentifiedFigure): [number, number] => [
    normaliseQuote(figure.quote) === sentence ? 0 : 1,
    Math.abs(figure.char_start - identity.char_start),
  ];
  return figures
    .filter((figure) => figure.doc_id === identity.doc_id && figure.number_text === identity.number_text)
    .map((figure) => ({ figure, score: score(figure) }))
    .sort((a, b) => a.score[0] - b.score[0] || a.score[1] - b.score[1])
    .slice(0, limit)
    .map(({ figure }) => figure);
}
