import { join } from 'node:path';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol.ts';
import type { ElectronApi } from './electron-api.ts';
import { registerIpcHandlers } from './ipc-handlers.ts';
import { guardSession } from './network-guard.ts';
import { DocumentStore } from './document-store.ts';
import { SettingsStore } from './settings-store.ts';
import { createMainWindow } from './window.ts';
import type { BrowserWindow } from 'electron';

export interface WorkbenchPaths {
  /** Folder of the built renderer (index.html, assets, warehouse, sources). */
  rendererDir: string;
  preloadPath: string;
}

/** Wires the main-process modules together; returns once the first window is open. */
export async function startWorkbench(api: ElectronApi, paths: WorkbenchPaths): Promise<BrowserWindow | null> {
  if (!api.app.requestSingleInstanceLock()) {
    api.app.quit();
    return null;
  }
  // Must happen before the app is ready (Electron's rule for privileged schemes).
  api.protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  await api.app.whenReady();
  guardSession(api);
  api.protocol.handle(APP_SCHEME_PRIVILEGES.scheme, createAppProtocolHandler(paths.rendererDir));
  const userData = api.app.getPath('userData');
  registerIpcHandlers(api, { settings: new SettingsStore(userData), documents: new DocumentStore(userData) });
  let window = createMainWindow(api, paths.preloadPath);
  api.app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  api.app.on('window-all-closed', () => api.app.quit());
  api.app.on('activate', () => {
    if (window.isDestroyed()) window = createMainWindow(api, paths.preloadPath);
  });
  return window;
}

/** Where the built files sit next to the compiled main script. */
export function defaultPaths(appPath: string): WorkbenchPaths {
  return {
    rendererDir: join(appPath, 'dist', 'renderer'),
    preloadPath: join(appPath, 'dist-electron', 'preload', 'index.cjs'),
  };
}
