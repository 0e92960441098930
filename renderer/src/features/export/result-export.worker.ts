import { tableFromIPC } from 'apache-arrow';
import { exportResult } from '../../lib/report/result-export.ts';
import { answerJob, type ResultExportJob } from './worker-messages.ts';

// Writing a large result (100,000 rows to xlsx) takes seconds: it happens here, off the UI thread.
self.onmessage = (event: MessageEvent<ResultExportJob>) =>
  answerJob(event, (job) => exportResult(tableFromIPC(job.ipc), job.format));
