/** Sends one message to a fresh worker and resolves with the bytes it answers, then ends it. */
export function runWorker(worker: Worker, message: unknown): Promise<Uint8Array> {
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
      reject(new Error(event.message || 'worker failed'));
    };
    worker.postMessage(message);
  });
}
