import { tableToIPC, type Table } from 'apache-arrow';
import type { ResultFormat } from '../../lib/report/result-export.ts';
import { runWorker } from './run-worker.ts';

/** Encodes a query result in a worker, so the UI keeps responding while a large file is written. */
export function exportInWorker(table: Table, format: ResultFormat): Promise<Uint8Array> {
  const worker = new Worker(new URL('./result-export.worker.ts', import.meta.url), { type: 'module' });
  return runWorker(worker, { ipc: tableToIPC(table, 'stream'), format });
}
