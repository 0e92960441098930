import type { Table } from 'apache-arrow';
import type { JsonValue } from '../../../../electron/shared/ipc-contract.ts';
import type { WorkbenchDatabase } from '../../lib/db/database.ts';
import type { DbError } from '../../lib/db/db-error.ts';
import { loadDocument, saveDocument } from '../../lib/platform/persistent-store.ts';
import type { Workspace } from '../../lib/warehouse/workspace.ts';
import {
  isReadOnlyStatement,
  splitStatements,
  statementAt,
  type Statement,
} from '../../lib/db/statements.ts';
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

let nextId = 0;
const newId = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${(nextId++).toString(36)}`;

/**
 * The SQL workbench: tabs, running statements one at a time (with cancel and a guard against
 * stale answers), the history of every run and named saved queries, both persisted.
 */
export class SqlWorkbench {
  tabs = $state<QueryTab[]>([{ id: 'tab-1', title: 'Truy vấn 1', text: DEFAULT_SQL }]);
  activeTabId = $state('tab-1');
  running = $state(false);
  startedAt = $state(0);
  outcome = $state.raw<SqlOutcome>({ kind: 'idle' });
  /** Base tables a statement damaged and the workbench restored, shown as a notice. */
  restored = $state.raw<string[]>([]);
  history = $state.raw<HistoryEntry[]>([]);
  saved = $state.raw<SavedQuery[]>([...STARTER_QUERIES]);
  /** A saving problem, in the user's language; nothing else is lost when it happens. */
  storageError = $state<string | null>(null);

  #db: WorkbenchDatabase;
  #workspace: Workspace;
  #afterWrite: () => Promise<void>;
  #latestRun = 0;

  constructor(db: WorkbenchDatabase, workspace: Workspace, afterWrite: () => Promise<void>) {
    this.#db = db;
    this.#workspace = workspace;
    this.#afterWrite = afterWrite;
  }

  get activeTab(): QueryTab {
    return this.tabs.find((tab) => tab.id === this.activeTabId) ?? (this.tabs[0] as QueryTab);
  }

  /** Reads history, saved queries and tabs from where they were kept. */
  async restore(): Promise<void> {
    const [history, saved, tabs] = await Promise.all([
      loadDocument('query-history'),
      loadDocument('saved-queries'),
      loadDocument('sql-tabs'),
    ]);
    if (Array.isArray(history)) this.history = history as unknown as HistoryEntry[];
    if (Array.isArray(saved)) this.saved = saved as unknown as SavedQuery[];
    if (
      tabs &&
      typeof tabs === 'object' &&
      !Array.isArray(tabs) &&
      Array.isArray(tabs.tabs) &&
      tabs.tabs.length > 0
    ) {
      this.tabs = tabs.tabs as unknown as QueryTab[];
      this.activeTabId = typeof tabs.active === 'string' ? tabs.active : (this.tabs[0]?.id ?? 'tab-1');
    }
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
  async open(sql: string, title: string, run = true): Promise<void> {
    const empty = this.activeTab.text.trim() === '';
    if (empty) this.activeTab.text = sql;
    else this.addTab(sql, title);
    this.#saveTabs();
    if (run) await this.runAll();
  }

  async cancel(): Promise<void> {
    await this.#db.cancel();
  }

  addTab(text = '', title?: string): void {
    const id = newId('tab');
    this.tabs = [...this.tabs, { id, title: title ?? `Truy vấn ${this.tabs.length + 1}`, text }];
    this.activeTabId = id;
    this.#saveTabs();
  }

  closeTab(id: string): void {
    if (this.tabs.length === 1) return;
    const index = this.tabs.findIndex((tab) => tab.id === id);
    this.tabs = this.tabs.filter((tab) => tab.id !== id);
    if (this.activeTabId === id) this.activeTabId = (this.tabs[Math.max(0, index - 1)] as QueryTab).id;
    this.#saveTabs();
  }

  selectTab(id: string): void {
    this.activeTabId = id;
    this.#saveTabs();
  }

  setText(text: string): void {
    this.activeTab.text = text;
    this.#saveTabs();
  }

  async saveQuery(name: string, folder: string, sql: string): Promise<void> {
    const trimmed = name.trim();
    if (trimmed === '') return;
    const existing = this.saved.find((query) => query.name === trimmed && query.folder === folder.trim());
    const query: SavedQuery = {
      id: existing?.id ?? newId('query'),
      name: trimmed,
      folder: folder.trim() || 'Chung',
      sql,
    };
    this.saved = [...this.saved.filter((saved) => saved.id !== query.id), query];
    await this.#persist('saved-queries', this.saved as unknown as JsonValue);
  }

  async deleteQuery(id: string): Promise<void> {
    this.saved = this.saved.filter((query) => query.id !== id);
    await this.#persist('saved-queries', this.saved as unknown as JsonValue);
  }

  async clearHistory(): Promise<void> {
    this.history = [];
    await this.#persist('query-history', []);
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
    this.history = [entry, ...this.history].slice(0, HISTORY_LIMIT);
    void this.#persist('query-history', this.history as unknown as JsonValue);
  }

  #saveTabs(): void {
    void this.#persist('sql-tabs', { tabs: this.tabs as unknown as JsonValue, active: this.activeTabId });
  }

  async #persist(key: 'query-history' | 'saved-queries' | 'sql-tabs', value: JsonValue): Promise<void> {
    try {
      await saveDocument(key, $state.snapshot(value as unknown) as JsonValue);
      this.storageError = null;
    } catch (cause) {
      this.storageError = cause instanceof Error ? cause.message : String(cause);
    }
  }
}
