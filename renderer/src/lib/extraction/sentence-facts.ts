import { insideCriteriaNote } from './choose-period.ts';
import { findPeriods, type PeriodMention } from './periods.ts';

/**
 * What a sentence's figures all ask of it, found once per sentence instead of once per figure:
 * its written periods, and where each cue word stands (sorted offsets), so that a figure's
 * question about the text before it runs only from the cue word on, or not at all.
 */
export interface SentenceFacts {
  sentence: string;
  /** Every period written in the sentence, earliest first (findPeriods). */
  periods: readonly PeriodMention[];
  /** The periods written in the sentence, less those naming the criteria of a count. */
  written: readonly PeriodMention[];
  /** Every match of `word` (a global regex) as [start, end] offsets, earliest first. */
  offsets(word: RegExp): readonly (readonly [number, number])[];
}

// The figures of one sentence are read one after another: one sentence's facts are kept.
let latest: SentenceFacts | null = null;

/** The facts of `sentence`, computed when it is not the sentence asked about last. */
export function sentenceFacts(sentence: string): SentenceFacts {
  if (latest?.sentence === sentence) return latest;
  const found = new Map<RegExp, [number, number][]>();
  const periods = findPeriods(sentence);
  latest = {
    sentence,
    periods,
    written: periods.filter((period) => !insideCriteriaNote(sentence, period)),
    offsets(word) {
      let starts = found.get(word);
      if (!starts) {
        starts = [];
        // Overlapping matches count too: every offset where the word starts.
        word.lastIndex = 0;
        for (let match = word.exec(sentence); match; match = word.exec(sentence)) {
          starts.push([match.index, match.index + match[0].length]);
          word.lastIndex = match.index + 1;
        }
        found.set(word, starts);
      }
      return starts;
    },
  };
  return latest;
}

/**
 * `pattern.test(sentence.slice(0, end))` for a pattern whose every match starts with a match of
 * `word` and that looks behind nothing: the text before the first such word cannot hold a match.
 */
export function testBefore(facts: SentenceFacts, word: RegExp, pattern: RegExp, end: number): boolean {
  const first = facts.offsets(word)[0]?.[0];
  if (first === undefined || first >= end) return false;
  return pattern.test(facts.sentence.slice(first, end));
}

/**
 * `pattern.test(sentence.slice(0, end))` for a pattern anchored at the end (`…$`) whose match
 * starts with `word` and cannot hold it again: only the last such word ending by `end` can start it.
 */
export function testEndingBefore(facts: SentenceFacts, word: RegExp, pattern: RegExp, end: number): boolean {
  const last = lastEndingBy(facts.offsets(word), end);
  if (last === undefined) return false;
  return pattern.test(facts.sentence.slice(last, end));
}

/** The start of the last match ending by `end` (binary search: a word's matches end in order). */
function lastEndingBy(matches: readonly (readonly [number, number])[], end: number): number | undefined {
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((matches[middle]?.[1] ?? 0) <= end) low = middle + 1;
    else high = middle;
  }
  return low > 0 ? matches[low - 1]?.[0] : undefined;
}
