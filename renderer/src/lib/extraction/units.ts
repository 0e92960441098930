import { unitSpelling } from '../units/unit-spelling.ts';
import { LEXICON, lexiconRegex, loosePhrase } from './lexicon.ts';

/** A unit as it may be written after a number, and its normalised spelling. */
interface UnitForm {
  pattern: string;
  unit: string;
}

// Longest forms first, so `nghìn tỷ đồng` wins over `tỷ đồng`. Patterns are matched on NFC lower case.
const UNIT_FORMS: readonly UnitForm[] = [
  ['nghìn tỷ đồng', 'nghìn tỷ đồng'],
  ['ngàn tỷ đồng', 'nghìn tỷ đồng'],
  ['triệu tỷ đồng', 'triệu tỷ đồng'],
  ['tỷ đồng', 'tỷ đồng'],
  ['tỉ đồng', 'tỷ đồng'],
  ['triệu đồng/người/tháng', 'triệu đồng/người/tháng'],
  ['triệu đồng/người/năm', 'triệu đồng/người/năm'],
  ['triệu đồng/người', 'triệu đồng/người'],
  ['triệu đồng', 'triệu đồng'],
  ['nghìn đồng', 'nghìn đồng'],
  ['đồng', 'đồng'],
  ['tỷ usd', 'tỷ USD'],
  ['triệu usd', 'triệu USD'],
  ['nghìn usd', 'nghìn USD'],
  ['usd/người', 'USD'],
  ['usd', 'USD'],
  ['đô la mỹ', 'USD'],
  ['nghìn lượt người', 'nghìn lượt'],
  ['nghìn lượt khách', 'nghìn lượt'],
  ['nghìn lượt', 'nghìn lượt'],
  ['triệu lượt khách', 'triệu lượt'],
  ['triệu lượt', 'triệu lượt'],
  ['lượt người', 'lượt người'],
  ['lượt khách', 'lượt'],
  ['lượt', 'lượt'],
  ['nghìn ha', 'nghìn ha'],
  ['ha', 'ha'],
  ['héc ta', 'ha'],
  ['km2', 'km2'],
  ['km', 'km'],
  ['nghìn tấn', 'nghìn tấn'],
  ['triệu tấn', 'triệu tấn'],
  ['tấn/năm', 'tấn'],
  ['tấn', 'tấn'],
  ['mw', 'MW'],
  ['kg', 'kg'],
  ['m²', 'm2'],
  ['m3', 'm3'],
  ['m2', 'm2'],
  ['m', 'm'],
  ['bác sĩ/vạn dân', 'bác sĩ/vạn dân'],
  ['bác sỹ/vạn dân', 'bác sĩ/vạn dân'],
  ['bác sĩ trên 1 vạn dân', 'bác sĩ/vạn dân'],
  ['bác sỹ trên 1 vạn dân', 'bác sĩ/vạn dân'],
  ['bác sĩ', 'bác sĩ/vạn dân'],
  ['bác sỹ', 'bác sĩ/vạn dân'],
  ['giường bệnh/vạn dân', 'giường/vạn dân'],
  ['giường bệnh trên 1 vạn dân', 'giường/vạn dân'],
  ['giường bệnh trên vạn dân', 'giường/vạn dân'],
  ['giường bệnh', 'giường/vạn dân'],
  ['tiêu chí/xã', 'tiêu chí/xã'],
  ['nghìn lao động', 'nghìn lao động'],
  ['nghìn người', 'nghìn người'],
  ['nghìn con', 'nghìn con'],
  ['triệu con', 'triệu con'],
  ['nghìn hộ', 'nghìn hộ'],
  ['triệu người', 'triệu người'],
  ['lần', 'lần'],
  ['bậc', 'bậc'],
  ['điểm', 'điểm'],
].map(([pattern, unit]) => ({ pattern: pattern as string, unit: unit as string }));

const UNIT_REGEX = new RegExp(
  // A digit right after a unit is a footnote marker ("tỷ USD13"), not part of the unit.
  `^\\s*(?:${UNIT_FORMS.map((form) => loosePhrase(form.pattern)).join('|')})(?![\\p{L}])`,
  'iu',
);
// Nouns counted by a bare number (lexicon.json countNouns); the unit is the noun as written.
const COUNT_REGEX = lexiconRegex('countNouns', '^\\s*');
// Nouns after a number that make it structure, not a statistic: "5 năm", "3 sao", "2 cấp".
const NON_STATISTIC_REGEX = lexiconRegex('nonStatisticNouns', '^\\s*', '(?![\\d/])');

export interface UnitMatch {
  unit: string;
  /** Characters consumed after the number (leading spaces included). */
  length: number;
  kind: 'measure' | 'count' | 'percent';
}

/** The unit written right after a number, if any: `%`, a measure unit, or a counted noun. */
export function readUnit(after: string): UnitMatch | null {
  const percent = /^\s?%/.exec(after);
  if (percent) return { unit: '%', length: percent[0].length, kind: 'percent' };
  const measure = UNIT_REGEX.exec(after);
  const longerCount = COUNT_REGEX.exec(after);
  // "điểm trường" is a counted noun, not the unit "điểm".
  if (measure && !(longerCount && longerCount[0].length > measure[0].length)) {
    const written = measure[0].trim().toLowerCase().replace(/\s+/g, ' ');
    const form = UNIT_FORMS.find((candidate) => candidate.pattern === written);
    return { unit: form?.unit ?? written, length: measure[0].length, kind: 'measure' };
  }
  // A scale word before a counted noun: "72,2 nghìn lao động", "5 triệu con".
  const scale = /^\s*(nghìn|ngàn|triệu|tỷ|vạn)(?=\s)/iu.exec(after);
  const count = COUNT_REGEX.exec(scale ? after.slice(scale[0].length) : after);
  if (count) {
    const noun = nounAsWritten(count[0]);
    return {
      unit: scale ? `${scale[1]?.toLowerCase()} ${noun}` : noun,
      length: (scale?.[0].length ?? 0) + count[0].length,
      kind: 'count',
    };
  }
  return null;
}

/** True when the words after a number say it counts structure (years, stars, levels), not a statistic. */
export function isNonStatisticNoun(after: string): boolean {
  return NON_STATISTIC_REGEX.test(after) && !readUnit(after);
}

// An abbreviation keeps its capitals ("340 TTHC"); any other noun is written in lower case, in the
// one spelling of its tone marks ("thoả thuận" is "thỏa thuận").
function nounAsWritten(written: string): string {
  const noun = written.trim().replace(/\s+/g, ' ');
  return /^\p{Lu}{2,}$/u.test(noun) ? noun : unitSpelling(noun.toLowerCase());
}

// A word of the noun phrase after a count: lower-case letters, ended by space or punctuation.
const NEXT_WORD = /^\s+(\p{Ll}+)(?=[\s,.;:)]|$)/u;
// Words that are no counted noun (lexicon notCountedWords); after the first word of the phrase also
// the first syllable of a verb ends it ("… 12 cháu được", "… 30 em tham gia").
const NOT_COUNTED = new Set(LEXICON.notCountedWords);
const VERB_START = new Set([...LEXICON.doneVerbs, ...LEXICON.flowVerbs].map((verb) => verb.split(' ')[0]));

/**
 * The noun a count counts when the lexicon does not know it, by grammar: Vietnamese writes the
 * few one-syllable counted nouns (lexicon countNouns) and an open class of two-syllable compounds
 * ("545.645 tài khoản", "3.273 đối tượng"), so an unknown noun is its first two words, or its only one.
 */
export function countedNounAfter(after: string): { unit: string; length: number } | null {
  if (isNonStatisticNoun(after)) return null;
  const first = NEXT_WORD.exec(after);
  if (!first?.[1] || NOT_COUNTED.has(first[1])) return null;
  const rest = after.slice(first[0].length);
  const second = NEXT_WORD.exec(rest);
  if (!second?.[1] || NOT_COUNTED.has(second[1]) || VERB_START.has(second[1]) || isNonStatisticNoun(rest))
    return { unit: unitSpelling(first[1]), length: first[0].length };
  return { unit: unitSpelling(`${first[1]} ${second[1]}`), length: first[0].length + second[0].length };
}
