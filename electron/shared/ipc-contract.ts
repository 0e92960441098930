/**
 * The IPC contract between the renderer (through the preload) and the main process.
 * Types only: both sides import it with `import type`, so no code crosses the boundary.
 * Channels are `workbench:<operation>` (IpcChannel).
 */

export type Locale = 'vi' | 'en';

export interface AppInfo {
  name: string;
  version: string;
  electron: string;
  platform: string;
}

export interface AppSettings {
  locale: Locale;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveFileRequest {
  /** Suggested file name shown in the save dialog. */
  defaultName: string;
  filters: FileFilter[];
  bytes: Uint8Array;
}

export interface OpenFileRequest {
  filters: FileFilter[];
}

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** An item of the user store: a JSON object with a string `id`, unique within its collection. */
export interface StoredItem {
  id: string;
  [field: string]: JsonValue;
}

/** What one write does to one collection (`collection` is lowercase letters, digits and dashes). */
export interface CollectionChanges {
  collection: string;
  put: StoredItem[];
  delete: string[];
}

/** A collection as read back: its items, and whether anything was ever written to it. */
export interface StoredCollection {
  items: JsonValue[];
  exists: boolean;
}

/** Every operation with its request and response; `void` means no payload. */
export interface IpcOperations {
  appInfo: { request: void; response: AppInfo };
  saveFile: { request: SaveFileRequest; response: { saved: boolean; path: string | null } };
  openFile: { request: OpenFileRequest; response: OpenedFile | null };
  readSettings: { request: void; response: AppSettings };
  writeSettings: { request: AppSettings; response: AppSettings };
  readCollection: { request: { collection: string }; response: StoredCollection };
  /** Resolves only once the changes are on disk (fsync'd temp file renamed over the old one). */
  writeCollections: { request: { changes: CollectionChanges[] }; response: void };
}

export type IpcOperation = keyof IpcOperations;

export interface IpcError {
  code: 'invalid_request' | 'forbidden_sender' | 'io' | 'internal';
  message: string;
}

/** Errors cross the boundary as data: Electron keeps only the message of a thrown error. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** What the preload exposes as `window.workbench`: one named function per operation. */
export type WorkbenchBridge = {
  [Op in IpcOperation]: IpcOperations[Op]['request'] extends void
    ? () => Promise<IpcResult<IpcOperations[Op]['response']>>
    : (request: IpcOperations[Op]['request']) => Promise<IpcResult<IpcOperations[Op]['response']>>;
};

/** The channel that carries an operation. */
export type IpcChannel<Op extends IpcOperation = IpcOperation> = `workbench:${Op}`;
