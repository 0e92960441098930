import type { Locale } from '../../lib/i18n/dictionary.ts';
import type { ReportChart } from '../../lib/report/report-chart.ts';
import type { ReportData } from '../../lib/report/report-data.ts';
import type { ResultFormat } from '../../lib/report/result-export.ts';
import type { ReportChartImage } from '../../lib/report/xlsx-report.ts';

/** A report to build off the UI thread (report.worker.ts). */
export interface ReportJob {
  format: 'xlsx' | 'pptx' | 'csv';
  data: ReportData;
  locale: Locale;
  generatedOn: string;
  charts: ReportChartImage[];
  /** The deck's charts as the screen draws them, by `indicator_id|unit` (pptx). */
  deckCharts?: Record<string, ReportChart>;
  /** The deck's subtitle (a quick report's domain). */
  subtitle?: string;
  /** A quick report's choice: how many key indicators out of the domain's. */
  briefing?: { chosen: number; total: number };
}

/** A query result to encode off the UI thread (result-export.worker.ts), as an Arrow IPC stream. */
export interface ResultExportJob {
  ipc: Uint8Array;
  format: ResultFormat;
}

/** What every export worker answers: the file's bytes, or why it could not write them. */
export type WorkerAnswer = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/** Runs a job in a worker's message handler and posts the answer, the bytes transferred. */
export async function answerJob<Job>(
  event: MessageEvent<Job>,
  build: (job: Job) => Promise<Uint8Array> | Uint8Array,
): Promise<void> {
  try {
    const bytes = await build(event.data);
    const answer: WorkerAnswer = { ok: true, bytes };
    self.postMessage(answer, { transfer: [bytes.buffer] });
  } catch (cause) {
    const answer: WorkerAnswer = {
      ok: false,
      message: cause instanceof Error ? cause.message : String(cause),
    };
    self.postMessage(answer);
  }
}
