/**
 * Parses a number written the Vietnamese way: `.` groups thousands, `,` marks decimals
 * (`111.100` → 111100, `6,79` → 6.79). A dot followed by other than three digits is read as
 * a decimal point, the typo the contract mentions (`68.58` → 68.58).
 */
export function parseVietnameseNumber(text: string): number | null {
  const compact = text.replace(/\s+/g, '');
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(compact))
    return Number(compact.replaceAll('.', '').replace(',', '.'));
  if (/^\d+(?:,\d+)?$/.test(compact)) return Number(compact.replace(',', '.'));
  if (/^\d+\.\d{1,2}$/.test(compact) || /^\d+\.\d{4,}$/.test(compact)) return Number(compact);
  return null;
}

/** The pattern of one Vietnamese number (to embed in larger patterns). */
export const NUMBER_PATTERN = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d)|\d+(?:,\d+)?(?:\.\d{1,2}(?![\d.]))?`;
