import type { Attachment } from 'svelte/attachments';
import { SvelteMap } from 'svelte/reactivity';

// A row of the pivot with one figure line, as drawn; the first guess until rows are measured.
const FIRST_ESTIMATE = 44;

/**
 * The drawn heights of a table's rows by key, as a ResizeObserver reports them: rows that were drawn
 * keep their height when they leave the page, so scrolling back lays them out where they were; rows
 * never drawn are given the mean of those measured.
 */
export class RowHeights {
  #heights = new SvelteMap<string, number>();
  #observer: ResizeObserver | null = null;
  #keys = new WeakMap<Element, string>();

  readonly estimate = $derived.by(() => {
    if (this.#heights.size === 0) return FIRST_ESTIMATE;
    let total = 0;
    for (const height of this.#heights.values()) total += height;
    return total / this.#heights.size;
  });

  /** The height of each row: measured, or the estimate. */
  of(keys: readonly string[]): number[] {
    return keys.map((key) => this.#heights.get(key) ?? this.estimate);
  }

  /** Measures the element (a row drawn with this key) now and whenever its size changes. */
  measure(key: string): Attachment<HTMLElement> {
    return (element) => {
      this.#observer ??= new ResizeObserver((entries) => {
        for (const entry of entries) {
          const measured = this.#keys.get(entry.target);
          const height = entry.target.getBoundingClientRect().height;
          if (measured !== undefined && height > 0 && this.#heights.get(measured) !== height)
            this.#heights.set(measured, height);
        }
      });
      this.#keys.set(element, key);
      this.#observer.observe(element);
      return () => this.#observer?.unobserve(element);
    };
  }
}
