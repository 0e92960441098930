import { tableFromIPC } from 'apache-arrow';
import { exportResult, type ResultFormat } from '../../lib/report/result-export.ts';

// Writing a large result (100,000 rows to xlsx) takes seconds: it happens here, off the UI thread.
self.onmessage = async (event: MessageEvent<{ ipc: Uint8Array; format: ResultFormat }>) => {
  try {
    const bytes = await exportResult(tableFromIPC(event.data.ipc), event.data.format);
    self.postMessage({ ok: true, bytes }, { transfer: [bytes.buffer] });
  } catch (cause) {
    self.postMessage({ ok: false, message: cause instanceof Error ? cause.message : String(cause) });
  }
};
