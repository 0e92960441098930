import { getContext, setContext } from 'svelte';
import { WorkbenchDatabase } from '../lib/db/database.ts';
import { browserConnector } from '../lib/db/browser-connector.ts';
import type { DbError } from '../lib/db/db-error.ts';
import { listTables, loadWarehouse } from '../lib/warehouse/load-warehouse.ts';

export type WorkbenchStatus = 'starting' | 'loading' | 'ready' | 'failed';

export interface TableSummary {
  name: string;
  rows: number;
}

/** App-wide state: the database, its start-up status and the loaded tables. */
export class Workbench {
  readonly db: WorkbenchDatabase;
  status = $state<WorkbenchStatus>('starting');
  error = $state.raw<DbError | null>(null);
  tables = $state.raw<TableSummary[]>([]);

  constructor(db: WorkbenchDatabase = new WorkbenchDatabase(browserConnector)) {
    this.db = db;
  }

  /** Starts DuckDB and loads the embedded warehouse from the app's own files. */
  async start(): Promise<void> {
    const ready = await this.db.ready();
    if (!ready.ok) return this.#fail(ready.error);
    this.status = 'loading';
    const loaded = await loadWarehouse(this.db, fetchAsset);
    if (!loaded.ok) return this.#fail(loaded.error);
    const tables = await listTables(this.db);
    if (!tables.ok) return this.#fail(tables.error);
    this.tables = tables.value;
    this.status = 'ready';
  }

  /** Re-reads the table list (a query may have created or dropped tables); keeps the old list on error. */
  async refreshTables(): Promise<void> {
    const tables = await listTables(this.db);
    if (tables.ok) this.tables = tables.value;
  }

  #fail(error: DbError): void {
    this.error = error;
    this.status = 'failed';
  }
}

async function fetchAsset(path: string): Promise<Uint8Array> {
  const response = await fetch(new URL(path, document.baseURI));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

const WORKBENCH = Symbol('workbench');

export function setWorkbench(workbench: Workbench): Workbench {
  return setContext(WORKBENCH, workbench);
}

/** The Workbench provided by App.svelte; throws when a component is used outside it. */
export function getWorkbench(): Workbench {
  const workbench = getContext<Workbench | undefined>(WORKBENCH);
  if (!workbench) throw new Error('getWorkbench() called outside <App>: no Workbench in context');
  return workbench;
}
