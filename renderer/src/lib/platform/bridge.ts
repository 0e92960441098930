import type { WorkbenchBridge } from '../../../../electron/shared/ipc-contract.ts';

declare global {
  interface Window {
    /** Present only inside the Electron window (exposed by the preload). */
    workbench?: WorkbenchBridge;
  }
}

/** The Electron bridge, or null when the workbench runs as a plain web app. */
export function desktopBridge(): WorkbenchBridge | null {
  return typeof window !== 'undefined' && window.workbench ? window.workbench : null;
}
