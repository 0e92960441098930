interface Waiting {
  write: () => Promise<void>;
  timer?: ReturnType<typeof setTimeout>;
  landed: Promise<void>;
  /** Settles `landed` with the write's own promise, so its failure reaches every caller. */
  settle: (outcome: Promise<void>) => void;
}

/**
 * Writes that wait for a pause in typing, one per key: a write scheduled while another for the same
 * key still waits replaces it, so a burst of keystrokes becomes one durable write. Every caller of
 * the burst gets the same promise, settled when that one write lands (or fails).
 */
export class PausedWrites {
  readonly #pauseMs: number;
  readonly #waiting = new Map<string, Waiting>();

  constructor(pauseMs: number) {
    this.#pauseMs = pauseMs;
  }

  /** Runs `write` once no other write for `key` has been scheduled for the pause. */
  schedule(key: string, write: () => Promise<void>): Promise<void> {
    const waiting = this.#waiting.get(key) ?? waitingFor(write);
    clearTimeout(waiting.timer);
    waiting.write = write;
    waiting.timer = setTimeout(() => void this.now(key), this.#pauseMs);
    this.#waiting.set(key, waiting);
    return waiting.landed;
  }

  /** Runs the write waiting for `key` at once (on blur, Enter, or another change to the same thing). */
  now(key: string): Promise<void> {
    const waiting = this.#waiting.get(key);
    if (!waiting) return Promise.resolve();
    clearTimeout(waiting.timer);
    this.#waiting.delete(key);
    waiting.settle(waiting.write());
    return waiting.landed;
  }

  /** Runs `write` for `key` at once, in place of one still waiting: that one's callers settle on this write. */
  run(key: string, write: () => Promise<void>): Promise<void> {
    const waiting = this.#waiting.get(key);
    if (!waiting) return write();
    waiting.write = write;
    return this.now(key);
  }

  /** Runs every waiting write at once (the page is being hidden); resolves when all have landed. */
  async all(): Promise<void> {
    await Promise.all([...this.#waiting.keys()].map((key) => this.now(key)));
  }
}

function waitingFor(write: () => Promise<void>): Waiting {
  let settle: (outcome: Promise<void>) => void = () => {};
  const landed = new Promise<void>((resolve) => (settle = resolve));
  return { write, landed, settle };
}
