import type { BrowserWindow, WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './app-protocol.ts';
import type { ElectronApi } from './electron-api.ts';
import { lockNavigation } from './navigation-lock.ts';

/** The renderer is untrusted UI: isolated, sandboxed, no Node, no webviews. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    spellcheck: false,
  };
}

/** Opens the workbench window on the app:// entry page, navigation locked. */
export function createMainWindow(api: ElectronApi, preloadPath: string): BrowserWindow {
  const window = new api.BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Chỉ Tiêu Workbench',
    backgroundColor: '#f4f6f9',
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  });
  lockNavigation(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
