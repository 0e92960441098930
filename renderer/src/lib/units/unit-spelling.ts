// The five Vietnamese tone marks as combining characters; the marks of ă, â, ê, ô, ơ, ư are letters, not tones.
const TONE_MARK = '[\\u0300\\u0301\\u0303\\u0309\\u0323]';

// A syllable that ends in oa, oe or uy (no final consonant or other vowel after it) with its tone on
// the second vowel, the "new" placement (hoà, khoẻ, thuỷ). After q the u is part of the consonant
// (quý, quả), so there is one vowel and one placement only. Matched on NFD text.
const TONE_ON_SECOND_VOWEL = new RegExp(
  `(?<![qQ])(?:([oO])([aAeE])|([uU])([yY]))(${TONE_MARK})(?![\\p{L}\\p{M}])`,
  'gu',
);

// Only text with one of these (NFC) can hold the new placement; the rest is returned as it is.
const MAY_HOLD_NEW_PLACEMENT = /[oO][áàảãạéèẻẽẹÁÀẢÃẠÉÈẺẼẸ]|[uU][ýỳỷỹỵÝỲỶỸỴ]/u;

/**
 * A unit (or any Vietnamese text) in the one spelling the unit table and the warehouse use: NFC, with
 * the tone of a final oa, oe or uy on the first vowel (`thoả thuận` → `thỏa thuận`, `hoà` → `hòa`,
 * `khoẻ` → `khỏe`, `thuỷ` → `thủy`). Both placements are correct Vietnamese for the same word, so this
 * is a rule over every syllable, not a list of words; it keeps the length in UTF-16 units.
 */
export function unitSpelling(text: string): string {
  const composed = text.normalize('NFC');
  if (!MAY_HOLD_NEW_PLACEMENT.test(composed)) return composed;
  return composed
    .normalize('NFD')
    .replace(TONE_ON_SECOND_VOWEL, (_whole, o?: string, ae?: string, u?: string, y?: string, tone = '') =>
      o && ae ? `${o}${tone}${ae}` : `${u ?? ''}${tone}${y ?? ''}`,
    )
    .normalize('NFC');
}
