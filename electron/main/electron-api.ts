import type {
  App,
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Dialog,
  IpcMain,
  Protocol,
  Session,
} from 'electron';

/**
 * The part of Electron the main process uses. Passed in rather than imported so that every
 * module can be unit-tested with a fake, without the Electron binary.
 */
export interface ElectronApi {
  app: Pick<
    App,
    | 'getName'
    | 'getVersion'
    | 'getPath'
    | 'getAppPath'
    | 'whenReady'
    | 'on'
    | 'quit'
    | 'requestSingleInstanceLock'
    | 'isPackaged'
  >;
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  ipcMain: Pick<IpcMain, 'handle'>;
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  session: { defaultSession: Pick<Session, 'setPermissionRequestHandler' | 'webRequest'> };
  versions: { electron: string };
  platform: string;
}
