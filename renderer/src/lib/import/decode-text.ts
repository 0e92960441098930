import { ImportError } from './import-problem.ts';

/**
 * Decodes a text file: UTF-8 (with or without BOM) or UTF-16 (BOM, or NUL bytes in every other
 * position). Invalid UTF-8 and binary content are refused with a clear message rather than decoded
 * into mojibake.
 */
export function decodeTextFile(name: string, bytes: Uint8Array): string {
  const utf16 = utf16Encoding(bytes);
  if (utf16) return refuseBinary(name, new TextDecoder(utf16, { ignoreBOM: false }).decode(bytes));
  if (bytes.includes(0)) throw new ImportError('import.binary', { name });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError('import.notUtf8', { name, offset: firstInvalidUtf8(bytes) });
  }
  return refuseBinary(name, text);
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // Without a BOM: ASCII-range text in UTF-16 has a NUL in most high bytes.
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  if (sample.length < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const pairs = sample.length / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

function refuseBinary(name: string, text: string): string {
  const controls = controlCount(text);
  // A stray control character happens (one corpus file has a broken one); many mean a binary file.
  if (controls > 8 && controls > text.length / 1000) throw new ImportError('import.binary', { name });
  return text;
}

/** The offset of the first byte that breaks UTF-8, for the error message. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // The longest prefix with no definite error, by bisection: in streaming mode a prefix that ends
  // inside a sequence is not an error yet, so validity only shrinks as the prefix grows.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}

/** C0 control characters other than tab, line feed, form feed and carriage return: no text contains them. */
export function controlCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f)
      count++;
  }
  return count;
}
