import type { Locale } from '../i18n/dictionary.ts';
import { desktopBridge } from './bridge.ts';

const STORAGE_KEY = 'chi-tieu-workbench.locale';

/** The saved UI language: app settings in Electron, localStorage in the browser. */
export async function loadLocale(): Promise<Locale> {
  const bridge = desktopBridge();
  if (bridge) {
    const settings = await bridge.readSettings();
    return settings.ok ? settings.value.locale : 'vi';
  }
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
}

export async function saveLocale(locale: Locale): Promise<void> {
  const bridge = desktopBridge();
  if (!bridge) {
    localStorage.setItem(STORAGE_KEY, locale);
    return;
  }
  const settings = await bridge.readSettings();
  if (settings.ok) await bridge.writeSettings({ ...settings.value, locale });
}
