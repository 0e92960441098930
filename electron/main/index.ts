import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { defaultPaths, startWorkbench } from './start-workbench.ts';

// The only file that touches the real Electron module; everything else takes it as a parameter.
void startWorkbench(
  {
    app,
    BrowserWindow,
    dialog,
    ipcMain,
    protocol,
    session,
    versions: { electron: process.versions.electron ?? '' },
    platform: process.platform,
  },
  defaultPaths(app.getAppPath()),
);
