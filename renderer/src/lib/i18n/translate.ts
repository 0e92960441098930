import { DICTIONARIES, type Locale, type MessageKey } from './dictionary.ts';

/** The message for a key in a language, `{name}` placeholders filled (usable outside components). */
export function translate(
  locale: Locale,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  return DICTIONARIES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    String(values[name] ?? whole),
  );
}
