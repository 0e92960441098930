import type { WorkbenchDatabase } from '../../lib/db/database.ts';
import type { MessageKey } from '../../lib/i18n/dictionary.ts';
import type { Collection, UserStore } from '../../lib/platform/user-store.ts';
import { applyCorrections, type OverlayResult } from '../../lib/review/apply-corrections.ts';
import {
  correctionSchema,
  sourcePreferenceSchema,
  type Correction,
  type FigurePatch,
  type Review,
  type SourcePreference,
} from '../../lib/review/correction.ts';
import { identityOf, type IdentifiedFigure } from '../../lib/review/figure-identity.ts';
import { FigureMatcher } from '../../lib/review/match-figure.ts';
import { correctionTableRows } from '../../lib/review/overlay-sql.ts';
import { readReviewBase, type ReviewBase } from '../../lib/review/review-figures.ts';
import { exportReview, importReview, mergeReviews } from '../../lib/review/review-file.ts';
import type { ReadAsset, Workspace } from '../../lib/warehouse/workspace.ts';
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

/** The fields of a figure as the reviewer sees them, recorded as a correction's `before`. */
export function patchOf(detail: FigureDetail): FigurePatch {
  const patch: FigurePatch = {
    unit: detail.unit,
    comparator: detail.comparator as FigurePatch['comparator'],
    indicator_id: detail.indicatorId,
    measure: detail.measure,
    is_estimate: detail.isEstimate,
    basis: detail.basis,
  };
  if (detail.valueLow !== null) patch.value_low = detail.valueLow;
  if (detail.valueHigh !== null) patch.value_high = detail.valueHigh;
  if (detail.periodStart !== null) patch.period_start = detail.periodStart;
  if (detail.periodEnd !== null) patch.period_end = detail.periodEnd;
  if (detail.baseYear !== null) patch.base_year = detail.baseYear;
  return patch;
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
  /** Counts applied reviews: areas showing figures re-read them when it changes. */
  version = $state(0);
  /** The last saving or applying problem, shown to the user; null once a change went through. */
  problem = $state.raw<ReviewProblem | null>(null);
  #db: WorkbenchDatabase;
  #workspace: Workspace;
  #readAsset: ReadAsset;
  #base: ReviewBase | null = null;
  #byId = new Map<string, IdentifiedFigure>();
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
    if (!this.#base) {
      const base = await readReviewBase(this.#db, this.#readAsset);
      if (!base.ok) return this.#failed('review.applyFailed', base.error.message);
      this.#base = base.value;
      this.#byId = new Map(base.value.figures.map((figure) => [figure.obs_id, figure]));
    }
    const result: OverlayResult = applyCorrections(
      this.#base.figures,
      { corrections: this.corrections, preferences: this.preferences },
      this.#base.documents,
    );
    const set = await this.#workspace.setCorrections(correctionTableRows(result));
    if (!set.ok) return this.#failed('review.applyFailed', set.error.message);
    this.reviewedIds = new Set(result.applied.map((entry) => entry.obs_id));
    this.orphaned = result.orphaned;
    this.version++;
    return true;
  }

  /** The text of a document the review read (for the sentence in the panel). */
  documentText(docId: string): string | null {
    return this.#base?.documents.get(docId)?.text ?? null;
  }

  /** Opens the drill-down panel on these figures (the preferred one first). */
  open(obsIds: readonly string[]): void {
    this.drill = { obsIds: [...new Set(obsIds)], opened: Date.now() + Math.random() };
  }

  close(): void {
    this.drill = null;
  }

  /**
   * Records a reviewer's action on a figure; resolves true once it is durable and applied. A save
   * that fails changes nothing on screen and says why.
   */
  async record(
    detail: FigureDetail,
    kind: 'accept' | 'correct' | 'not_a_figure',
    after: FigurePatch,
    note: string,
  ): Promise<boolean> {
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
  }

  /**
   * "Dùng nguồn này": the pivot uses this figure for its group; the preferences of the group's
   * other figures (`groupIds`) give way to it.
   */
  async prefer(obsId: string, groupIds: readonly string[]): Promise<boolean> {
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
  }

  /** The whole review as a shareable JSON file. */
  exportFile(): string {
    return exportReview(this.#review());
  }

  /**
   * Merges a colleague's review file into ours (ours wins on the same id); resolves to how many
   * items were added, or null with `problem` set when the file is not a review.
   */
  async importFile(name: string, text: string): Promise<number | null> {
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
