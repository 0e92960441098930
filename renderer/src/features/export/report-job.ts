import type { ReportJob } from './report.worker.ts';

/** Runs a report job in its worker and returns the file's bytes. */
export function buildReportInWorker(job: ReportJob): Promise<Uint8Array> {
  const worker = new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module' });
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
      reject(new Error(event.message || 'report worker failed'));
    };
    worker.postMessage(job);
  });
}
