/**
 * A stale-answer guard: each request takes a ticket, and only the newest ticket may show its
 * answer, so an older query that finishes after a newer one never overwrites it.
 */
export class LatestRequest {
  #latest = 0;

  /** Starts a request; the function returned says whether it is still the newest. */
  begin(): () => boolean {
    const ticket = ++this.#latest;
    return () => ticket === this.#latest;
  }
}
