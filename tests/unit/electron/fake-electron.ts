import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { ElectronApi } from '../../../electron/main/electron-api.ts';

type Listener = (...args: unknown[]) => unknown;

/** A stand-in for webContents that records listeners so tests can fire the events. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {}
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
  isDestroyed(): boolean {
    return false;
  }
}

export interface FakeElectron {
  api: ElectronApi;
  handlers: Map<string, Listener>;
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  privilegedSchemes: unknown[];
  beforeRequest: Listener | undefined;
  permissionHandler: Listener | undefined;
  savePath: string | undefined;
  openPaths: string[];
}

/** An injected fake of the Electron API: records what main registers, answers dialogs as told. */
export function fakeElectron(userData: string): FakeElectron {
  FakeBrowserWindow.created = [];
  const fake: FakeElectron = {
    api: undefined as unknown as ElectronApi,
    handlers: new Map(),
    protocolHandlers: new Map(),
    privilegedSchemes: [],
    beforeRequest: undefined,
    permissionHandler: undefined,
    savePath: undefined,
    openPaths: [],
  };
  const app = new EventEmitter();
  fake.api = {
    app: Object.assign(app, {
      getName: () => 'Chỉ Tiêu Workbench',
      getVersion: () => '0.1.0',
      getPath: () => userData,
      getAppPath: () => '/app',
      whenReady: () => Promise.resolve(),
      quit: () => {},
      requestSingleInstanceLock: () => true,
      isPackaged: false,
    }) as unknown as ElectronApi['app'],
    BrowserWindow: FakeBrowserWindow as unknown as ElectronApi['BrowserWindow'],
    ipcMain: {
      handle: (channel: string, listener: Listener) => void fake.handlers.set(channel, listener),
    } as unknown as ElectronApi['ipcMain'],
    dialog: {
      showSaveDialog: async () => ({ canceled: fake.savePath === undefined, filePath: fake.savePath ?? '' }),
      showOpenDialog: async () => ({ canceled: fake.openPaths.length === 0, filePaths: fake.openPaths }),
    } as unknown as ElectronApi['dialog'],
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void fake.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        void fake.protocolHandlers.set(scheme, handler),
    } as unknown as ElectronApi['protocol'],
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => void (fake.permissionHandler = handler),
        webRequest: { onBeforeRequest: (handler: Listener) => void (fake.beforeRequest = handler) },
      },
    } as unknown as ElectronApi['session'],
    versions: { electron: '41.0.0' },
    platform: 'linux',
  };
  return fake;
}

/** Invokes a registered IPC handler as the renderer at `senderUrl` would. */
export function invoke(
  fake: FakeElectron,
  channel: string,
  payload?: unknown,
  senderUrl = 'app://workbench/index.html',
) {
  const handler = fake.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ senderFrame: { url: senderUrl } }, payload);
}
