/** Reads a file of the embedded dataset, next to the app. */
export async function fetchAsset(path: string): Promise<Uint8Array> {
  const response = await fetch(new URL(path, document.baseURI));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
