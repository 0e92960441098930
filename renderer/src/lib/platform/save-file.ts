import type { FileFilter } from '../../../../electron/shared/ipc-contract.ts';
import { desktopBridge } from './bridge.ts';

/**
 * Saves bytes as a file the user chooses: a native save dialog in Electron, a download in the
 * browser. Returns false when the user cancelled.
 */
export async function saveFile(
  defaultName: string,
  bytes: Uint8Array,
  filters: FileFilter[],
  mimeType: string,
): Promise<boolean> {
  const bridge = desktopBridge();
  if (bridge) {
    const result = await bridge.saveFile({ defaultName, filters, bytes });
    if (!result.ok) throw new Error(result.error.message);
    return result.value.saved;
  }
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = defaultName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}
