import { NUMBER_PATTERN, parseVietnameseNumber } from './vietnamese-number.ts';
import { countedNounAfter, isNonStatisticNoun, readUnit } from './units.ts';

/** A number expression found in text, before any reading of what it means. */
export interface Mention {
  /** `[start, end)` of the expression (numbers, range, unit) in the scanned text. */
  start: number;
  end: number;
  /** End of the numbers alone, before the unit. */
  numberEnd: number;
  low: number;
  high: number;
  unit: string;
  unitKind: 'percent' | 'measure' | 'count' | 'none';
  denominator: number | null;
}

/**
 * A number expression. Not glued to a letter, a dash or another number: `trước2`, `6,79%1` and
 * `Covid-19` are not figures. "179 đoàn/1.623 công chức": a slash after a word starts a second
 * figure; after a number, a denominator. Every match starts with a digit: the leading `(?=\d)`
 * lets the engine skip to digits instead of testing the lookbehinds at every character (4× faster
 * on the corpus, the same matches).
 */
export const MENTION = new RegExp(
  String.raw`(?=\d)(?<![\p{L}\d.,%)\]\u2063-])(?:(?<!\/)|(?<=\d\s+(?!tuổi)\p{L}+\/))(${NUMBER_PATTERN})(\s?%)?` +
    String.raw`(?:(?:\s*[-–—]\s*|\s+(?:đến|tới)\s+)(${NUMBER_PATTERN}))?` +
    String.raw`(?:\s*\/\s*(${NUMBER_PATTERN}))?`,
  'gu',
);

const YEAR_LIKE = /^(?:19|20)\d{2}$/;
// "xếp hạng 16/63", "đứng thứ 9", "nhóm 10 tỉnh": a place in a ranking.
const RANK_BEFORE =
  /(?:xếp\s+hạng|xếp\s+thứ|đứng\s+thứ|thứ\s+hạng|(?:thuộc|trong|vào)\s+(?:nhóm|top|tốp))\s*(?:thứ\s*)?$/iu;
// "tuổi thọ … 73,5 - 74 tuổi": a life expectancy is a figure; "trẻ em từ 3 đến 5 tuổi" names a group.
const AGE = /^\s*tuổi(?!\p{L})/iu;
const LIFE_EXPECTANCY_BEFORE = /tuổi thọ[^.;]{0,60}$/iu;

/** Number expressions in `text` that could be statistics (years, structure counts and bare names excluded). */
export function scanMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const match of text.matchAll(MENTION)) {
    const [whole, first = '', percent, second, denominatorText] = match;
    const low = parseVietnameseNumber(first);
    if (low === null) continue;
    const high = second === undefined ? low : parseVietnameseNumber(second);
    if (high === null) continue;
    const denominator = denominatorText === undefined ? null : parseVietnameseNumber(denominatorText);
    const numberEnd = match.index + whole.length;
    let end = numberEnd;
    const after = text.slice(end, end + 60);
    let unit = '';
    let unitKind: Mention['unitKind'] = 'none';
    if (percent) {
      unit = '%';
      unitKind = 'percent';
    } else {
      const read = readUnit(after);
      const age = AGE.exec(after);
      if (read) {
        unit = read.unit;
        unitKind = read.kind;
        end += read.length;
      } else if (age && LIFE_EXPECTANCY_BEFORE.test(text.slice(Math.max(0, match.index - 80), match.index))) {
        unit = 'tuổi';
        unitKind = 'measure';
        end += age[0].length;
      } else if (RANK_BEFORE.test(text.slice(Math.max(0, match.index - 24), match.index))) {
        unit = 'hạng';
        unitKind = 'count';
      } else {
        // "05 sở", "238 bị can": any noun after a count is what it counts (grammar, not a closed list).
        const noun = countedNounAfter(after);
        if (noun && Number.isInteger(low) && !YEAR_LIKE.test(first)) {
          unit = noun.unit;
          unitKind = 'count';
          end += noun.length;
        }
      }
    }
    if (!Number.isFinite(low) || !Number.isFinite(high)) continue;
    // "17.096/22.646" counts part of a whole.
    if (unitKind === 'none' && denominator !== null) unitKind = 'count';
    const isYear =
      YEAR_LIKE.test(first) && (second === undefined || YEAR_LIKE.test(second)) && unitKind !== 'measure';
    if (isYear && unitKind !== 'count') continue;
    if (unitKind === 'none' && denominator === null && isNonStatisticNoun(after)) continue;
    // A small bare integer with no unit is a name or a number in a name ("Hợp Thành 1, 2", "Trung ương 4").
    if (
      unitKind === 'none' &&
      denominator === null &&
      Number.isInteger(low) &&
      low < 1000 &&
      !/,/.test(first)
    )
      continue;
    // A range whose ends are out of order is two numbers, not a range (e.g. "2 - 1").
    if (high < low) continue;
    mentions.push({ start: match.index, end, numberEnd, low, high, unit, unitKind, denominator });
  }
  return mentions;
}

/**
 * The mentions that overlap no blocked range: the same as testing each mention against every
 * range, in O((mentions + ranges) log ranges) rather than their product (a 10 MB text has tens
 * of thousands of both).
 */
export function outsideRanges(mentions: readonly Mention[], ranges: readonly [number, number][]): Mention[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  // furthestEnd[k]: the largest end among the k ranges that start first.
  const furthestEnd = new Float64Array(sorted.length + 1).fill(-Infinity);
  for (let k = 0; k < sorted.length; k++) furthestEnd[k + 1] = Math.max(furthestEnd[k]!, sorted[k]![1]);
  return mentions.filter((mention) => {
    // The ranges starting before the mention ends; one of them overlaps it when it ends after its start.
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle]![0] < mention.end) low = middle + 1;
      else high = middle;
    }
    return !(furthestEnd[low]! > mention.start);
  });
}
