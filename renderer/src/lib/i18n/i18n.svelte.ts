import { DICTIONARIES, type Locale, type MessageKey } from './dictionary.ts';

/** The UI language, Vietnamese by default; `t` reads the active dictionary reactively. */
class I18n {
  locale = $state<Locale>('vi');

  /** The message for a key, with `{name}` placeholders filled from `values`. */
  t = (key: MessageKey, values: Record<string, string | number> = {}): string => {
    const template = DICTIONARIES[this.locale][key];
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
  };

  toggle(): void {
    this.locale = this.locale === 'vi' ? 'en' : 'vi';
  }
}

export const i18n = new I18n();
