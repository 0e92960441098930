import { foldDiacritics } from '../format/fold-diacritics.ts';
import { withoutFootnoteRefs } from './clean-line.ts';
import { EDGE_WORDS, LEADING_WORDS, MAX_NAME_WORDS, PREDICATE_WORDS, UNIT_WORDS } from './indicator-names.ts';

// Markup, table pipes, quotes and list bullets: never part of a name.
const MARKUP = /[|*#$\\{}[\]<>_~^`"“”‘’«»•·+]/gu;
// Numbers with their decimals, ranges and fractions, and the years they name.
const NUMBERS = /(?:\b(?:năm|giai đoạn|nhiệm kỳ|đến|hết)\s+)?\d[\d.,/]*(?:\s*[-–]\s*\d[\d.,/]*)?\s*%?/giu;
const ROMAN_NUMERAL = /^(?:I{1,3}|IV|V|VI{1,3}|IX|X)\.?$/u;
const CLAUSE_BREAK = /[;:()?!]|\.(?=\s|$)/u;

/**
 * A short label for a figure no catalogue entry names: the head noun phrase of its subject — the
 * words opening its list item before the figure, up to the predicate — else the noun phrase after
 * the figure ("Toàn tỉnh có 303 cơ sở lưu trú du lịch"), else the unit's counted noun.
 */
export function deriveLabel(clauseBefore: string, unit: string, sentenceBefore = '', after = ''): string {
  const subject =
    headNounPhrase(lastListItem(clauseBefore)) ??
    phraseAfter(after, unit) ??
    headNounPhrase(lastListItem(sentenceBefore));
  return cleanIndicatorName(subject ?? '', unit);
}

/**
 * A name fit for a row label: no markup or stray punctuation, no numbers, no dangling function
 * words at either end, capitalised, with the unit once at the end (`… (tỷ đồng)`).
 */
export function cleanIndicatorName(name: string, unit: string): string {
  // The unit is stated once, at the end: drop any bracketed mention of it ("(ca) (ca)").
  const withoutUnit = unit ? name.split(`(${unit})`).join(' ') : name;
  let words = trimEdges(plainWords(withoutUnit));
  const cut = words.findIndex((word, i) => i >= 1 && startsPredicate(words, i));
  if (cut >= 0) words = trimEdges(words.slice(0, cut));
  if (words.length === 0) words = fallbackWords(unit);
  const joined = words.join(' ');
  // A table heading in capitals ("BÒ SỮA") reads as a row label in sentence case.
  const text = capitalise(
    joined === joined.toLocaleUpperCase('vi') ? joined.toLocaleLowerCase('vi') : joined,
  );
  const lowerUnit = unit.toLowerCase();
  const showUnit = unit !== '' && unit !== '%' && !text.toLowerCase().includes(lowerUnit);
  return showUnit ? `${text} (${unit})` : text;
}

/** "ớt 2.060 ha …, khoai tây 910 ha": in a list of figures, only the item of this one names it. */
function lastListItem(before: string): string {
  const plain = withoutFootnoteRefs(before);
  const pieces = plain.split(/[,;]/u);
  // Walk back from the last piece until one holds words, merging "nông, lâm nghiệp".
  for (let i = pieces.length - 1; i >= 0; i--) {
    const item = pieces.slice(i).join(',');
    if (plainWords(item).length >= 2) return item;
  }
  return plain;
}

/** The opening noun phrase of a stretch of text: it stops at the first predicate after its head. */
function headNounPhrase(text: string): string | null {
  const clause = text.split(CLAUSE_BREAK).at(-1) ?? '';
  let words = plainWords(clause);
  while (words.length > 0 && LEADING_WORDS.has(words[0]!.toLowerCase())) words = words.slice(1);
  const cut = words.findIndex((word, i) => i >= 1 && startsPredicate(words, i));
  if (cut >= 0) words = words.slice(0, cut);
  words = trimEdges(words).slice(0, MAX_NAME_WORDS);
  return trimEdges(words).length >= 2 ? trimEdges(words).join(' ') : null;
}

/** The noun phrase right after a figure, its unit first, when it says more than the unit. */
function phraseAfter(after: string, unit: string): string | null {
  const clause = withoutFootnoteRefs(after).split(/[,;:().]/u)[0] ?? '';
  const words = plainWords(clause);
  const cut = words.findIndex((word, i) => i >= 1 && startsPredicate(words, i));
  const phrase = trimEdges(cut >= 0 ? words.slice(0, cut) : words).slice(0, MAX_NAME_WORDS);
  const beyondUnit = phrase.join(' ').toLowerCase().replace(unit.toLowerCase(), '').trim();
  return phrase.length >= 2 && beyondUnit.length > 0 ? trimEdges(phrase).join(' ') : null;
}

function startsPredicate(words: readonly string[], at: number): boolean {
  const one = words[at]!.toLowerCase();
  const two = `${one} ${words[at + 1]?.toLowerCase() ?? ''}`;
  return PREDICATE_WORDS.has(one) || PREDICATE_WORDS.has(two);
}

/** The words of a text without markup, numbers or the unit words their numbers carried. */
function plainWords(text: string): string[] {
  const plain = withoutFootnoteRefs(text)
    .normalize('NFC')
    .replace(MARKUP, ' ')
    .replace(NUMBERS, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  const words = plain.split(' ').filter((word) => /\p{L}/u.test(word));
  // A heading's roman numeral ("II CÂY RAU") ends the name before it and opens no name.
  const numeral = words.findIndex((word) => ROMAN_NUMERAL.test(word));
  const named = numeral < 0 ? words : numeral === 0 ? words.slice(1) : words.slice(0, numeral);
  return named.map((word) => word.replace(/^[^\p{L}\d(]+|[^\p{L}\d)]+$/gu, '')).filter(balancedWord);
}

// A word with half a bracket ("(trong") loses it; one with none or both keeps them.
function balancedWord(word: string): boolean {
  return word.length > 0 && (word.match(/\(/g)?.length ?? 0) === (word.match(/\)/g)?.length ?? 0);
}

/** Drops function words and bare unit words from both ends ("và", "của", "số tiền … tỷ đồng"). */
function trimEdges(input: readonly string[]): string[] {
  let words = [...input];
  for (let pass = 0; pass < 8; pass++) {
    const before = words.length;
    while (words.length > 0 && EDGE_WORDS.has(words[0]!.toLowerCase())) words = words.slice(1);
    while (words.length > 0 && UNIT_WORDS.has(words[0]!.toLowerCase())) words = words.slice(1);
    while (words.length > 0 && EDGE_WORDS.has(words.at(-1)!.toLowerCase())) words = words.slice(0, -1);
    while (words.length > 1 && UNIT_WORDS.has(words.slice(-2).join(' ').toLowerCase()))
      words = words.slice(0, -2);
    while (words.length > 0 && UNIT_WORDS.has(words.at(-1)!.toLowerCase())) words = words.slice(0, -1);
    if (words.length === before) break;
  }
  return words;
}

/** "số liệu" named by its unit alone: "Số hợp tác xã", or "Số liệu (%)". */
function fallbackWords(unit: string): string[] {
  if (unit === '' || unit === '%' || /\d|đồng|USD|\bha\b|tấn|km|m2|m²|kg|MW/u.test(unit))
    return ['Chỉ', 'tiêu', 'chưa', 'đặt', 'tên'];
  return ['Số', ...unit.split(' ')];
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** An indicator id derived from a label: stable, ASCII, prefixed so it never collides with the catalogue. */
export function derivedIndicatorId(label: string): string {
  const slug = foldDiacritics(label)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  return `x_${slug || 'figure'}`;
}
