import type { ReportJob } from './worker-messages.ts';
import { runWorker } from './run-worker.ts';

/** Runs a report job in its worker and returns the file's bytes. */
export function buildReportInWorker(job: ReportJob): Promise<Uint8Array> {
  return runWorker(new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module' }), job);
}
