/** A part of a year the text names ("9 tháng", "quý I/2023", "năm học 2024 - 2025"). */
export interface SubYearMention {
  start: number;
  end: number;
  /** The `period_note` it gives, as written with white space collapsed. */
  note: string;
  /** The year it falls in, when written. */
  year: number | null;
}

const YEAR = String.raw`((?:19|20)\d{2})`;

// Each rule: a pattern, the group holding the note, the group holding the year (0 = none).
const SUB_YEAR_RULES: readonly { name: string; pattern: RegExp; note: number; year: number }[] = [
  {
    name: 'school_year',
    pattern: new RegExp(String.raw`(năm học\s+${YEAR}\s*[-–]\s*(?:19|20)\d{2})`, 'giu'),
    note: 1,
    year: 2,
  },
  {
    name: 'quarter',
    pattern: new RegExp(String.raw`(quý\s+(?:I{1,3}|IV|[1-4]))(?:\s*(?:\/|năm)\s*${YEAR})?`, 'giu'),
    note: 1,
    year: 2,
  },
  {
    name: 'months_of_the_year',
    pattern: new RegExp(
      String.raw`(?<![\p{L}\d])((?:0?[1-9]|1[01])\s+tháng(?:\s+(?:đầu|cuối)\s+năm)?)(?:\s+(?:năm\s+)?${YEAR})?`,
      'giu',
    ),
    note: 1,
    year: 2,
  },
];

const SUB_YEAR_WORD = /năm học|quý|tháng/iu;
// The figures of one sentence are read one after another: its first sub-year word is kept.
let wordSentence: string | null = null;
let wordOffset = -1;

/** Where the first word any sub-year rule needs stands in the sentence (-1: nowhere). */
function firstSubYearWord(sentence: string): number {
  if (wordSentence !== sentence) {
    wordSentence = sentence;
    wordOffset = sentence.search(SUB_YEAR_WORD);
  }
  return wordOffset;
}

/** Every sub-year period named in a piece of text, earliest first. */
export function findSubYears(text: string): SubYearMention[] {
  const found: SubYearMention[] = [];
  for (const rule of SUB_YEAR_RULES) {
    for (const match of text.matchAll(rule.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((other) => other.start < end && start < other.end)) continue;
      const note = (match[rule.note] ?? '').replace(/\s+/g, ' ').trim();
      const year = rule.year > 0 && match[rule.year] ? Number(match[rule.year]) : null;
      // "Quý I", "Năm học …" open a sentence: the note is written in lower case, numerals kept.
      found.push({ start, end, note: note.charAt(0).toLowerCase() + note.slice(1), year });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The sub-year period a figure at `offset` of its sentence falls in: the nearest one named before
 * it in the sentence, unless a whole year or period is named between them.
 */
export function subYearBefore(
  sentence: string,
  offset: number,
  wholePeriodStarts: readonly number[],
): SubYearMention | null {
  // Every rule's match holds one of these words: with none before the figure, none is named.
  const first = firstSubYearWord(sentence);
  if (first < 0 || first >= offset) return null;
  const before = findSubYears(sentence.slice(0, offset)).at(-1);
  if (!before) return null;
  // "9 tháng năm 2025 …, cả năm 2025 …": a whole period named later takes over.
  const overridden = wholePeriodStarts.some((start) => start >= before.end && start < offset);
  return overridden ? null : before;
}
