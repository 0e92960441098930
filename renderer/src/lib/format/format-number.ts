const formatters = new Map<string, Intl.NumberFormat>();

/** A number the way a Vietnamese reader writes it: `1.234,5` (English: `1,234.5`). */
export function formatNumber(value: number, locale: 'vi' | 'en' = 'vi', maximumFractionDigits = 2): string {
  const key = `${locale}:${maximumFractionDigits}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits });
    formatters.set(key, formatter);
  }
  return formatter.format(value);
}
