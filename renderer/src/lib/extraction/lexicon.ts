import words from './lexicon.json' with { type: 'json' };

/** The reader's word lists (lexicon.json): verbs, cue words, counted nouns, non-statistics. */
export const LEXICON = words;

export type LexiconList = Exclude<keyof typeof words, '_doc'>;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** One phrase as a pattern: its spaces also match hard line breaks ("hợp ⏎⏎tác xã"). */
export function loosePhrase(phrase: string): string {
  return escape(phrase).replace(/ /g, '\\s+');
}

/** An alternation of the phrases of some lists, longest first, not glued to a following letter. */
export function phraseAlternation(...lists: LexiconList[]): string {
  const phrases = [...new Set(lists.flatMap((list) => words[list]))].sort((a, b) => b.length - a.length);
  return `(?:${phrases.map(loosePhrase).join('|')})(?![\\p{L}])`;
}

/** A case-insensitive regex of the phrases of some lists, wrapped in `before`/`after`. */
export function lexiconRegex(lists: LexiconList | LexiconList[], before = '', after = ''): RegExp {
  const names = Array.isArray(lists) ? lists : [lists];
  return new RegExp(`${before}${phraseAlternation(...names)}${after}`, 'iu');
}
