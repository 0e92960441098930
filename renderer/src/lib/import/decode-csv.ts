import { ImportError } from './import-problem.ts';

/**
 * CSV bytes as UTF-8 for DuckDB: UTF-8 as is (BOM dropped); a file with no UTF-8 sequence at all
 * decoded as Windows-1258 (the Vietnamese Windows code page, a superset of 1252's letters); a file
 * mixing UTF-8 with other bytes refused with the line of the first bad byte.
 */
export function csvAsUtf8(name: string, bytes: Uint8Array): { bytes: Uint8Array; reencoded: boolean } {
  if (bytes.includes(0)) throw new ImportError('import.binary', { name });
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return { bytes: body, reencoded: false };
  } catch {
    // Not UTF-8: below.
  }
  if (!hasUtf8Sequence(body)) {
    // Windows-1258 writes tones as combining marks: compose them as UTF-8 text does.
    const text = new TextDecoder('windows-1258').decode(body).normalize('NFC');
    return { bytes: new TextEncoder().encode(text), reencoded: true };
  }
  throw new ImportError('userTable.encoding', { name, line: lineOfFirstInvalid(body) });
}

// A well-formed multi-byte UTF-8 sequence (2–4 bytes); legacy 8-bit text almost never holds one.
function hasUtf8Sequence(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i] ?? 0;
    const length = lead >= 0xf0 && lead < 0xf5 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 && lead < 0xe0 ? 2 : 0;
    if (length === 0 || lead >= 0xf5) continue;
    let ok = true;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) ok = false;
    if (ok) return true;
  }
  return false;
}

function lineOfFirstInvalid(bytes: Uint8Array): number {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(lineStart, i));
      } catch {
        return line;
      }
      line++;
      lineStart = i + 1;
    }
  }
  return line;
}
