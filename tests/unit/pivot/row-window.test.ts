import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetOf, rowWindow } from '../../../renderer/src/features/pivot/row-window.ts';

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

describe('the rows of a long table drawn near the screen', () => {
  it('draws the rows that meet the screen and its margin, and spaces out the rest', () => {
    const heights = [40, 40, 80, 40, 40, 40, 40, 40];
    // Screen 100–200 with a 50 px margin: rows meeting 50–250, i.e. rows 1 (40–80) to 5 (240–280).
    expect(rowWindow(heights, 100, 100, 50)).toEqual({ start: 1, end: 6, before: 40, after: 80 });
    expect(rowWindow(heights, 0, 100, 0)).toEqual({ start: 0, end: 3, before: 0, after: 200 });
    expect(offsetOf(heights, 3)).toBe(160);
  });

  it('shows the last rows when the list shrank under a table scrolled past its end, and none of none', () => {
    expect(rowWindow([30, 30], 5000, 400, 100)).toEqual({ start: 1, end: 2, before: 30, after: 0 });
    expect(rowWindow([], 0, 400, 100)).toEqual({ start: 0, end: 0, before: 0, after: 0 });
  });

  it('always keeps the table its full height and covers the screen wherever it is scrolled', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 300 }),
        fc.nat({ max: 60_000 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.nat({ max: 1000 }),
        (heights, scrolled, viewport, margin) => {
          const total = sum(heights);
          const scrollTop = Math.min(scrolled, Math.max(0, total - viewport));
          const drawn = rowWindow(heights, scrollTop, viewport, margin);
          const inside = sum(heights.slice(drawn.start, drawn.end));
          expect(drawn.before + inside + drawn.after).toBe(total);
          expect(drawn.before).toBe(offsetOf(heights, drawn.start));
          expect(drawn.end).toBeGreaterThan(drawn.start);
          // No part of the screen falls on a spacer.
          expect(drawn.before).toBeLessThanOrEqual(scrollTop);
          expect(drawn.before + inside).toBeGreaterThanOrEqual(Math.min(total, scrollTop + viewport));
        },
      ),
    );
  });
});
