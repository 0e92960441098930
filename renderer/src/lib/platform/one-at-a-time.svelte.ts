/**
 * Lets a model's user actions run one at a time: `busy` from a call until it settles (failed or
 * not), and a call made meanwhile (a double click, a second button) is refused without running, so
 * one action is never written twice. Unlike SaveStatus, which lets writes overlap and reports the
 * latest, this keeps a second write from starting at all.
 */
export class OneAtATime {
  busy = $state(false);

  /** Runs `action` unless another is in flight, in which case resolves to `refused` at once. */
  async run<T>(action: () => Promise<T>, refused: T): Promise<T> {
    if (this.busy) return refused;
    this.busy = true;
    try {
      return await action();
    } finally {
      this.busy = false;
    }
  }
}
