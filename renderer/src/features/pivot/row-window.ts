/**
 * Which rows of a long table of rows of different heights to put in the page: those on screen and
 * a margin around them, with the height of the rows left out above and below (spacer rows), so the
 * table scrolls as if every row were there. Heights not yet measured are estimated by the caller.
 */
export interface RowWindow {
  /** The first row drawn. */
  start: number;
  /** One past the last row drawn. */
  end: number;
  /** The height of the rows before `start`. */
  before: number;
  /** The height of the rows from `end` on. */
  after: number;
}

/**
 * The rows that meet [scrollTop − margin, scrollTop + viewport + margin]: at least one when there
 * are rows, and never past the end (a list that shrank under a scrolled table shows its last rows).
 */
export function rowWindow(
  heights: readonly number[],
  scrollTop: number,
  viewport: number,
  margin: number,
): RowWindow {
  const top = Math.max(0, scrollTop - margin);
  const bottom = scrollTop + viewport + margin;
  let start = 0;
  let before = 0;
  while (start < heights.length - 1 && before + heights[start]! <= top) before += heights[start++]!;
  let end = start;
  let reached = before;
  while (end < heights.length && (end === start || reached < bottom)) reached += heights[end++]!;
  let after = 0;
  for (let at = end; at < heights.length; at++) after += heights[at]!;
  return { start, end, before, after };
}

/** Where row `index` begins: the height of the rows before it. */
export function offsetOf(heights: readonly number[], index: number): number {
  let offset = 0;
  for (let at = 0; at < Math.min(index, heights.length); at++) offset += heights[at]!;
  return offset;
}
