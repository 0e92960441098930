/** One corpus file as read from disk (or an import): its id, raw bytes and decoded text. */
export interface SourceDocument {
  docId: string;
  bytes: Uint8Array;
  /** The bytes decoded as UTF-8, no normalisation: every offset in the warehouse indexes this. */
  text: string;
}

/** Decodes corpus bytes strictly as UTF-8; throws a readable error on invalid input. */
export function decodeSource(docId: string, bytes: Uint8Array): SourceDocument {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new Error(`${docId}.txt is not valid UTF-8 text`);
  }
  return { docId, bytes, text };
}

/** Hex SHA-256 of the bytes (WebCrypto: the same code in Node and the browser). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
