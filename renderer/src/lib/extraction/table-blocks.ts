import { cleanLine } from './clean-line.ts';
import { MappedTextBuilder, type MappedText } from './mapped-text.ts';
import { splitRawLines, type RawLine } from './raw-lines.ts';

/** One table cell: its clean text, mapped back to the raw text (empty cells have no characters). */
export interface TableCell {
  text: MappedText;
}

/** A table found in a raw document: where it is, its rows of cells, and the lines just before it. */
export interface TableBlock {
  /** `[start, end)` of the table's lines in the raw text. */
  start: number;
  end: number;
  kind: 'pipe' | 'flattened';
  /** Rows top to bottom; a flattened table's header rows may have fewer cells than `width` (merged cells). */
  rows: TableCell[][];
  width: number;
  /** For a pipe table, how many rows stood above its `|---|` line. */
  headerRows: number;
  /** Clean text of the few lines above the table (its title, "(Đơn vị: tỷ đồng)"). */
  caption: string;
}

const LONE_PIPE = /^\s*\|\s*$/;
const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_SEPARATOR = /^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?\|?\s*$/;
const CAPTION_LINES = 4;

/**
 * Every table of a raw document: Markdown pipe tables (`| a | b |` rows) and tables flattened one
 * cell per line with a lone `|` line between cells (two between rows), as web pages export them.
 */
export function findTableBlocks(raw: string): TableBlock[] {
  const lines = splitRawLines(raw);
  const blocks: TableBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as RawLine;
    const found = LONE_PIPE.test(line.text)
      ? flattenedTable(raw, lines, i)
      : PIPE_ROW.test(line.text)
        ? pipeTable(raw, lines, i)
        : null;
    if (!found) {
      i++;
      continue;
    }
    const { block, next } = found;
    block.caption = captionBefore(raw, lines, i, blocks.at(-1)?.end ?? 0);
    blocks.push(block);
    i = next;
  }
  return blocks;
}

/** A cell's text, white space collapsed ('' for an empty or missing cell). */
export function cellText(cell: TableCell | undefined): string {
  return cell?.text.text.replace(/\s+/g, ' ').trim() ?? '';
}

function cellOf(raw: string, lines: readonly RawLine[]): TableCell {
  const builder = new MappedTextBuilder();
  for (const line of lines) {
    if (builder.length > 0) builder.push(' ', line.start - 1, line.start);
    builder.append(cleanLine(raw, line.start, line.end));
  }
  return { text: builder.build() };
}

// A flattened table runs from a lone `|` line to the last lone `|` before a blank line.
function flattenedTable(
  raw: string,
  lines: readonly RawLine[],
  first: number,
): { block: TableBlock; next: number } | null {
  let last = first;
  for (let j = first + 1; j < lines.length && (lines[j] as RawLine).text.trim() !== ''; j++) {
    if (LONE_PIPE.test((lines[j] as RawLine).text)) last = j;
  }
  const slots: TableCell[] = [];
  let content: RawLine[] = [];
  let pipes = 1;
  for (let j = first + 1; j <= last; j++) {
    const line = lines[j] as RawLine;
    if (!LONE_PIPE.test(line.text)) {
      content.push(line);
      continue;
    }
    pipes++;
    slots.push(cellOf(raw, content));
    content = [];
  }
  if (pipes < 3) return null;
  const { rows, width } = rowsOfSlots(slots);
  const block: TableBlock = {
    start: (lines[first] as RawLine).start,
    end: (lines[last] as RawLine).end,
    kind: 'flattened',
    rows,
    width,
    headerRows: 0,
    caption: '',
  };
  return { block, next: last + 1 };
}

const isEmpty = (cell: TableCell | undefined): boolean => cellText(cell) === '';

/**
 * Cuts the cells between pipes into rows. Every row is written `| c1 | … | cN |`, so rows are
 * parted by one empty slot; empty cells make more empty slots, which is why rows are found from
 * the end, at the width N that explains the most slots. Header rows above, shortened by merged
 * cells, are parted at their empty slots.
 */
function rowsOfSlots(slots: readonly TableCell[]): { rows: TableCell[][]; width: number } {
  let best: { width: number; covered: number; rows: TableCell[][]; rest: number } | null = null;
  for (let width = 2; width <= Math.min(40, slots.length); width++) {
    const rows: TableCell[][] = [];
    let end = slots.length;
    while (end - width >= 0) {
      const start = end - width;
      const row = slots.slice(start, end);
      if (row.every((cell) => isEmpty(cell))) break;
      if (start > 0 && !isEmpty(slots[start - 1])) break;
      rows.unshift(row);
      end = start - 1;
    }
    const covered = slots.length - Math.max(0, end);
    if (rows.length >= 2 && (!best || covered > best.covered)) best = { width, covered, rows, rest: end };
  }
  if (!best) {
    const rows = splitAtEmpty(slots);
    return { rows, width: Math.max(0, ...rows.map((row) => row.length)) };
  }
  return { rows: [...splitAtEmpty(slots.slice(0, Math.max(0, best.rest))), ...best.rows], width: best.width };
}

function splitAtEmpty(slots: readonly TableCell[]): TableCell[][] {
  const rows: TableCell[][] = [];
  let row: TableCell[] = [];
  for (const slot of slots) {
    if (isEmpty(slot)) {
      if (row.length > 0) rows.push(row);
      row = [];
    } else row.push(slot);
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

// A pipe table: consecutive `| … |` lines, with a `|---|` line under its header or at least two rows.
function pipeTable(
  raw: string,
  lines: readonly RawLine[],
  first: number,
): { block: TableBlock; next: number } | null {
  let last = first;
  while (last + 1 < lines.length && PIPE_ROW.test((lines[last + 1] as RawLine).text)) last++;
  const tableLines = lines.slice(first, last + 1);
  const separator = tableLines.findIndex((line) => PIPE_SEPARATOR.test(line.text));
  if (tableLines.length < 2 || (separator < 0 && tableLines.length < 3)) return null;
  const rows = tableLines
    .filter((_, index) => index !== separator)
    .map((line) => pipeCells(raw, line))
    .filter((row) => row.length >= 2);
  if (rows.length < 2) return null;
  const block: TableBlock = {
    start: (lines[first] as RawLine).start,
    end: (lines[last] as RawLine).end,
    kind: 'pipe',
    rows,
    width: Math.max(...rows.map((row) => row.length)),
    headerRows: Math.max(0, separator),
    caption: '',
  };
  return { block, next: last + 1 };
}

function pipeCells(raw: string, line: RawLine): TableCell[] {
  const cells: TableCell[] = [];
  const open = line.text.indexOf('|');
  const close = line.text.lastIndexOf('|');
  let cellStart = line.start + open + 1;
  for (let k = open + 1; k <= close; k++) {
    // `\|` is a pipe inside a cell.
    if (line.text[k] !== '|' || line.text[k - 1] === '\\') continue;
    cells.push({ text: cleanLine(raw, cellStart, line.start + k) });
    cellStart = line.start + k + 1;
  }
  return cells;
}

function captionBefore(raw: string, lines: readonly RawLine[], first: number, notBefore: number): string {
  const parts: string[] = [];
  for (let j = first - 1; j >= 0 && parts.length < CAPTION_LINES; j--) {
    const line = lines[j] as RawLine;
    if (line.start < notBefore) break;
    const text = cleanLine(raw, line.start, line.end).text.trim();
    if (text) parts.unshift(text);
  }
  return parts.join(' ').replace(/\s+/g, ' ');
}
