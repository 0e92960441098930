/**
 * What a model's writes to the user store look like to the user: `saved` is false from a change
 * until the store says it is on disk, and only the latest write's answer counts, so an earlier
 * write acknowledged late never shows "saved" while a later one is still in flight.
 */
export class SaveStatus {
  saved = $state(true);
  /** The last problem reading or saving, in the store's words; cleared by the next write that lands. */
  error = $state<string | null>(null);
  #writes = 0;

  /** Marks the change unsaved at once; resolves with whether `write` reached the disk. */
  async track(write: () => Promise<unknown>): Promise<boolean> {
    const current = ++this.#writes;
    this.saved = false;
    const saved = await this.attempt(write);
    if (current === this.#writes) this.saved = saved;
    return saved;
  }

  /** A write whose problem is shown but which is not the change `saved` is about (a named layout, say). */
  async attempt(write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
      this.error = null;
      return true;
    } catch (cause) {
      this.fail(cause);
      return false;
    }
  }

  fail(cause: unknown): void {
    this.error = cause instanceof Error ? cause.message : String(cause);
  }
}
