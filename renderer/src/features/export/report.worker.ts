import type { Locale } from '../../lib/i18n/dictionary.ts';
import { buildPptxReport } from '../../lib/report/pptx-report.ts';
import type { ReportData } from '../../lib/report/report-data.ts';
import { buildSummaryCsv } from '../../lib/report/summary-csv.ts';
import { buildXlsxReport, type ReportChartImage } from '../../lib/report/xlsx-report.ts';

export interface ReportJob {
  format: 'xlsx' | 'pptx' | 'csv';
  data: ReportData;
  locale: Locale;
  generatedOn: string;
  charts: ReportChartImage[];
}

// Building a deck or a workbook of a hundred indicators takes seconds: off the UI thread.
self.onmessage = async (event: MessageEvent<ReportJob>) => {
  const job = event.data;
  try {
    const bytes =
      job.format === 'csv'
        ? buildSummaryCsv(job.data, job.locale)
        : job.format === 'pptx'
          ? await buildPptxReport(job.data, job.locale, job.generatedOn)
          : await buildXlsxReport(job.data, job.locale, job.generatedOn, job.charts);
    self.postMessage({ ok: true, bytes }, { transfer: [bytes.buffer] });
  } catch (cause) {
    self.postMessage({ ok: false, message: cause instanceof Error ? cause.message : String(cause) });
  }
};
