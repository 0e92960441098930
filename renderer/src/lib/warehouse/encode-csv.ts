import type { CellValue, ColumnSpec, WarehouseRow } from './columns.ts';

/** RFC 4180 CSV: header row, CRLF-free `\n` line ends, `.` decimals, empty field for null. */
export function encodeCsv(header: readonly string[], rows: readonly (readonly CellValue[])[]): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return lines.join('\n') + '\n';
}

/** The same CSV straight from warehouse rows, as UTF-8 bytes built in chunks (no one giant string). */
export function encodeCsvRows(columns: readonly ColumnSpec[], rows: readonly WarehouseRow[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = columns.map((column) => column.name);
  const chunks: Uint8Array[] = [encoder.encode(names.map(csvField).join(',') + '\n')];
  let lines: string[] = [];
  let size = 0;
  for (const row of rows) {
    const line = names.map((name) => csvField(row[name] ?? null)).join(',');
    lines.push(line);
    size += line.length;
    if (size > CHUNK_CHARS) {
      chunks.push(encoder.encode(lines.join('\n') + '\n'));
      lines = [];
      size = 0;
    }
  }
  if (lines.length > 0) chunks.push(encoder.encode(lines.join('\n') + '\n'));
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

// Well below V8's maximum string length, which one joined CSV of a huge table would pass.
const CHUNK_CHARS = 1 << 22;

function csvField(value: CellValue): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? value : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
