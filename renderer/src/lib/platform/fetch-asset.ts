// Reads begun early (by the entry script), each handed to the first reader of its path.
const prefetched = new Map<string, Promise<Uint8Array>>();

/** Reads a file of the embedded dataset, next to the app. */
export function fetchAsset(path: string): Promise<Uint8Array> {
  const early = prefetched.get(path);
  if (early) {
    // Handed over once, so no second copy of the bytes stays here.
    prefetched.delete(path);
    return early;
  }
  return download(path);
}

/** Starts reading a file now, for the next fetchAsset of the same path. */
export function prefetchAsset(path: string): void {
  if (prefetched.has(path)) return;
  const reading = download(path);
  // A failure is reported to the reader that takes it, not as an unhandled rejection here.
  reading.catch(() => undefined);
  prefetched.set(path, reading);
}

async function download(path: string): Promise<Uint8Array> {
  const response = await fetch(new URL(path, document.baseURI));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
