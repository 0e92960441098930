/** One line of a raw document: its offsets (without the line break) and its text. */
export interface RawLine {
  start: number;
  end: number;
  text: string;
}

/** Splits raw text into lines at `\n`, a `\r` before it left out, offsets into the raw text. */
export function splitRawLines(raw: string): RawLine[] {
  const lines: RawLine[] = [];
  let start = 0;
  while (start <= raw.length) {
    let end = raw.indexOf('\n', start);
    if (end < 0) end = raw.length;
    const contentEnd = end > start && raw[end - 1] === '\r' ? end - 1 : end;
    lines.push({ start, end: contentEnd, text: raw.slice(start, contentEnd) });
    start = end + 1;
  }
  return lines;
}
