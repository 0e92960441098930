import type { WorkbenchDatabase } from '../../lib/db/database.ts';
import { LatestRequest } from '../../lib/db/latest-request.ts';
import type { ReadAsset } from '../../lib/warehouse/workspace.ts';
import {
  figureMarks,
  listDocuments,
  locateObservation,
  type DocumentSummary,
  type FigureMark,
} from './document-queries.ts';
import { layoutDocument, type DocumentLayout } from './document-layout.ts';

/** A span of a document to bring into view. */
export interface TextSpan {
  start: number;
  end: number;
}

/** Why a document could not be shown: not found, or its file unreadable (with the cause). */
export type DocumentProblem =
  { kind: 'notFound' } | { kind: 'unreadable'; cause: string } | { kind: 'query'; message: string };

/** The documents area: the list, the open document's text with its figures, and the focused span. */
export class DocumentsModel {
  documents = $state.raw<DocumentSummary[]>([]);
  selectedId = $state<string | null>(null);
  text = $state('');
  /** The open document's paragraphs, footnotes and tables, by raw offsets into `text`. */
  layout = $state.raw<DocumentLayout>({ blocks: [], references: [] });
  marks = $state.raw<FigureMark[]>([]);
  focus = $state.raw<TextSpan | null>(null);
  problem = $state.raw<DocumentProblem | null>(null);
  #db: WorkbenchDatabase;
  #readAsset: ReadAsset;
  #requests = new LatestRequest();

  constructor(db: WorkbenchDatabase, readAsset: ReadAsset) {
    this.#db = db;
    this.#readAsset = readAsset;
  }

  /** Reads the documents with their figure counts. */
  async loadDocuments(): Promise<void> {
    const result = await listDocuments(this.#db);
    if (result.ok) this.documents = result.value;
    else this.problem = { kind: 'query', message: result.error.message };
  }

  /** Re-reads the open document's figures (the review added, corrected or left some out). */
  async refreshMarks(): Promise<void> {
    const docId = this.selectedId;
    if (docId === null) return;
    const found = await figureMarks(this.#db, docId);
    if (found.ok && this.selectedId === docId) this.marks = found.value;
  }

  /** Opens the document an observation came from, at its figure. */
  async openObservation(obsId: string): Promise<boolean> {
    const current = this.#requests.begin();
    const place = await locateObservation(this.#db, obsId);
    if (!current()) return false;
    if (!place.ok || !place.value) {
      this.problem = { kind: 'notFound' };
      return false;
    }
    return this.#open(place.value.docId, { start: place.value.start, end: place.value.end }, current);
  }

  /** Opens a document, at a span if given; an older request answered late is dropped. */
  open(docId: string, at: TextSpan | null = null): Promise<boolean> {
    return this.#open(docId, at, this.#requests.begin());
  }

  async #open(docId: string, at: TextSpan | null, current: () => boolean): Promise<boolean> {
    // Opened before the list has loaded (a provenance link as the area mounts): read the list first,
    // because an imported document's text is not at the embedded documents' path.
    if (!this.documents.some((candidate) => candidate.docId === docId)) {
      await this.loadDocuments();
      if (!current()) return false;
    }
    const doc = this.documents.find((candidate) => candidate.docId === docId);
    if (!doc) {
      this.problem = { kind: 'notFound' };
      return false;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8').decode(await this.#readAsset(doc.sourcePath));
    } catch (cause) {
      if (current()) this.problem = { kind: 'unreadable', cause: String(cause) };
      return false;
    }
    const found = await figureMarks(this.#db, docId);
    if (!current()) return false;
    this.problem = null;
    this.text = text;
    this.layout = layoutDocument(text);
    this.marks = found.ok ? found.value : [];
    this.selectedId = docId;
    this.focus = at;
    return true;
  }
}
