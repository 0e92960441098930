import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import type { IpcChannel, IpcOperation, IpcOperations, IpcResult } from '../shared/ipc-contract.ts';
import { isAppUrl } from './app-protocol.ts';
import type { ElectronApi } from './electron-api.ts';
import { requestSchemas } from './ipc-schemas.ts';
import type { CollectionStore } from './collection-store.ts';
import type { SettingsStore } from './settings-store.ts';

type Handlers = {
  [Op in IpcOperation]: (request: IpcOperations[Op]['request']) => Promise<IpcOperations[Op]['response']>;
};

export interface IpcDependencies {
  settings: SettingsStore;
  collections: CollectionStore;
  readBytes?: (path: string) => Promise<Uint8Array>;
  writeBytes?: (path: string, bytes: Uint8Array) => Promise<void>;
}

/** The channel of an operation (the preload builds the same string; the contract types both). */
export function channelOf<Op extends IpcOperation>(operation: Op): IpcChannel<Op> {
  return `workbench:${operation}`;
}

/** Main-side operations; every file write goes through a native save dialog. */
export function createHandlers(api: ElectronApi, deps: IpcDependencies): Handlers {
  const readBytes = deps.readBytes ?? (async (path: string) => new Uint8Array(await readFile(path)));
  const writeBytes = deps.writeBytes ?? ((path: string, bytes: Uint8Array) => writeFile(path, bytes));
  return {
    appInfo: async () => ({
      name: api.app.getName(),
      version: api.app.getVersion(),
      electron: api.versions.electron,
      platform: api.platform,
    }),
    saveFile: async ({ defaultName, filters, bytes }) => {
      const choice = await api.dialog.showSaveDialog({ defaultPath: defaultName, filters });
      if (choice.canceled || !choice.filePath) return { saved: false, path: null };
      await writeBytes(choice.filePath, bytes);
      return { saved: true, path: choice.filePath };
    },
    openFile: async ({ filters }) => {
      const choice = await api.dialog.showOpenDialog({ properties: ['openFile'], filters });
      const path = choice.filePaths[0];
      if (choice.canceled || !path) return null;
      return { name: basename(path), bytes: await readBytes(path) };
    },
    readSettings: () => deps.settings.read(),
    writeSettings: (settings) => deps.settings.write(settings),
    readCollection: ({ collection }) => deps.collections.read(collection),
    writeCollections: ({ changes }) => deps.collections.write(changes),
  };
}

/** Registers every operation: the sender must be the app's own page and the payload must validate. */
export function registerIpcHandlers(api: ElectronApi, deps: IpcDependencies): void {
  const handlers = createHandlers(api, deps);
  for (const operation of Object.keys(handlers) as IpcOperation[]) {
    api.ipcMain.handle(channelOf(operation), (event, payload: unknown) =>
      handleRequest(operation, handlers[operation] as (request: unknown) => Promise<unknown>, event, payload),
    );
  }
}

async function handleRequest(
  operation: IpcOperation,
  handler: (request: unknown) => Promise<unknown>,
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  payload: unknown,
): Promise<IpcResult<unknown>> {
  const senderUrl = event.senderFrame?.url ?? '';
  if (!isAppUrl(senderUrl)) {
    return {
      ok: false,
      error: {
        code: 'forbidden_sender',
        message: `${operation}: sender ${senderUrl || 'unknown'} is not the app`,
      },
    };
  }
  const parsed = requestSchemas[operation].safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: {
        code: 'invalid_request',
        message: `${operation}: ${issue?.path.join('.') || 'payload'} ${issue?.message ?? 'is invalid'}`,
      },
    };
  }
  try {
    return { ok: true, value: await handler(parsed.data) };
  } catch (cause) {
    return {
      ok: false,
      error: {
        code: 'io',
        message: `${operation}: ${cause instanceof Error ? cause.message : String(cause)}`,
      },
    };
  }
}
