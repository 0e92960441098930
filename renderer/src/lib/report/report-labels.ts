import { DICTIONARIES, type Locale, type MessageKey } from '../i18n/dictionary.ts';

/**
 * The dictionary's word for a contract id under a prefix (`basis` + `annual_avg` → `bình quân hằng
 * năm`); an id the dictionary lacks is written with spaces for its underscores, never raw; empty for none.
 */
export function contractLabel(prefix: string, id: string | null | undefined, locale: Locale): string {
  if (!id || id === 'null') return '';
  const messages: Readonly<Record<string, string>> = DICTIONARIES[locale];
  return messages[`${prefix}.${id}` as MessageKey] ?? id.replace(/_+/g, ' ').trim();
}
