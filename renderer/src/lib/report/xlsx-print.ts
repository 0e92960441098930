import type ExcelJS from 'exceljs';

/** The smallest print scale a table still reads at; below it the sheet prints across pages instead. */
export const READABLE_SCALE = 0.6;

// A4 landscape (297 mm) with half-inch side margins, in the 96-dpi pixels Excel measures columns in.
const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
const PRINTABLE_PX = (297 / 25.4 - MARGINS.left - MARGINS.right) * 96;

// Excel turns a width of w characters into w × 7 + 5 pixels (the default font's digit is 7 px wide).
const columnPixels = (width: number): number => width * 7 + 5;

/** The scale at which columns of these widths (Excel characters) print one page wide, 1 when they fit. */
export function fitScale(widths: readonly number[]): number {
  const total = widths.reduce((sum, width) => sum + columnPixels(width), 0);
  return total === 0 ? 1 : Math.min(1, PRINTABLE_PX / total);
}

/** Where the sheet's title rows and label columns are, repeated on every printed page. */
export interface PrintTitles {
  rows: string;
  columns?: string;
}

/**
 * Landscape A4 page setup: one page wide when the columns fit at a readable scale (≥ 60%), otherwise
 * at full size across pages, with the title rows and the label columns repeated on every page.
 */
export function printLayout(widths: readonly number[], titles: PrintTitles): Partial<ExcelJS.PageSetup> {
  const base: Partial<ExcelJS.PageSetup> = {
    paperSize: 9,
    orientation: 'landscape',
    margins: MARGINS,
    printTitlesRow: titles.rows,
  };
  if (fitScale(widths) >= READABLE_SCALE) return { ...base, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return {
    ...base,
    fitToPage: false,
    scale: 100,
    pageOrder: 'overThenDown',
    ...(titles.columns ? { printTitlesColumn: titles.columns } : {}),
  };
}

/** Applies `printLayout` to a sheet from the widths of its columns as they are now set. */
export function setPrintLayout(sheet: ExcelJS.Worksheet, titles: PrintTitles): void {
  const widths: number[] = [];
  for (let index = 1; index <= sheet.columnCount; index++) widths.push(sheet.getColumn(index).width ?? 9);
  Object.assign(sheet.pageSetup, printLayout(widths, titles));
}

// Arial 10 writes about one character per unit of Excel's column width and needs ~13 pt a line.
const LINE_POINTS = 13;

/** The lines a wrapped text takes in a column of this width (Excel characters), its own breaks kept. */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width));
  return text.split('\n').reduce((lines, part) => lines + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

/** The width of each merged range's first cell: the widths of the columns it spans, summed. */
function mergedWidths(sheet: ExcelJS.Worksheet): Map<string, number> {
  const widths = new Map<string, number>();
  for (const range of sheet.model.merges ?? []) {
    const [first, last] = range.split(':').map((address) => sheet.getCell(address));
    if (!first || !last) continue;
    let width = 0;
    for (let column = Number(first.col); column <= Number(last.col); column++)
      width += sheet.getColumn(column).width ?? 9;
    widths.set(first.address, width);
  }
  return widths;
}

/**
 * Sets the height of rows `from`… to the lines of their tallest wrapped cell (a merged cell over
 * the columns it spans): neither Excel nor LibreOffice grows a row to its wrapped text on opening
 * a file, so wrapped lines overprint the next row or are cut off.
 */
export function fitWrappedRows(sheet: ExcelJS.Worksheet, from: number): void {
  const merged = mergedWidths(sheet);
  for (let index = from; index <= sheet.rowCount; index++) {
    const row = sheet.getRow(index);
    let lines = 1;
    row.eachCell((cell, column) => {
      if (!cell.alignment?.wrapText || cell.value === null || typeof cell.value === 'object') return;
      // A merged range's other cells read its first cell's value: count it once, over its width.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const width = merged.get(cell.address) ?? sheet.getColumn(column).width ?? 9;
      lines = Math.max(lines, wrappedLines(String(cell.value), width));
    });
    if (lines > 1) row.height = lines * LINE_POINTS;
  }
}
