import { formatNumber } from '../../lib/format/format-number.ts';
import type { Locale } from '../../lib/format/locale.ts';

/** A notice's values as the message shows them: counts in the user's number format ("1.000.000"). */
export function noticeValues(
  values: Record<string, string | number> = {},
  locale: Locale,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      typeof value === 'number' ? formatNumber(value, locale) : value,
    ]),
  );
}
