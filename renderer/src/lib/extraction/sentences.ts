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

/** Splits text into sentences at line boundaries and sentence-final punctuation. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number): void => {
    let from = start;
    while (from < end && /\s/.test(text[from] ?? '')) from++;
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
