import type { CellValue } from './columns.ts';

/** RFC 4180 CSV: header row, CRLF-free `\n` line ends, `.` decimals, empty field for null. */
export function encodeCsv(header: readonly string[], rows: readonly (readonly CellValue[])[]): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return lines.join('\n') + '\n';
}

function csvField(value: CellValue): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? value : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
