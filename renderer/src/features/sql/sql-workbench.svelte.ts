import type { Table } from 'apache-arrow';
import type { WorkbenchDatabase } from '../../lib/db/database.ts';
import type { DbError } from '../../lib/db/db-error.ts';
import type { Collection, UserStore } from '../../lib/platform/user-store.ts';
import { newId } from '../../lib/platform/new-id.ts';
import type { FreshStart, Workspace } from '../../lib/warehouse/workspace.ts';
import {
  isReadOnlyStatement,
  splitStatements,
  statementAt,
  type Statement,
} from '../../lib/db/statements.ts';
import { activeTabSchema, historyEntrySchema, savedQuerySchema, storedTabSchema } from './sql-storage.ts';
import { STARTER_QUERIES, type SavedQuery } from './starter-queries.ts';

export interface QueryTab {
  id: string;
  title: string;
  text: string;
}

export interface HistoryEntry {
  id: string;
  sql: string;
  at: string;
  durationMs: number;
  rows: number | null;
  error: string | null;
}

export type SqlOutcome =
  | { kind: 'idle' }
  | { kind: 'empty' }
  | { kind: 'rows'; table: Table; elapsedMs: number; statement: Statement; tabId: string }
  | { kind: 'error'; error: DbError; elapsedMs: number; statement: Statement; tabId: string };

const HISTORY_LIMIT = 500;
const DEFAULT_SQL = 'SELECT doc_id, title, issued_on, char_count\nFROM documents\nORDER BY issued_on;';

/**
 * The SQL workbench: tabs, running statements one at a time (with cancel and a guard against
 * stale answers), the history of every run and named saved queries, all kept in the user store.
 * Nothing is written before the stored state has been read (`loaded`), and every write is one
 * item by id, so no write can replace what it has not read.
 */
export class SqlWorkbench {
  tabs = $state<QueryTab[]>([{ id: 'tab-1', title: 'Truy vấn 1', text: DEFAULT_SQL }]);
  activeTabId = $state('tab-1');
  running = $state(false);
  startedAt = $state(0);
  outcome = $state.raw<SqlOutcome>({ kind: 'idle' });
  /** Base tables a statement damaged and the workbench restored, shown as a notice. */
  restored = $state.raw<string[]>([]);
  /** The last time a fresh database replaced the user's (a reset, a detached catalogue), shown as a notice. */
  freshStart = $state.raw<FreshStart | null>(null);
  history = $state.raw<HistoryEntry[]>([]);
  saved = $state.raw<SavedQuery[]>([]);
  /** True once history, saved queries and tabs have been read from the store. */
  loaded = $state(false);
  /** A saving problem, in the user's language; nothing else is lost when it happens. */
  storageError = $state<string | null>(null);

  #db: WorkbenchDatabase;
  #workspace: Workspace;
  #afterWrite: () => Promise<void>;
  #latestRun = 0;
  #restoring: Promise<void> | undefined;
  readonly #savedQueries: Collection<SavedQuery>;
  readonly #history: Collection<HistoryEntry>;
  readonly #tabs: Collection<QueryTab & { position: number }>;
  readonly #activeTab: Collection<{ id: 'active'; tabId: string }>;

  constructor(
    db: WorkbenchDatabase,
    workspace: Workspace,
    afterWrite: () => Promise<void>,
    store: UserStore,
  ) {
    this.#db = db;
    this.#workspace = workspace;
    this.#afterWrite = afterWrite;
    this.#savedQueries = store.collection('saved-queries', savedQuerySchema, { seed: STARTER_QUERIES });
    this.#history = store.collection('query-history', historyEntrySchema);
    this.#tabs = store.collection('sql-tabs', storedTabSchema);
    this.#activeTab = store.collection('sql-active-tab', activeTabSchema);
    workspace.onFreshStart((fresh) => (this.freshStart = fresh));
  }

  get activeTab(): QueryTab {
    return this.tabs.find((tab) => tab.id === this.activeTabId) ?? (this.tabs[0] as QueryTab);
  }

  /** Reads history, saved queries and tabs from the store (once; later calls wait for the first). */
  restore(): Promise<void> {
    this.#restoring ??= this.#read();
    return this.#restoring;
  }

  async #read(): Promise<void> {
    try {
      const [history, saved, tabs, active] = await Promise.all([
        this.#history.all(),
        this.#savedQueries.all(),
        this.#tabs.all(),
        this.#activeTab.all(),
      ]);
      this.history = history.sort((a, b) => b.at.localeCompare(a.at)).slice(0, HISTORY_LIMIT);
      this.saved = saved;
      if (tabs.length > 0) {
        this.tabs = tabs
          .sort((a, b) => a.position - b.position)
          .map(({ id, title, text }) => ({ id, title, text }));
        const front = active[0]?.tabId;
        this.activeTabId = this.tabs.some((tab) => tab.id === front) ? (front as string) : this.tabs[0]!.id;
      }
    } catch (cause) {
      // The store cannot be read: work goes on with the starter set, and saves still merge by id.
      this.saved = [...STARTER_QUERIES];
      this.#fail(cause);
    }
    this.loaded = true;
  }

  /** Runs the selection if there is one, else the statement under the cursor. */
  runAt(cursor: number, selection: { from: number; to: number } | null = null): Promise<void> {
    const text = this.activeTab.text;
    if (selection && selection.to > selection.from) {
      const statements = splitStatements(text.slice(selection.from, selection.to)).map((statement) => ({
        ...statement,
        from: statement.from + selection.from,
        to: statement.to + selection.from,
      }));
      return this.#run(statements);
    }
    const statement = statementAt(text, cursor);
    return this.#run(statement ? [statement] : []);
  }

  /** Runs every statement of the active tab, stopping at the first error. */
  runAll(): Promise<void> {
    return this.#run(splitStatements(this.activeTab.text));
  }

  /** Puts SQL in a new tab (or the active one when it is empty) and runs it. */
  async open(sql: string, title: string, run = true, reuse = false): Promise<void> {
    await this.restore();
    const empty = this.activeTab.text.trim() === '';
    // A tab that shows one thing at a time ("Số liệu"): the same tab again, never one more.
    const same = reuse ? this.tabs.find((tab) => tab.title === title) : undefined;
    if (same) this.selectTab(same.id);
    if (same || (empty && !reuse)) this.setText(sql);
    else this.addTab(sql, title);
    if (run) await this.runAll();
  }

  /** Stops the user's running (or still queued) statement; the app's own queries go on. */
  async cancel(): Promise<void> {
    await this.#db.cancelUserSql();
  }

  addTab(text = '', title?: string): void {
    if (!this.loaded) return;
    const id = newId('tab');
    this.tabs = [...this.tabs, { id, title: title ?? `Truy vấn ${this.tabs.length + 1}`, text }];
    this.activeTabId = id;
    // Every tab, so the first one is kept even if it was never edited (each write is by id).
    for (const tab of this.tabs) this.#saveTab(tab.id);
    this.#saveActiveTab();
  }

  closeTab(id: string): void {
    if (!this.loaded || this.tabs.length === 1) return;
    const index = this.tabs.findIndex((tab) => tab.id === id);
    this.tabs = this.tabs.filter((tab) => tab.id !== id);
    this.#write(this.#tabs.delete(id));
    if (this.activeTabId === id) {
      this.activeTabId = (this.tabs[Math.max(0, index - 1)] as QueryTab).id;
      this.#saveActiveTab();
    }
  }

  selectTab(id: string): void {
    if (!this.loaded) return;
    this.activeTabId = id;
    this.#saveActiveTab();
  }

  setText(text: string): void {
    if (!this.loaded) return;
    this.activeTab.text = text;
    this.#saveTab(this.activeTab.id);
  }

  /** Saves the query under its name and folder; resolves true once it is durable, false if it could not be kept. */
  async saveQuery(name: string, folder: string, sql: string): Promise<boolean> {
    await this.restore();
    const trimmed = name.trim();
    if (trimmed === '') return false;
    const folderName = folder.trim() || 'Chung';
    const existing = this.saved.find((query) => query.name === trimmed && query.folder === folderName);
    const query: SavedQuery = { id: existing?.id ?? newId('query'), name: trimmed, folder: folderName, sql };
    try {
      await this.#savedQueries.put(query);
    } catch (cause) {
      this.#fail(cause);
      return false;
    }
    this.storageError = null;
    this.saved = [...this.saved.filter((saved) => saved.id !== query.id), query];
    return true;
  }

  async deleteQuery(id: string): Promise<void> {
    try {
      await this.#savedQueries.delete(id);
    } catch (cause) {
      return this.#fail(cause);
    }
    this.saved = this.saved.filter((query) => query.id !== id);
  }

  async clearHistory(): Promise<void> {
    try {
      await this.#history.write({ delete: this.history.map((entry) => entry.id) });
    } catch (cause) {
      return this.#fail(cause);
    }
    this.history = [];
  }

  async #run(statements: Statement[]): Promise<void> {
    const tabId = this.activeTabId;
    if (statements.length === 0) {
      this.outcome = { kind: 'empty' };
      return;
    }
    const runId = ++this.#latestRun;
    this.running = true;
    this.startedAt = performance.now();
    this.restored = [];
    this.freshStart = null;
    let wrote = false;
    for (const statement of statements) {
      const started = performance.now();
      // User SQL runs on its own connection; the warehouse is checked after it, whatever it said.
      const result = await this.#db.userQuery(statement.text);
      const elapsedMs = performance.now() - started;
      const protectedResult = await this.#workspace.protect();
      if (protectedResult.ok && protectedResult.value.length > 0) this.restored = protectedResult.value;
      wrote ||= !isReadOnlyStatement(statement.text);
      this.#record(
        statement.text,
        elapsedMs,
        result.ok ? result.value.numRows : null,
        result.ok ? null : result.error.message,
      );
      // A newer run has started since: its answer, not this one, belongs on screen.
      if (runId !== this.#latestRun) return;
      if (!result.ok) {
        this.outcome = { kind: 'error', error: result.error, elapsedMs, statement, tabId };
        break;
      }
      this.outcome = { kind: 'rows', table: result.value, elapsedMs, statement, tabId };
    }
    this.running = false;
    if (wrote) await this.#afterWrite();
  }

  #record(sql: string, durationMs: number, rows: number | null, error: string | null): void {
    const entry: HistoryEntry = {
      id: newId('run'),
      sql,
      at: new Date().toISOString(),
      durationMs: Math.round(durationMs),
      rows,
      error,
    };
    const history = [entry, ...this.history];
    this.history = history.slice(0, HISTORY_LIMIT);
    const dropped = history.slice(HISTORY_LIMIT).map((old) => old.id);
    this.#write(this.#history.write({ put: [entry], delete: dropped }));
  }

  #saveTab(id: string): void {
    const position = this.tabs.findIndex((tab) => tab.id === id);
    const tab = this.tabs[position];
    if (tab) this.#write(this.#tabs.put({ ...$state.snapshot(tab), position }));
  }

  #saveActiveTab(): void {
    this.#write(this.#activeTab.put({ id: 'active', tabId: this.activeTabId }));
  }

  // Writes nobody waits for (typing, history) still report a failure to the user.
  #write(write: Promise<void>): void {
    write.then(
      () => (this.storageError = null),
      (cause: unknown) => this.#fail(cause),
    );
  }

  #fail(cause: unknown): void {
    this.storageError = cause instanceof Error ? cause.message : String(cause);
  }
}
