import type { WorkbenchDatabase } from '../../lib/db/database.ts';
import type { DbResult } from '../../lib/db/db-error.ts';
import type { MessageKey } from '../../lib/i18n/dictionary.ts';
import { OneAtATime } from '../../lib/platform/one-at-a-time.svelte.ts';
import type { Collection, UserStore } from '../../lib/platform/user-store.ts';
import { addedId, applyCorrections, type OverlayResult } from '../../lib/review/apply-corrections.ts';
import {
  correctionSchema,
  sourcePreferenceSchema,
  type Correction,
  type FigurePatch,
  type Review,
  type SourcePreference,
} from '../../lib/review/correction.ts';
import { identityOf, type IdentifiedFigure } from '../../lib/review/figure-identity.ts';
import { FigureMatcher, reattachCandidates } from '../../lib/review/match-figure.ts';
import { correctionTableRows } from '../../lib/review/overlay-sql.ts';
import { readReviewBase, type ReviewBase } from '../../lib/review/review-figures.ts';
import { exportReview, importReview, mergeReviews } from '../../lib/review/review-file.ts';
import { draftFromSelection, identityOfDraft, type FigureDraft } from '../../lib/review/selection-figure.ts';
import type { ReadAsset, Workspace } from '../../lib/warehouse/workspace.ts';
import { patchOf } from './correction-input.ts';
import type { FigureDetail } from './review-queries.ts';

/** What the drill-down panel shows: the figures behind a pivot value or chart point, preferred first. */
export interface Drill {
  obsIds: string[];
  /** Changes on every open, so reopening the same cell reloads it. */
  opened: number;
}

/** A problem to show, as a dictionary key and its values. */
export interface ReviewProblem {
  key: MessageKey;
  values: Record<string, string | number>;
}

/**
 * The user's review ("hiệu đính"): corrections and chosen sources, kept in the user store (a change
 * counts only once it is durable) and laid over the warehouse in SQL by the workspace. Base data
 * never changes; every area reads the corrected figures through the meaning layer.
 */
export class ReviewModel {
  corrections = $state.raw<Correction[]>([]);
  preferences = $state.raw<SourcePreference[]>([]);
  /** Figures some correction applies to ("đã hiệu đính"). */
  reviewedIds = $state.raw<ReadonlySet<string>>(new Set());
  orphaned = $state.raw<Correction[]>([]);
  drill = $state.raw<Drill | null>(null);
  /** A figure the user is adding from a selection in the reader ("Thêm số liệu"), not yet saved. */
  draft = $state.raw<FigureDraft | null>(null);
  /** The orphaned correction the user is re-attaching: the panel offers it to every figure it shows. */
  reattaching = $state.raw<Correction | null>(null);
  /** Counts applied reviews: areas showing figures re-read them when it changes. */
  version = $state(0);
  /** The last saving or applying problem, shown to the user; null once a change went through. */
  problem = $state.raw<ReviewProblem | null>(null);
  #actions = new OneAtATime();
  #db: WorkbenchDatabase;
  #workspace: Workspace;
  #readAsset: ReadAsset;
  // State: the panel's sentence shows once the base, read behind the start, is there.
  #base = $state.raw<ReviewBase | null>(null);
  #byId = $state.raw(new Map<string, IdentifiedFigure>());
  #baseRead: Promise<DbResult<ReviewBase>> | null = null;
  #restoring: Promise<void> | undefined;
  readonly #onChange: () => void;
  readonly #correctionStore: Collection<Correction>;
  readonly #preferenceStore: Collection<SourcePreference>;

  /** `onChange` runs after the user changed the review and it was applied (areas re-read their figures). */
  constructor(
    db: WorkbenchDatabase,
    workspace: Workspace,
    readAsset: ReadAsset,
    store: UserStore,
    onChange: () => void = () => {},
  ) {
    this.#onChange = onChange;
    this.#db = db;
    this.#workspace = workspace;
    this.#readAsset = readAsset;
    this.#correctionStore = store.collection('corrections', correctionSchema);
    this.#preferenceStore = store.collection('source-preferences', sourcePreferenceSchema);
  }

  /**
   * True while a change to the review (record, add, prefer, reattach, remove, import) is being
   * saved and applied; another change asked for meanwhile is refused (false, or null for an import)
   * without a write and without a problem: the one in flight says how it went.
   */
  get busy(): boolean {
    return this.#actions.busy;
  }

  /** Reads the stored review (once); nothing is saved before this has run. */
  restore(): Promise<void> {
    this.#restoring ??= (async () => {
      const [corrections, preferences] = await Promise.all([
        this.#correctionStore.all(),
        this.#preferenceStore.all(),
      ]);
      this.corrections = corrections;
      this.preferences = preferences;
    })();
    return this.#restoring;
  }

  /** Lays the review over the warehouse (after load, reset or any change); false on failure. */
  async apply(): Promise<boolean> {
    await this.restore();
    // Nothing to lay over the warehouse (a start without a review): its base is read behind the
    // start, not in front of "sẵn sàng" (the documents' texts and every figure, ~200 ms).
    if (!this.#base && this.corrections.length === 0 && this.preferences.length === 0) {
      void this.#readBase('idle');
      return true;
    }
    const base = await this.#readBase();
    if (!base.ok) return this.#failed('review.applyFailed', base.error.message);
    const result: OverlayResult = applyCorrections(
      base.value.figures,
      { corrections: this.corrections, preferences: this.preferences },
      base.value.documents,
    );
    // Which corrections find no figure depends on the review and the base alone: shown at once,
    // not after the overlay waits its turn in the database's queue.
    this.orphaned = result.orphaned;
    const set = await this.#workspace.setCorrections(correctionTableRows(result));
    if (!set.ok) return this.#failed('review.applyFailed', set.error.message);
    this.reviewedIds = new Set(result.applied.map((entry) => entry.obs_id));
    this.version++;
    return true;
  }

  // Read once, when first needed; a read that failed is tried again by the next step that needs it.
  // `idle`: once the engine is idle, after the start (read at once, it held up the start's own reads);
  // never awaited by the start, whose idle work waits for it.
  #readBase(when: 'now' | 'idle' = 'now'): Promise<DbResult<ReviewBase>> {
    this.#baseRead ??= (
      when === 'idle'
        ? this.#db.idleExclusive((idle) => readReviewBase(idle, this.#readAsset))
        : readReviewBase(this.#db, this.#readAsset)
    ).then((base) => {
      if (base.ok) {
        this.#base = base.value;
        this.#byId = new Map(base.value.figures.map((figure) => [figure.obs_id, figure]));
      } else this.#baseRead = null;
      return base;
    });
    return this.#baseRead;
  }

  /** The text of a document the review read (for the sentence in the panel). */
  documentText(docId: string): string | null {
    return this.#base?.documents.get(docId)?.text ?? null;
  }

  /** Opens the drill-down panel on these figures (the preferred one first). */
  open(obsIds: readonly string[]): void {
    this.draft = null;
    this.drill = { obsIds: [...new Set(obsIds)], opened: Date.now() + Math.random() };
  }

  close(): void {
    this.drill = null;
    this.draft = null;
  }

  /**
   * "Thêm số liệu": opens the panel on a figure to add at a selection `[start, end)` of a document,
   * prefilled from its text; false (with `problem` set) when the selection holds no number.
   */
  async startAdd(docId: string, start: number, end: number, fallbackYear: number | null): Promise<boolean> {
    await this.#readBase();
    const text = this.documentText(docId);
    const draft = text === null ? null : draftFromSelection(docId, text, start, end, fallbackYear);
    if (!draft) {
      this.problem = { key: 'add.noNumber', values: {} };
      return false;
    }
    this.problem = null;
    this.drill = null;
    this.draft = draft;
    return true;
  }

  /** Saves the figure being added as an "add" correction; once durable and applied, the panel shows it. */
  add(draft: FigureDraft, after: FigurePatch, note: string): Promise<boolean> {
    return this.#actions.run(async () => {
      await this.#readBase();
      const sha256 = this.#base?.documents.get(draft.docId)?.sha256;
      if (sha256 === undefined) return this.#failed('review.saveFailed', draft.docId);
      const parsed = correctionSchema.safeParse({
        id: crypto.randomUUID(),
        kind: 'add',
        figure: identityOfDraft(draft, sha256),
        before: {},
        after,
        note: note.trim(),
        created_at: new Date().toISOString(),
      });
      if (!parsed.success) return this.#failed('review.saveFailed', parsed.error.issues[0]?.message ?? '');
      try {
        await this.#correctionStore.put(parsed.data);
      } catch (cause) {
        return this.#failed('review.saveFailed', messageOf(cause));
      }
      this.corrections = [...this.corrections, parsed.data];
      this.problem = null;
      const applied = await this.#changed();
      if (applied) this.open([addedId(parsed.data)]);
      return applied;
    }, false);
  }

  /** Figures of the same document and number an orphaned correction may now belong to, likeliest first. */
  candidates(correction: Correction): IdentifiedFigure[] {
    return reattachCandidates(this.#base?.figures ?? [], correction.figure);
  }

  /** Points an orphaned correction at a figure the user picked; its change, note and time stay. */
  reattach(correction: Correction, obsId: string): Promise<boolean> {
    return this.#actions.run(async () => {
      await this.#readBase();
      const figure = this.#byId.get(obsId);
      if (!figure) return this.#failed('review.saveFailed', obsId);
      const moved: Correction = { ...correction, figure: identityOf(figure) };
      try {
        await this.#correctionStore.put(moved);
      } catch (cause) {
        return this.#failed('review.saveFailed', messageOf(cause));
      }
      this.corrections = this.corrections.map((item) => (item.id === moved.id ? moved : item));
      this.reattaching = null;
      this.problem = null;
      return this.#changed();
    }, false);
  }

  /** Deletes a correction (an orphan the user no longer wants); durable before it leaves the list. */
  remove(correction: Correction): Promise<boolean> {
    return this.#actions.run(async () => {
      try {
        await this.#correctionStore.delete(correction.id);
      } catch (cause) {
        return this.#failed('review.saveFailed', messageOf(cause));
      }
      this.corrections = this.corrections.filter((item) => item.id !== correction.id);
      if (this.reattaching?.id === correction.id) this.reattaching = null;
      this.problem = null;
      return this.#changed();
    }, false);
  }

  /**
   * Records a reviewer's action on a figure; resolves true once it is durable and applied. A save
   * that fails changes nothing on screen and says why.
   */
  record(
    detail: FigureDetail,
    kind: 'accept' | 'correct' | 'not_a_figure',
    after: FigurePatch,
    note: string,
  ): Promise<boolean> {
    return this.#actions.run(async () => {
      await this.#readBase();
      const figure = this.#byId.get(detail.obsId);
      if (!figure) return this.#failed('review.saveFailed', detail.obsId);
      const correction = correctionSchema.parse({
        id: crypto.randomUUID(),
        kind,
        figure: identityOf(figure),
        before: patchOf(detail),
        after: kind === 'correct' ? after : {},
        note: note.trim(),
        created_at: new Date().toISOString(),
      });
      try {
        await this.#correctionStore.put(correction);
      } catch (cause) {
        return this.#failed('review.saveFailed', messageOf(cause));
      }
      this.corrections = [...this.corrections, correction];
      this.problem = null;
      return this.#changed();
    }, false);
  }

  /**
   * "Dùng nguồn này": the pivot uses this figure for its group; the preferences of the group's
   * other figures (`groupIds`) give way to it.
   */
  prefer(obsId: string, groupIds: readonly string[]): Promise<boolean> {
    return this.#actions.run(async () => {
      await this.#readBase();
      const figure = this.#byId.get(obsId);
      if (!figure) return this.#failed('review.saveFailed', obsId);
      const group = new Set(groupIds);
      const matcher = new FigureMatcher(this.#base?.figures ?? []);
      const replaced = this.preferences.filter((preference) => {
        const target = matcher.find(preference.figure)?.figure.obs_id;
        return target !== undefined && group.has(target);
      });
      const preference: SourcePreference = {
        id: crypto.randomUUID(),
        figure: identityOf(figure),
        note: '',
        created_at: new Date().toISOString(),
      };
      try {
        await this.#preferenceStore.write({ put: [preference], delete: replaced.map((item) => item.id) });
      } catch (cause) {
        return this.#failed('review.saveFailed', messageOf(cause));
      }
      const gone = new Set(replaced.map((item) => item.id));
      this.preferences = [...this.preferences.filter((item) => !gone.has(item.id)), preference];
      this.problem = null;
      return this.#changed();
    }, false);
  }

  /** The whole review as a shareable JSON file. */
  exportFile(): string {
    return exportReview(this.#review());
  }

  /**
   * Merges a colleague's review file into ours (ours wins on the same id); resolves to how many
   * items were added, or null with `problem` set when the file is not a review.
   */
  importFile(name: string, text: string): Promise<number | null> {
    return this.#actions.run(async () => {
      const read = await importReview(name, text);
      if (!read.ok) {
        this.problem = { key: read.error.key, values: read.error.values };
        return null;
      }
      const merged = mergeReviews(this.#review(), read.value);
      const added = {
        corrections: merged.corrections.slice(this.corrections.length),
        preferences: merged.preferences.slice(this.preferences.length),
      };
      try {
        await Promise.all([
          this.#correctionStore.write({ put: added.corrections }),
          this.#preferenceStore.write({ put: added.preferences }),
        ]);
      } catch (cause) {
        this.#failed('review.saveFailed', messageOf(cause));
        return null;
      }
      this.corrections = merged.corrections;
      this.preferences = merged.preferences;
      this.problem = null;
      await this.#changed();
      return added.corrections.length + added.preferences.length;
    }, null);
  }

  async #changed(): Promise<boolean> {
    const applied = await this.apply();
    if (applied) this.#onChange();
    return applied;
  }

  #review(): Review {
    return { corrections: this.corrections, preferences: this.preferences };
  }

  #failed(key: MessageKey, message: string): false {
    this.problem = { key, values: { message } };
    return false;
  }
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
