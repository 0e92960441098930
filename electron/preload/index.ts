import { contextBridge, ipcRenderer } from 'electron';
import type { IpcChannel, IpcOperation, WorkbenchBridge } from '../shared/ipc-contract.ts';

const channel = <Op extends IpcOperation>(operation: Op): IpcChannel<Op> => `workbench:${operation}`;

// Named functions only: the renderer never sees ipcRenderer or a channel name.
const bridge: WorkbenchBridge = {
  appInfo: () => ipcRenderer.invoke(channel('appInfo')),
  saveFile: (request) => ipcRenderer.invoke(channel('saveFile'), request),
  openFile: (request) => ipcRenderer.invoke(channel('openFile'), request),
  readSettings: () => ipcRenderer.invoke(channel('readSettings')),
  writeSettings: (settings) => ipcRenderer.invoke(channel('writeSettings'), settings),
  readCollection: (request) => ipcRenderer.invoke(channel('readCollection'), request),
  writeCollections: (request) => ipcRenderer.invoke(channel('writeCollections'), request),
};

contextBridge.exposeInMainWorld('workbench', bridge);
