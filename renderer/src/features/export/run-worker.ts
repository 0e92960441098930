import type { ReportJob, ResultExportJob, WorkerAnswer } from './worker-messages.ts';

/** Sends one job to a fresh worker and resolves with the bytes it answers, then ends it. */
export function runWorker(worker: Worker, job: ReportJob | ResultExportJob): Promise<Uint8Array> {
  return new Promise<Uint8Array>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.bytes);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'worker failed'));
    };
    worker.postMessage(job);
  });
}
