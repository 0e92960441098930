import { MappedText } from './mapped-text.ts';
import { cellText, findTableBlocks, type TableBlock, type TableCell } from './table-blocks.ts';
import { isColumnNumberRow, isNumberingCell, readCellFigure } from './table-cells.ts';

/** What a column of a table holds. */
export type ColumnRole = 'numbering' | 'label' | 'unit' | 'note' | 'value';

/** A table laid out on a grid: one heading per column (its header cells top to bottom) and the body rows. */
export interface TableLayout {
  /** Per column, the texts of the header cells above it, top to bottom (merged cells repeated). */
  headings: string[][];
  roles: ColumnRole[];
  /** Body rows, each `width` cells long (missing cells are empty); column-number rows left out. */
  body: TableCell[][];
}

const UNIT_HEADING = /^(?:đvt|đ\.v\.t|đơn vị tính|đơn vị|đv tính|đ\/v)$/iu;
const NUMBERING_HEADING = /^(?:s\.?\s?tt|tt|số tt|số thứ tự)$/iu;
const NOTE_HEADING = /^ghi chú/iu;
const LABEL_HEADING =
  /^(?:chỉ tiêu|nội dung|sản phẩm|danh mục|tên|hạng mục|mặt hàng|lĩnh vực|ngành|địa phương|đơn vị hành chính|loại)/iu;
const YEAR_ONLY = /^(?:19|20)\d{2}$/;
const EMPTY_CELL: TableCell = { text: new MappedText('', [], []) };

const texts = (row: readonly TableCell[]): string[] => row.map((cell) => cellText(cell));

/** Lays a table out: which rows are headers, the heading of each column, and each column's role. */
export function layoutTable(block: TableBlock): TableLayout {
  const width = block.width;
  const rows = block.rows.filter((row) => !isColumnNumberRow(texts(row)));
  let headerCount = Math.max(1, block.headerRows);
  while (headerCount < rows.length && isHeaderLike(rows[headerCount] ?? [], width)) headerCount++;
  const headerRows = rows.slice(0, headerCount).map(texts);
  const headings = gridHeadings(headerRows, width);
  const body = rows
    .slice(headerCount)
    .map((row) => Array.from({ length: width }, (_, index) => row[index] ?? EMPTY_CELL));
  return { headings, roles: columnRoles(headings, body), body };
}

/** The tables of a document that hold figures, laid out (prose reading skips their lines). */
export function figureTables(raw: string): { block: TableBlock; layout: TableLayout }[] {
  return findTableBlocks(raw)
    .map((block) => ({ block, layout: layoutTable(block) }))
    .filter(({ layout }) => holdsFigures(layout));
}

/** True when the table has a figure in a value column: only then is it read as a table, not as prose. */
export function holdsFigures(layout: TableLayout): boolean {
  return layout.body.some((row) =>
    row.some((cell, column) => layout.roles[column] === 'value' && readCellFigure(cellText(cell)) !== null),
  );
}

// A second header row: merged cells make it short, or it names columns and holds no figure.
function isHeaderLike(row: readonly TableCell[], width: number): boolean {
  const cells = texts(row);
  if (cells.length < width) return true;
  if (cells[0] && isNumberingCell(cells[0])) return false;
  const named = cells.slice(1).filter((cell) => cell !== '');
  return (
    named.length >= Math.ceil((width - 1) / 2) &&
    named.every((cell) => readCellFigure(cell) === null || YEAR_ONLY.test(cell))
  );
}

/**
 * The header cells over each column. A short row (merged cells dropped by the export) sits under
 * the rightmost columns; the row above it spans them: its first cells stand over one column each
 * (they run down through the rows below), its other cells share the rest evenly. An empty cell in
 * a full upper row continues its left neighbour (a merged heading).
 */
function gridHeadings(rows: readonly string[][], width: number): string[][] {
  const grid: string[][] = Array.from({ length: width }, () => []);
  rows.forEach((row, r) => {
    const below = rows[r + 1];
    const placed = placeRow(row, width, below);
    placed.forEach((text, column) => {
      const heading = grid[column] as string[];
      if (text && heading.at(-1) !== text) heading.push(text);
    });
  });
  return grid;
}

function placeRow(row: readonly string[], width: number, below: readonly string[] | undefined): string[] {
  if (row.length >= width) {
    const placed = row.slice(0, width);
    if (!below || below.length < width) return placed;
    // A merged heading: an empty upper cell over a named one continues its left neighbour.
    for (let column = 1; column < width; column++) {
      if (!placed[column] && below[column]) placed[column] = placed[column - 1] ?? '';
    }
    return placed;
  }
  const spanFrom = below && below.length < width ? width - below.length : null;
  if (spanFrom !== null && spanFrom <= row.length) {
    const placed = row.slice(0, spanFrom);
    const spanning = row.slice(spanFrom);
    const span = (width - spanFrom) / Math.max(1, spanning.length);
    for (let column = spanFrom; column < width; column++) {
      placed.push(spanning[Math.min(spanning.length - 1, Math.floor((column - spanFrom) / span))] ?? '');
    }
    return placed;
  }
  // The lowest short row: under the rightmost columns.
  return [...Array.from({ length: width - row.length }, () => ''), ...row];
}

function columnRoles(headings: readonly string[][], body: readonly TableCell[][]): ColumnRole[] {
  const roles: ColumnRole[] = headings.map((parts) => {
    const heading = (parts.at(-1) ?? '').replace(/[:.]+$/, '').trim();
    if (UNIT_HEADING.test(heading)) return 'unit';
    if (NUMBERING_HEADING.test(heading)) return 'numbering';
    if (NOTE_HEADING.test(heading)) return 'note';
    if (LABEL_HEADING.test(heading)) return 'label';
    return 'value';
  });
  const column = (index: number): string[] => body.map((row) => cellText(row[index])).filter(Boolean);
  if (!roles.includes('numbering') && column(0).length > 0 && column(0).every(isNumberingCell)) {
    roles[0] = 'numbering';
  }
  if (!roles.includes('label')) {
    // The label column: the first whose cells are mostly words.
    const index = roles.findIndex((role, at) => {
      if (role !== 'value') return false;
      const cells = column(at);
      return cells.filter((cell) => readCellFigure(cell) === null).length > cells.length / 2;
    });
    if (index >= 0) roles[index] = 'label';
  }
  return roles;
}
