// Any of the spellings canonicalVietnamese rewrites.
const OLD_TONE_PLACEMENT = /o[áàảãạéèẻẽẹ]|u[ýỳỷỹỵ]|ỹ/;

/**
 * Lower-case NFC text with the old and new tone placements made one (`hoá` = `hóa`, `thuỷ` =
 * `thủy`) and `sỹ` = `sĩ`: every replacement keeps the length, so offsets stay valid.
 */
export function canonicalVietnamese(text: string): string {
  return canonicalLowerCase(text.toLowerCase());
}

/** canonicalVietnamese of a text already lower-cased (`text.toLowerCase()`): the case mapping is not run twice. */
export function canonicalLowerCase(lower: string): string {
  // Most text has no old-style tone placement: one scan tells, and the four rewrites are skipped.
  if (!OLD_TONE_PLACEMENT.test(lower)) return lower;
  return lower
    .replace(/o([áàảãạ])/g, (_whole, vowel: string) => `${TONE_ON_O[vowel] ?? 'o'}a`)
    .replace(/u([ýỳỷỹỵ])/g, (_whole, vowel: string) => `${TONE_ON_U[vowel] ?? 'u'}y`)
    .replace(/o([éèẻẽẹ])/g, (_whole, vowel: string) => `${TONE_ON_O_E[vowel] ?? 'o'}e`)
    .replace(/ỹ/g, 'ĩ');
}

const TONE_ON_O: Record<string, string> = { á: 'ó', à: 'ò', ả: 'ỏ', ã: 'õ', ạ: 'ọ' };
const TONE_ON_U: Record<string, string> = { ý: 'ú', ỳ: 'ù', ỷ: 'ủ', ỹ: 'ũ', ỵ: 'ụ' };
const TONE_ON_O_E: Record<string, string> = { é: 'ó', è: 'ò', ẻ: 'ỏ', ẽ: 'õ', ẹ: 'ọ' };
