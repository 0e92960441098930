import type { WorkbenchDatabase } from '../../lib/db/database.ts';
import type { DbResult } from '../../lib/db/db-error.ts';
import type { MessageKey } from '../../lib/i18n/dictionary.ts';
import { ImportError, type ImportProblem, type ImportResult } from '../../lib/import/import-problem.ts';
import { loadProblem } from '../../lib/import/load-problem.ts';
import {
  ImportStore,
  type BrokenEntry,
  type ImportedDocumentContent,
  type ImportedDocumentEntry,
  type StoredMapping,
  type UserTableEntry,
} from '../../lib/import/import-store.ts';
import { importedDocId, importedTextPath, type DocumentDetails } from '../../lib/import/imported-document.ts';
import { additionsFor, userTableIndicators, type AddedSource } from '../../lib/import/imported-sources.ts';
import { tableNameFor } from '../../lib/import/table-name.ts';
import { userTableObservations } from '../../lib/import/user-observations.ts';
import { createUserTable } from '../../lib/import/user-table.ts';
import type { UserStore } from '../../lib/platform/user-store.ts';
import type { WarehouseTable } from '../../lib/warehouse/tables.ts';
import type { Workspace } from '../../lib/warehouse/workspace.ts';
import { documentsNow, indicatorsNow, type ShippedContents } from '../../lib/import/workspace-contents.ts';
import {
  dropUserTable,
  indicatorIds,
  userTableColumns,
  userTableNames,
  workspaceDocuments,
} from './import-queries.ts';
import type { ReadFile } from './import-messages.ts';
import { ImportWorker } from './import-worker-client.ts';

/** What an import is doing: reading the file (share of pages known for a PDF), extracting, saving, loading. */
export interface ImportProgress {
  stage: 'reading' | 'extracting' | 'saving' | 'loading';
  /** 0–1, or null when the stage cannot say how far it is. */
  fraction: number | null;
}

/** What the import area tells the user: a refusal with its reason, or what was added. */
export type ImportNotice =
  | { kind: 'problem'; problem: Pick<ImportProblem, 'key' | 'values'> }
  | { kind: 'done'; key: MessageKey; values: Record<string, string | number> };

/** A notice of a refusal: also why a saved source is not loaded in this session. */
export type ProblemNotice = Extract<ImportNotice, { kind: 'problem' }>;

/** A document read and waiting for the user to confirm its details. */
export interface PendingDocument {
  fileName: string;
  read: ReadFile;
  details: DocumentDetails;
}

/** The last document import, measured: what the note on import speed reports. */
export interface ImportTiming {
  docId: string;
  /** From choosing the file to its text being shown. */
  readMs: number;
  /** From "Thêm" to its figures being in the workspace: extraction, saving, loading, each timed. */
  addMs: number;
  extractMs: number;
  saveMs: number;
  loadMs: number;
  figures: number;
}

// A progress bar only for work that lasts: anything quicker just happens.
const PROGRESS_DELAY_MS = 300;

const catalogueUrl = (): string => new URL('indicators.json', document.baseURI).href;

/**
 * The import area's state: imported documents and user tables, kept in the durable store and laid
 * into the workspace as rows appended to the warehouse tables (documents, figures, indicators) and
 * tables of the user schema. Files are read and extracted in the import worker.
 */
export class ImportsModel {
  documents = $state.raw<ImportedDocumentEntry[]>([]);
  tables = $state.raw<UserTableEntry[]>([]);
  columns = $state.raw<Record<string, { name: string; type: string }[]>>({});
  broken = $state.raw<BrokenEntry[]>([]);
  pending = $state<PendingDocument | null>(null);
  progress = $state.raw<ImportProgress | null>(null);
  /** True once work has lasted PROGRESS_DELAY_MS: the bar shows then. */
  showProgress = $state(false);
  notice = $state.raw<ImportNotice | null>(null);
  /** Sources kept in the store that this session's workspace could not take (memory), by doc_id. */
  notLoaded = $state.raw<ReadonlyMap<string, ProblemNotice>>(new Map());
  timing = $state.raw<ImportTiming | null>(null);
  restored = $state(false);
  /** True once the import worker has its catalogue and warm code (see prepare()). */
  prepared = $state(false);
  readonly #db: WorkbenchDatabase;
  readonly #workspace: Workspace;
  readonly #store: ImportStore;
  readonly #onChanged: () => Promise<void>;
  readonly #worker = new ImportWorker();
  #contents = new Map<string, ImportedDocumentContent>();
  #userSources = new Map<string, AddedSource & { text: string }>();
  #shipped: ShippedContents = { documents: [], indicators: new Set() };
  #applied = false;
  #preparing = false;
  #progressTimer: ReturnType<typeof setTimeout> | undefined;
  #readStarted = 0;
  #readMs = 0;

  constructor(db: WorkbenchDatabase, workspace: Workspace, store: UserStore, onChanged: () => Promise<void>) {
    this.#db = db;
    this.#workspace = workspace;
    this.#store = new ImportStore(store);
    this.#onChanged = onChanged;
  }

  /** True while a file is being read, extracted or saved. */
  get busy(): boolean {
    return this.progress !== null;
  }

  /** The text behind an imported document's provenance offsets, for the document reader. */
  textOf(path: string): string | null {
    for (const [docId, content] of this.#contents) if (importedTextPath(docId) === path) return content.text;
    for (const [, source] of this.#userSources) if (source.document.source_path === path) return source.text;
    return null;
  }

  /**
   * Starts the import worker with the catalogue loaded and the extraction core run once, when the
   * import area opens: the user's first import does not wait for them. A failure here is told by
   * the import itself.
   */
  prepare(): void {
    if (this.#preparing) return;
    this.#preparing = true;
    this.#worker.run('prepare', { catalogueUrl: catalogueUrl() }).then(
      (prepared) => (this.prepared = prepared.ok),
      () => (this.#preparing = false),
    );
  }

  /** Loads what was imported before (after the warehouse is loaded): tables, their sources, documents. */
  async restore(): Promise<void> {
    // Before any addition: what the warehouse holds as shipped.
    const [indicators, documents] = [await indicatorIds(this.#db), await workspaceDocuments(this.#db)];
    this.#shipped = {
      indicators: indicators.ok ? indicators.value : new Set(),
      documents: documents.ok ? documents.value : [],
    };
    const stored = await this.#store.documents();
    this.#contents = new Map(stored.items.map(({ entry, content }) => [entry.id, content]));
    this.documents = stored.items.map(({ entry }) => entry);
    this.broken = stored.broken;
    await this.restoreTables();
    this.restored = true;
  }

  /** Creates the stored user tables again (at start and after "Khôi phục dữ liệu gốc"), then the additions. */
  async restoreTables(): Promise<void> {
    const tables: UserTableEntry[] = [];
    this.#userSources.clear();
    for (const { entry, csvText } of await this.#store.tables()) {
      const loaded = csvText === null ? null : await this.#createTable(`${entry.id}.csv`, csvText, entry.id);
      if (!loaded?.ok) {
        this.broken = [
          ...this.broken,
          {
            id: entry.id,
            reason: loaded ? loaded.error.message : 'missing parts',
            kind: 'table',
            stored: { id: entry.id, content: entry.content, parts: entry.parts },
          },
        ];
        continue;
      }
      tables.push(entry);
      if (entry.mapping) await this.#addUserSource(entry.mapping);
    }
    this.tables = tables;
    await this.#apply();
  }

  /** Reads a document file in the worker and shows its text with proposed details; refuses bad files. */
  async readDocument(file: File): Promise<void> {
    this.#readStarted = performance.now();
    this.pending = null;
    const read = await this.#work({ stage: 'reading', fraction: 0 }, async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      return this.#worker.run('read', { fileName: file.name, bytes }, (fraction) => {
        this.progress = { stage: 'reading', fraction };
      });
    });
    if (!read) return;
    const { sameFile } = documentsNow(this.#shipped, this.#sources(), read.sha256);
    if (sameFile !== null) return this.#refuse('import.duplicate', { name: file.name, title: sameFile });
    this.#readMs = performance.now() - this.#readStarted;
    this.pending = { fileName: file.name, read, details: { ...read.details } };
  }

  /** Extracts the pending document in the worker, keeps it durably, then adds it to the workspace. */
  async addPending(): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    const started = performance.now();
    const details = $state.snapshot(pending.details);
    const { ids } = documentsNow(this.#shipped, this.#sources(), pending.read.sha256);
    const docId = importedDocId(pending.fileName, ids);
    const extracted = await this.#work({ stage: 'extracting', fraction: null }, () =>
      this.#worker.run('extract', {
        docId,
        text: pending.read.text,
        sha256: pending.read.sha256,
        details,
        catalogueUrl: catalogueUrl(),
      }),
    );
    if (!extracted) return;
    const extractedAt = performance.now();
    const content: ImportedDocumentContent = { text: pending.read.text, ...extracted };
    const entry = await this.#work({ stage: 'saving', fraction: null }, () =>
      this.#saved(() =>
        this.#store.putDocument(
          {
            id: docId,
            fileName: pending.fileName,
            format: pending.read.format,
            title: String(extracted.document.title ?? docId),
            sha256: pending.read.sha256,
            importedAt: new Date().toISOString(),
            figures: extracted.observations.length,
          },
          content,
        ),
      ),
    );
    if (!entry) return;
    const savedAt = performance.now();
    this.#contents.set(docId, content);
    this.documents = [...this.documents, entry];
    this.pending = null;
    // Only its rows appended: the warehouse and earlier imports stay loaded as they are.
    const { document: row, observations, indicators } = extracted;
    const loaded = await this.#work({ stage: 'loading', fraction: null }, async () => ({
      ok: true,
      value: await this.#apply({ document: row, observations, indicators }),
    }));
    if (!loaded) {
      // Its figures are not in the workspace, so it is not kept either: the store says what is loaded.
      await this.#store.removeDocument(entry);
      this.#contents.delete(docId);
      this.documents = this.documents.filter((candidate) => candidate.id !== docId);
      return;
    }
    const done = performance.now();
    this.timing = {
      docId,
      readMs: this.#readMs,
      addMs: done - started,
      extractMs: extractedAt - started,
      saveMs: savedAt - extractedAt,
      loadMs: done - savedAt,
      figures: extracted.observations.length,
    };
    this.notice = {
      kind: 'done',
      key: 'importArea.documentAdded',
      values: { title: entry.title, figures: entry.figures },
    };
  }

  /** Drops the document waiting for confirmation. */
  cancelPending(): void {
    this.pending = null;
  }

  /** Removes an imported document: from the store first, then from the workspace. */
  async removeDocument(docId: string): Promise<void> {
    const entry = this.documents.find((candidate) => candidate.id === docId);
    if (!entry) return;
    if (!(await this.#forgotten(() => this.#store.removeDocument(entry)))) return;
    this.#contents.delete(docId);
    this.documents = this.documents.filter((candidate) => candidate.id !== docId);
    await this.#apply();
    this.notice = { kind: 'done', key: 'importArea.documentRemoved', values: { title: entry.title } };
  }

  /** Forgets an item the store could not read back (a document or a table), entry and parts. */
  async removeBroken(id: string): Promise<void> {
    const broken = this.broken.find((candidate) => candidate.id === id);
    if (!broken) return;
    const forget = () =>
      broken.kind === 'document'
        ? this.#store.removeDocument(broken.stored)
        : this.#store.removeTable(broken.stored);
    if (!(await this.#forgotten(forget))) return;
    this.broken = this.broken.filter((candidate) => candidate !== broken);
    this.notice =
      broken.kind === 'document'
        ? { kind: 'done', key: 'importArea.documentRemoved', values: { title: id } }
        : { kind: 'done', key: 'importArea.tableRemoved', values: { table: id } };
  }

  /** Reads a CSV/XLSX file in the worker, creates its user table, and keeps it durably. */
  async importTable(file: File): Promise<void> {
    const taken = await userTableNames(this.#db);
    const name = tableNameFor(file.name, taken.ok ? taken.value : new Set());
    const table = await this.#work({ stage: 'reading', fraction: null }, async () => {
      const prepared = await this.#worker.run('table', {
        fileName: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      if (!prepared.ok) return prepared;
      this.progress = { stage: 'loading', fraction: null };
      const created = await createUserTable(this.#db, prepared.value, name);
      return created.ok
        ? { ok: true, value: { ...created.value, csvText: prepared.value.csvText } }
        : created;
    });
    if (!table) return;
    const entry = await this.#work({ stage: 'saving', fraction: null }, () =>
      this.#saved(() =>
        this.#store.putTable(
          {
            id: name,
            fileName: file.name,
            importedAt: new Date().toISOString(),
            rows: table.rows,
            mapping: null,
          },
          table.csvText,
        ),
      ),
    );
    if (!entry) {
      // Not kept, so not shown either: a table that would vanish on restart is not pretended saved.
      await dropUserTable(this.#db, name);
      return;
    }
    this.columns = { ...this.columns, [name]: table.columns };
    this.tables = [...this.tables, entry];
    await this.#onChanged();
    this.notice = {
      kind: 'done',
      key: table.reencoded ? 'importArea.tableAddedReencoded' : 'importArea.tableAdded',
      values: { table: `workspace.${name}`, rows: table.rows },
    };
  }

  /**
   * Turns a user table into observations of a "user" source (the guided mapping), kept with the table.
   * The workspace takes the figures first, then the store the mapping: a workspace that refuses them
   * leaves nothing written, and a save that fails takes the figures out again, so the store never
   * holds a mapping the session did not load, nor the session one the store lost.
   */
  async mapTable(mapping: StoredMapping): Promise<void> {
    const entry = this.tables.find((candidate) => candidate.id === mapping.table);
    if (!entry) return;
    const previous = this.#userSources.get(mapping.table);
    const restorePrevious = () => {
      if (previous) this.#userSources.set(mapping.table, previous);
      else this.#userSources.delete(mapping.table);
    };
    const added = await this.#work({ stage: 'loading', fraction: null }, () => this.#addUserSource(mapping));
    if (!added) return;
    // A table mapped again replaces its source: everything is set again then.
    if (!(await this.#apply(entry.mapping ? undefined : added))) return restorePrevious();
    const updated = { ...entry, mapping };
    const saved = await this.#work({ stage: 'saving', fraction: null }, () =>
      this.#saved(() => this.#store.updateTable(updated)),
    );
    if (saved === null) {
      const notice = this.notice;
      restorePrevious();
      await this.#apply();
      // The save's failure is what the user is told, not the reload that undid it.
      this.notice = notice;
      return;
    }
    this.tables = this.tables.map((candidate) => (candidate.id === entry.id ? updated : candidate));
    this.notice = {
      kind: 'done',
      key: 'importArea.tableMapped',
      values: { table: mapping.table, figures: added.observations.length },
    };
  }

  /** Removes a user table and the source made from it. */
  async removeTable(name: string): Promise<void> {
    const entry = this.tables.find((candidate) => candidate.id === name);
    if (!entry) return;
    if (!(await this.#forgotten(() => this.#store.removeTable(entry)))) return;
    this.tables = this.tables.filter((candidate) => candidate.id !== name);
    this.#userSources.delete(name);
    await dropUserTable(this.#db, name);
    await this.#apply();
    this.notice = { kind: 'done', key: 'importArea.tableRemoved', values: { table: name } };
  }

  /** The columns of a user table, read when first needed. */
  async loadColumns(name: string): Promise<void> {
    if (this.columns[name]) return;
    const columns = await userTableColumns(this.#db, name);
    if (columns.ok) this.columns = { ...this.columns, [name]: columns.value };
  }

  async #createTable(fileName: string, csvText: string, name: string): Promise<ImportResult<unknown>> {
    const prepared = await this.#worker.run('table', { fileName, bytes: new TextEncoder().encode(csvText) });
    if (!prepared.ok) return prepared;
    const created = await createUserTable(this.#db, prepared.value, name);
    if (created.ok) this.columns = { ...this.columns, [name]: created.value.columns };
    return created;
  }

  async #addUserSource(mapping: StoredMapping): Promise<ImportResult<AddedSource>> {
    const { title, ...columns } = mapping;
    const source = await userTableObservations(this.#db, columns, title);
    if (!source.ok) return source;
    const { document, text, observations } = source.value;
    const docId = String(document.doc_id);
    const added = {
      document: { ...document, source_path: importedTextPath(docId) },
      observations,
      indicators: userTableIndicators(observations),
      text,
    };
    this.#userSources.set(mapping.table, added);
    return { ok: true, value: added };
  }

  // Lays the added sources into the workspace, then says so: only `added` appended when given
  // (one more import), else every source set again (after a removal, or at start). False when the
  // workspace refused them (it then keeps what it had) and the notice says why.
  #apply(added?: AddedSource): Promise<boolean> {
    const applied = this.#applyNow(added);
    // The pivot's table of figures (idle work queued by the change) is computed after the schema is
    // read again, not between the two: at 1M rows it held the "done" notice back for 9 s.
    this.#db.holdIdleWork(applied);
    return applied;
  }

  async #applyNow(added?: AddedSource): Promise<boolean> {
    const sources = this.#sources();
    // Nothing imported, now or before: the workspace is the warehouse as shipped.
    if (sources.length === 0 && !this.#applied) return true;
    this.#applied = true;
    const applied = added ? await this.#append(added) : await this.#setAll(sources);
    if (!applied.ok) this.notice = { kind: 'problem', problem: loadProblem(applied.error) };
    await this.#onChanged();
    return applied.ok;
  }

  async #append(added: AddedSource): Promise<DbResult<void>> {
    // Indicators the workspace already has are not added twice: those of the other sources loaded.
    const others = this.#sources().filter(
      (source) => source.document.doc_id !== added.document.doc_id && !this.#isNotLoaded(source),
    );
    return this.#workspace.addRows(appendedRows(added, indicatorsNow(this.#shipped, others)));
  }

  // Every source set again. When they do not fit together, as many as fit are loaded one at a time,
  // in the order they were added, and the others stay in the store, marked as not loaded with the
  // reason: one source too large for this machine does not keep every other one out.
  async #setAll(sources: readonly AddedSource[]): Promise<DbResult<void>> {
    const all = await this.#workspace.setAdditions(additionsFor(sources, this.#shipped.indicators));
    if (all.ok) {
      this.notLoaded = new Map();
      return all;
    }
    const none = await this.#workspace.setAdditions(new Map());
    if (!none.ok) return none;
    const loaded: AddedSource[] = [];
    const notLoaded = new Map<string, ProblemNotice>();
    for (const source of sources) {
      const rows = appendedRows(source, indicatorsNow(this.#shipped, loaded));
      const appended = await this.#workspace.addRows(rows);
      if (appended.ok) loaded.push(source);
      else
        notLoaded.set(String(source.document.doc_id), {
          kind: 'problem',
          problem: loadProblem(appended.error),
        });
    }
    this.notLoaded = notLoaded;
    this.notice = {
      kind: 'problem',
      problem: { key: 'importArea.someNotLoaded', values: { count: notLoaded.size, total: sources.length } },
    };
    return { ok: true, value: undefined };
  }

  #isNotLoaded(source: AddedSource): boolean {
    return this.notLoaded.has(String(source.document.doc_id));
  }

  /** Why an imported document or a mapped table is kept but not in this session's figures, or null. */
  notLoadedReason(entryId: string): ProblemNotice | null {
    const docId = this.#userSources.get(entryId)?.document.doc_id ?? entryId;
    return this.notLoaded.get(String(docId)) ?? null;
  }

  // Every source users added: imported documents, then mapped user tables.
  #sources(): AddedSource[] {
    return [
      ...[...this.#contents.values()].map(({ document, observations, indicators }) => ({
        document,
        observations,
        indicators,
      })),
      ...this.#userSources.values(),
    ];
  }

  // Runs one stage of an import with its progress; a refusal becomes the notice and the answer null.
  async #work<T>(progress: ImportProgress, job: () => Promise<ImportResult<T>>): Promise<T | null> {
    this.progress = progress;
    this.notice = null;
    clearTimeout(this.#progressTimer);
    this.#progressTimer = setTimeout(() => (this.showProgress = this.progress !== null), PROGRESS_DELAY_MS);
    try {
      const result = await job();
      if (result.ok) return result.value;
      this.notice = { kind: 'problem', problem: result.error };
      return null;
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      this.notice = { kind: 'problem', problem: { key: 'importArea.failed', values: { detail: message } } };
      return null;
    } finally {
      this.progress = null;
      this.showProgress = false;
      clearTimeout(this.#progressTimer);
    }
  }

  // A write to the durable store, as a result: a failure is a refusal with its reason.
  async #saved<T>(write: () => Promise<T>): Promise<ImportResult<T>> {
    try {
      return { ok: true, value: await write() };
    } catch (cause) {
      const detail = cause instanceof Error ? cause.message : String(cause);
      return { ok: false, error: new ImportError('importArea.saveFailed', { detail }).problem };
    }
  }

  // A removal from the durable store: false, with the reason told, when it could not be written;
  // the item then stays where it is, in the store and on screen.
  async #forgotten(remove: () => Promise<void>): Promise<boolean> {
    try {
      await remove();
      return true;
    } catch (cause) {
      const detail = cause instanceof Error ? cause.message : String(cause);
      this.notice = { kind: 'problem', problem: { key: 'importArea.removeFailed', values: { detail } } };
      return false;
    }
  }

  #refuse(key: MessageKey, values: Record<string, string | number>): void {
    this.notice = { kind: 'problem', problem: { key, values } };
  }
}

// One source's rows for the workspace's tables, the indicators it already has left out.
function appendedRows(source: AddedSource, present: ReadonlySet<string>): Map<WarehouseTable, Uint8Array> {
  return new Map([...additionsFor([source], present)].map(([table, [bytes]]) => [table, bytes!]));
}
