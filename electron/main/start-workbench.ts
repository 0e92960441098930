import { join } from 'node:path';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol.ts';
import type { ElectronApi } from './electron-api.ts';
import { registerIpcHandlers } from './ipc-handlers.ts';
import { guardSession } from './network-guard.ts';
import { CollectionStore } from './collection-store.ts';
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
  const settings = new SettingsStore(userData);
  const collections = new CollectionStore(userData);
  registerIpcHandlers(api, { settings, collections });
  holdQuitForWrites(api, () => Promise.all([settings.idle(), collections.idle()]));
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

/** Quitting waits until every store write already asked for is on disk, then quits for real. */
export function holdQuitForWrites(api: ElectronApi, idle: () => Promise<unknown>): void {
  let written = false;
  api.app.on('before-quit', (event) => {
    if (written) return;
    event.preventDefault();
    void idle()
      .catch(() => undefined)
      .then(() => {
        written = true;
        api.app.quit();
      });
  });
}

/** Where the built files sit next to the compiled main script. */
export function defaultPaths(appPath: string): WorkbenchPaths {
  return {
    rendererDir: join(appPath, 'dist', 'renderer'),
    preloadPath: join(appPath, 'dist-electron', 'preload', 'index.cjs'),
  };
}
