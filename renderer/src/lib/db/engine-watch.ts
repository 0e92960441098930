import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import { EngineDiedError } from './db-error.ts';

/** How long a step may run before the engine is asked whether it is alive, and how long it may stay silent. */
export interface LivenessLimits {
  /** A step running longer than this sends a ping (and another each time one is answered). */
  pingAfterMs: number;
  /** A ping unanswered for this long means the worker is gone (a busy worker answers when its step ends). */
  silentMs: number;
}

export const DEFAULT_LIVENESS: LivenessLimits = { pingAfterMs: 2_000, silentMs: 60_000 };

/**
 * Notices the death of one engine's worker and makes every step run through `guard` fail with an
 * EngineDiedError instead of waiting for an answer that will never come: DuckDB-WASM itself drops
 * its pending requests on a worker error without settling them. Heard from the worker's `error`
 * and `messageerror` events and its `close` (Node's worker on exit; the browser connector's on
 * terminate()); a worker that vanishes without a word is caught by the liveness ping.
 */
export class EngineWatch {
  readonly died: Promise<never>;
  #dead = false;
  #declare: (why: string) => void = () => {};
  readonly #db: AsyncDuckDB;
  readonly #limits: LivenessLimits;
  #running = 0;
  #pinging = false;
  #stopped = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #silence: ReturnType<typeof setTimeout> | undefined;

  constructor(db: AsyncDuckDB, onDied: (why: string) => void, limits: LivenessLimits = DEFAULT_LIVENESS) {
    this.#db = db;
    this.#limits = limits;
    this.died = new Promise<never>((_, reject) => {
      this.#declare = (why) => {
        if (this.#dead) return;
        this.#dead = true;
        clearTimeout(this.#timer);
        reject(new EngineDiedError(why));
        onDied(why);
      };
    });
    // Observed by every guard; unobserved (no step running), it must not surface as unhandled.
    this.died.catch(() => {});
    const worker = engineWorker(db);
    worker?.addEventListener('error', (event: Event) => {
      const message = (event as Partial<ErrorEvent>).message;
      this.#declare(typeof message === 'string' && message ? message : 'worker error');
    });
    worker?.addEventListener('messageerror', () => this.#declare('unreadable message from the worker'));
    worker?.addEventListener('close', () => this.#declare('worker closed'));
  }

  /** True once the worker is known to be gone. */
  get dead(): boolean {
    return this.#dead;
  }

  /**
   * `step`'s outcome, or an EngineDiedError as soon as the worker is gone. `ping: false` for the
   * engine's start, whose one long call (opening the database) holds the worker away from any ping.
   */
  async guard<T>(step: Promise<T>, { ping = true } = {}): Promise<T> {
    if (this.#dead) throw new EngineDiedError('worker closed');
    if (!ping) return Promise.race([step, this.died]);
    this.#running++;
    this.#schedulePing();
    try {
      return await Promise.race([step, this.died]);
    } finally {
      this.#running--;
    }
  }

  /**
   * Stops watching an engine being closed: no more pings, and no timer left behind, which kept a
   * Node process (the report CLI) alive up to two seconds after its work was done.
   */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    clearTimeout(this.#silence);
    this.#timer = undefined;
  }

  #schedulePing(): void {
    if (this.#timer !== undefined || this.#pinging || this.#dead || this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.#running > 0) void this.#ping();
    }, this.#limits.pingAfterMs);
  }

  async #ping(): Promise<void> {
    this.#pinging = true;
    this.#silence = setTimeout(() => this.#declare('no answer to a liveness ping'), this.#limits.silentMs);
    try {
      await this.#db.ping();
    } catch {
      // An answer, even an error, proves the worker is there.
    } finally {
      clearTimeout(this.#silence);
      this.#pinging = false;
    }
    if (this.#running > 0) this.#schedulePing();
  }
}

// AsyncDuckDB keeps its worker in a protected field; its events are what tells of its death.
function engineWorker(db: AsyncDuckDB): Worker | null {
  return (db as unknown as { _worker: Worker | null })._worker;
}
