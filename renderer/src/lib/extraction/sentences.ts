/** A sentence of a segment: `[start, end)` in the segment's text, with its clauses. */
export interface Sentence {
  start: number;
  end: number;
  /** Clause starts (segment offsets), first equal to `start`: clauses split at `;`, `:` and "nhưng". */
  clauseStarts: number[];
}

const SENTENCE_BREAK = /\n|[.!?…](?=\s+[\p{Lu}\d(\-+•–])/gu;
const NUMBERING_ONLY = /^\s*(?:[-+•]\s*)?(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,5}|[a-zđ]|Điều\s+\d+)\.$/u;
const CLAUSE_BREAK = /[;:]\s*|,?\s+(?=nhưng\s)/gu;
/** Longest "sentence" read as one: longer runs (a 1 MB line with no full stop) are cut at clauses. */
export const MAX_SENTENCE_LENGTH = 2000;
// Where an over-long run may be cut, best first: a clause mark, a comma, any space.
const CUT_POINTS = [/[;:]\s/gu, /,\s/gu, /\s/gu];

/** Splits text into sentences at line boundaries and sentence-final punctuation. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number): void => {
    let from = start;
    while (from < end && /\s/.test(text[from] ?? '')) from++;
    while (end - from > MAX_SENTENCE_LENGTH) {
      const cut = cutPoint(text, from, from + MAX_SENTENCE_LENGTH);
      sentences.push({ start: from, end: cut, clauseStarts: clauseStarts(text, from, cut) });
      from = cut;
      while (from < end && /\s/.test(text[from] ?? '')) from++;
    }
    if (end > from) sentences.push({ start: from, end, clauseStarts: clauseStarts(text, from, end) });
  };
  for (const match of text.matchAll(SENTENCE_BREAK)) {
    // "2.3. Các chỉ tiêu chủ yếu": the dot after a section number does not end a sentence.
    if (match[0] !== '\n' && NUMBERING_ONLY.test(text.slice(start, match.index + 1))) continue;
    const end = match.index + (match[0] === '\n' ? 0 : 1);
    push(end);
    start = match.index + match[0].length;
  }
  push(text.length);
  return sentences;
}

/** The last good place to cut `[from, limit)`: after a clause mark, a comma or a space, else at `limit`. */
function cutPoint(text: string, from: number, limit: number): number {
  const window = text.slice(from, limit);
  for (const pattern of CUT_POINTS) {
    const last = [...window.matchAll(pattern)].at(-1);
    // A cut in the first half would leave pieces too small to read; try a weaker mark instead.
    if (last && last.index > window.length / 2) return from + last.index + 1;
  }
  return limit;
}

function clauseStarts(text: string, start: number, end: number): number[] {
  const starts = [start];
  const body = text.slice(start, end);
  for (const match of body.matchAll(CLAUSE_BREAK)) starts.push(start + match.index + match[0].length);
  return starts;
}

/** The start of the clause containing `offset`. */
export function clauseStartAt(sentence: Sentence, offset: number): number {
  let found = sentence.start;
  for (const start of sentence.clauseStarts) if (start <= offset) found = start;
  return found;
}

/** Where the clause containing `offset` ends: the next clause's start, or the sentence's end. */
export function clauseEndAfter(sentence: Sentence, offset: number): number {
  return sentence.clauseStarts.find((start) => start > offset) ?? sentence.end;
}
