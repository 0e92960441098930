import { tableToIPC, type Table } from 'apache-arrow';
import type { ResultFormat } from '../../lib/report/result-export.ts';

/** Encodes a query result in a worker, so the UI keeps responding while a large file is written. */
export function exportInWorker(table: Table, format: ResultFormat): Promise<Uint8Array> {
  const worker = new Worker(new URL('./result-export.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Uint8Array>((resolve, reject) => {
    worker.onmessage = (
      event: MessageEvent<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }>,
    ) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.bytes);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'export worker failed'));
    };
    worker.postMessage({ ipc: tableToIPC(table, 'stream'), format });
  });
}
