import { WorkbenchDatabase } from '../lib/db/database.ts';
import { fetchAsset } from '../lib/platform/fetch-asset.ts';
import { browserConnector } from '../lib/db/browser-connector.ts';
import type { DbError, DbResult } from '../lib/db/db-error.ts';
import { countRows, readSchemaCatalog, type SchemaObject } from '../lib/meaning/schema-catalog.ts';
import { Workspace } from '../lib/warehouse/workspace.ts';
import { openUserStore } from '../lib/platform/store-backends.ts';
import type { InvalidItem, UserStore } from '../lib/platform/user-store.ts';
import { SqlWorkbench } from '../features/sql/sql-workbench.svelte.ts';
import { PivotModel } from '../features/pivot/pivot-model.svelte.ts';
import { ReviewModel } from '../features/review/review-model.svelte.ts';
import { ImportsModel } from '../features/import/imports-model.svelte.ts';
import { ChartsModel } from '../features/charts/charts-model.svelte.ts';
import type { ReadAsset } from '../lib/warehouse/workspace.ts';
import type { AreaId } from './areas.ts';

/** A figure's source to show: an observation, or a span of a document. */
export type SourceTarget = { obsId: string } | { docId: string; start: number; end: number };

export type WorkbenchStatus = 'starting' | 'loading' | 'ready' | 'failed' | 'stopped';

/** App-wide state: the database, the warehouse workspace, its start-up status and its schema. */
export class Workbench {
  readonly db: WorkbenchDatabase;
  readonly workspace: Workspace;
  status = $state<WorkbenchStatus>('starting');
  error = $state.raw<DbError | null>(null);
  schema = $state.raw<SchemaObject[]>([]);
  /** Row counts by `schema.name`, counted when the schema browser asks; forgotten when the schema is re-read. */
  rowCounts = $state.raw<ReadonlyMap<string, number>>(new Map());
  // The indicators are the home: a statistician opens the workbench to read them, not to type SQL.
  area = $state<AreaId>('pivot');
  /** The document (and span) the Tài liệu area should show. */
  source = $state.raw<SourceTarget | null>(null);
  /** Stored items that failed validation: skipped, left on disk, and shown as a notice. */
  invalidStored = $state.raw<InvalidItem[]>([]);
  readonly store: UserStore;
  readonly sql: SqlWorkbench;
  readonly pivot: PivotModel;
  readonly review: ReviewModel;
  /** The charts and the user's edits of them, which the exports draw with too. */
  readonly charts: ChartsModel;
  /** Imported documents and user tables (the "Nhập dữ liệu" area). */
  readonly imports: ImportsModel;
  /** Reads a document's text: an imported one from the import store, the embedded ones from the app's files. */
  readonly readAsset: ReadAsset = async (path) => {
    const imported = this.imports.textOf(path);
    return imported === null ? fetchAsset(path) : new TextEncoder().encode(imported);
  };

  constructor(db: WorkbenchDatabase = new WorkbenchDatabase(browserConnector)) {
    this.db = db;
    this.store = openUserStore((invalid) => (this.invalidStored = [...this.invalidStored, ...invalid]));
    this.workspace = new Workspace(db, fetchAsset);
    db.onEngineDied(() => (this.status = 'stopped'));
    this.sql = new SqlWorkbench(db, this.workspace, () => this.refreshSchema(), this.store);
    this.pivot = new PivotModel(db, this.store);
    this.charts = new ChartsModel(db, this.store);
    this.imports = new ImportsModel(db, this.workspace, this.store, () => this.refreshSchema());
    this.review = new ReviewModel(
      db,
      this.workspace,
      this.readAsset,
      this.store,
      () => void this.pivot.refresh(),
    );
  }

  /** Opens the document a figure came from, with its sentence highlighted. */
  showSource(target: SourceTarget): void {
    this.source = target;
    this.area = 'documents';
  }

  /** Opens SQL in the SQL area and runs it (from a highlighted figure, a chart, the pivot). */
  openSql(sql: string, title: string, reuse = false): void {
    this.area = 'sql';
    void this.sql.open(sql, title, true, reuse);
  }

  /** "Khôi phục dữ liệu gốc": user tables dropped, the warehouse reloaded as shipped. */
  async resetWorkspace(): Promise<DbError | null> {
    const reset = await this.workspace.reset();
    if (reset.ok) await this.imports.restoreTables();
    await this.refreshSchema();
    return reset.ok ? null : reset.error;
  }

  /** Reads the user's state, starts DuckDB and loads the embedded warehouse from the app's own files. */
  async start(): Promise<void> {
    // First, and beside DuckDB rather than after it: nothing may be saved before it has been read.
    const userState = Promise.all([this.sql.restore(), this.pivot.restore(), this.review.restore()]);
    // The chart edits are read now but not waited for: the charts area waits for them itself.
    void this.charts.restore();
    await this.#fill(
      () => this.db.ready(),
      async () => {
        await this.imports.restore();
        // The user's corrections, laid over the warehouse before anything reads it; a failure is
        // shown by the review and leaves the warehouse's own figures in place.
        await this.review.apply();
        await userState;
      },
    );
  }

  /**
   * "Khởi động lại" after the engine died: a new engine filled by the same load path (warehouse,
   * imports and corrections from the workspace, user tables from the store). The user's state is
   * in the store and in the models, which stay as they are; objects made by SQL went with the engine.
   */
  async restartEngine(): Promise<void> {
    this.error = null;
    this.status = 'starting';
    await this.#fill(
      () => this.db.restart(),
      () => this.imports.restoreTables(),
    );
  }

  /**
   * The one start sequence: an engine, the warehouse loaded into it, the user's part, the schema,
   * "ready". The app's idle work (the pivot's table of figures) waits until it is done.
   */
  #fill(startEngine: () => Promise<DbResult<void>>, restoreUserPart: () => Promise<unknown>): Promise<void> {
    const filled = this.#fillSteps(startEngine, restoreUserPart);
    this.db.holdIdleWork(filled);
    return filled;
  }

  async #fillSteps(
    startEngine: () => Promise<DbResult<void>>,
    restoreUserPart: () => Promise<unknown>,
  ): Promise<void> {
    const started = await startEngine();
    if (!started.ok) return this.#fail(started.error);
    this.status = 'loading';
    const loaded = await this.workspace.load();
    if (!loaded.ok) return this.#fail(loaded.error);
    await restoreUserPart();
    const schema = await readSchemaCatalog(this.db);
    if (!schema.ok) return this.#fail(schema.error);
    this.schema = schema.value;
    this.rowCounts = new Map();
    this.status = 'ready';
  }

  /** Re-reads the schema (a query may have created or dropped objects); keeps the old one on error. */
  async refreshSchema(): Promise<void> {
    const schema = await readSchemaCatalog(this.db);
    if (!schema.ok) return;
    this.schema = schema.value;
    this.rowCounts = new Map();
  }

  /** Counts an object's rows unless they are known (a view's count runs its query: only on request). */
  async countRows(object: SchemaObject): Promise<void> {
    const key = `${object.schema}.${object.name}`;
    if (this.rowCounts.has(key)) return;
    const counts = this.rowCounts;
    const count = await countRows(this.db, object);
    // A schema re-read while counting forgets the counts: this one may be stale too.
    if (count.ok && this.rowCounts === counts) this.rowCounts = new Map([...counts, [key, count.value]]);
  }

  #fail(error: DbError): void {
    this.error = error;
    this.status = 'failed';
  }
}
