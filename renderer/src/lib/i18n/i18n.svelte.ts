import type { Locale, MessageKey } from './dictionary.ts';
import { translate } from './translate.ts';

/** The UI language, Vietnamese by default; `t` reads the active dictionary reactively. */
class I18n {
  locale = $state<Locale>('vi');

  /** The message for a key, with `{name}` placeholders filled from `values`. */
  t = (key: MessageKey, values: Record<string, string | number> = {}): string =>
    translate(this.locale, key, values);

  toggle(): void {
    this.locale = this.locale === 'vi' ? 'en' : 'vi';
  }
}

export const i18n = new I18n();
