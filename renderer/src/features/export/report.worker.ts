import { buildPptxReport } from '../../lib/report/pptx-report.ts';
import { buildSummaryCsv } from '../../lib/report/summary-csv.ts';
import { buildXlsxReport } from '../../lib/report/xlsx-report.ts';
import { answerJob, type ReportJob } from './worker-messages.ts';

// Building a deck or a workbook of a hundred indicators takes seconds: off the UI thread.
self.onmessage = (event: MessageEvent<ReportJob>) =>
  answerJob(event, (job) =>
    job.format === 'csv'
      ? buildSummaryCsv(job.data, job.locale)
      : job.format === 'pptx'
        ? buildPptxReport(job.data, job.locale, job.generatedOn, {
            subtitle: job.subtitle,
            charts: job.deckCharts,
            briefing: job.briefing,
          })
        : buildXlsxReport(job.data, job.locale, job.generatedOn, job.charts),
  );
