import type { Table } from 'apache-arrow';
import type { WorkbenchDatabase } from '../../lib/db/database.ts';
import type { DbError } from '../../lib/db/db-error.ts';

export type SqlOutcome =
  | { kind: 'idle' }
  | { kind: 'empty' }
  | { kind: 'rows'; table: Table; elapsedMs: number }
  | { kind: 'error'; error: DbError; elapsedMs: number };

/** The plain SQL box: one statement at a time, with cancel and a guard against stale answers. */
export class SqlSession {
  text = $state('SELECT doc_id, title, issued_on, char_count\nFROM documents\nORDER BY issued_on');
  running = $state(false);
  outcome = $state.raw<SqlOutcome>({ kind: 'idle' });
  #db: WorkbenchDatabase;
  #latestRun = 0;
  #afterRun: () => Promise<void>;

  constructor(db: WorkbenchDatabase, afterRun: () => Promise<void> = async () => {}) {
    this.#db = db;
    this.#afterRun = afterRun;
  }

  async run(): Promise<void> {
    const sql = this.text.trim();
    if (sql === '') {
      this.outcome = { kind: 'empty' };
      return;
    }
    const runId = ++this.#latestRun;
    this.running = true;
    const started = performance.now();
    const result = await this.#db.query(sql);
    // A newer run has started since: its answer, not this one, belongs on screen.
    if (runId !== this.#latestRun) return;
    const elapsedMs = performance.now() - started;
    this.outcome = result.ok
      ? { kind: 'rows', table: result.value, elapsedMs }
      : { kind: 'error', error: result.error, elapsedMs };
    this.running = false;
    await this.#afterRun();
  }

  async cancel(): Promise<void> {
    await this.#db.cancel();
  }
}
