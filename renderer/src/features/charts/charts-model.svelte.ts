import type { WorkbenchDatabase } from '../../lib/db/database.ts';
import type { DbResult } from '../../lib/db/db-error.ts';
import type { Locale } from '../../lib/format/locale.ts';
import { LatestRequest } from '../../lib/db/latest-request.ts';
import { PausedWrites } from '../../lib/platform/paused-writes.ts';
import { SaveStatus } from '../../lib/platform/save-status.svelte.ts';
import type { Collection, UserStore } from '../../lib/platform/user-store.ts';
import {
  chartableIndicators,
  structure,
  targetVsResult,
  yearlySeries,
  type ChartPoint,
  type IndicatorChoice,
} from './chart-queries.ts';
import {
  chartEditOf,
  editedChart,
  storedChartEditSchema,
  targetChartKey,
  type ChartEdit,
  type ChartKey,
  type StoredChartEdit,
} from './chart-edits.ts';
import { chartSpec, type ChartSpec, type ChartStyle, type ChartText } from './chart-specs.ts';

// How long typing in a title or subtitle pauses before the text is written.
const TYPING_PAUSE_MS = 400;

/** What a chart from the warehouse shows, its series named in `locale` (Vietnamese when none). */
export type ChartRequest = (
  | { kind: 'target'; indicatorId: string }
  | { kind: 'yearly'; indicatorIds: readonly string[] }
  | { kind: 'structure' }
) & { locale?: Locale };

/** The key a request's edits are kept under; a chart of an SQL result has one key of its own. */
export function chartKey(request: ChartRequest | { kind: 'sql' }): ChartKey {
  if (request.kind === 'target') return targetChartKey(request.indicatorId);
  if (request.kind === 'yearly') return `yearly:${request.indicatorIds.join(',')}`;
  return request.kind;
}

/**
 * The charts area: the indicators to choose from, the points of the chart asked for last, and the
 * user's edits of each chart, which the screen, its PNG/SVG and the reports all draw with. The edits
 * are kept in the user store, one item per chart, and read back at the next start.
 */
export class ChartsModel {
  indicators = $state.raw<IndicatorChoice[]>([]);
  points = $state.raw<ChartPoint[]>([]);
  /** The request `points` answer (null before the first answer). */
  shown = $state.raw<ChartRequest | null>(null);
  problem = $state<string | null>(null);
  /** The user's edits (title, subtitle, bar/line, labels) by chart, kept across restarts. */
  edits = $state.raw<ReadonlyMap<ChartKey, ChartEdit>>(new Map());
  #db: WorkbenchDatabase;
  #requests = new LatestRequest();
  readonly #stored: Collection<StoredChartEdit>;
  #restoring: Promise<void> | undefined;
  #saving = new SaveStatus();
  #typing: PausedWrites;

  constructor(db: WorkbenchDatabase, store: UserStore, { typingPauseMs = TYPING_PAUSE_MS } = {}) {
    this.#db = db;
    this.#typing = new PausedWrites(typingPauseMs);
    this.#stored = store.collection('chart-edits', storedChartEditSchema);
  }

  /** False from an edit until the store says it is on disk. */
  get editsSaved(): boolean {
    return this.#saving.saved;
  }

  /** A problem reading or saving the edits; the edits on screen stay as they are. */
  get storageError(): string | null {
    return this.#saving.error;
  }

  /** Reads the stored edits (once; nothing is saved before this has run). */
  restore(): Promise<void> {
    this.#restoring ??= (async () => {
      try {
        const stored = new Map<ChartKey, ChartEdit>();
        for (const item of await this.#stored.all()) {
          const edit = chartEditOf(item);
          if (edit) stored.set(item.id, edit);
        }
        // An edit made while the store was being read is laid over what it held for that chart.
        const merged = new Map(stored);
        for (const [key, edit] of this.edits) merged.set(key, { ...stored.get(key), ...edit });
        this.edits = merged;
      } catch (cause) {
        this.#saving.fail(cause);
      }
    })();
    return this.#restoring;
  }

  /** Reads the catalogued indicators that have targets or results, for the pickers. */
  async loadIndicators(): Promise<void> {
    const result = await chartableIndicators(this.#db);
    if (result.ok) this.indicators = result.value;
    else this.problem = result.error.message;
  }

  /** Reads the points of a chart; an older request answered late is dropped. */
  async show(request: ChartRequest): Promise<void> {
    const current = this.#requests.begin();
    const result = await this.#points(request);
    if (!current()) return;
    this.problem = result.ok ? null : result.error.message;
    this.points = result.ok ? result.value : [];
    this.shown = request;
  }

  /** Lays a change over a chart's edits (the other charts keep theirs); resolves once it is saved. */
  edit(key: ChartKey, change: ChartEdit): Promise<void> {
    this.edits = new Map([...this.edits, [key, { ...this.edits.get(key), ...change }]]);
    return this.#save(key);
  }

  /**
   * A keystroke in a chart's title or subtitle: drawn at once and shown unsaved at once, written
   * after a pause in typing (or at `commitTyping`), so a burst of keystrokes is one write.
   */
  type(key: ChartKey, change: Pick<ChartEdit, 'title' | 'subtitle'>): Promise<void> {
    this.edits = new Map([...this.edits, [key, { ...this.edits.get(key), ...change }]]);
    return this.#saving.track(() => this.#typing.schedule(key, () => this.#write(key))).then(() => undefined);
  }

  /** Writes typed text still waiting for a pause now (blur, Enter, the page being hidden). */
  commitTyping(): Promise<void> {
    return this.#typing.all();
  }

  /** Drops a chart's edits: it is drawn with the words and style it is given again. */
  resetEdits(key: ChartKey): Promise<void> {
    this.edits = new Map([...this.edits].filter(([edited]) => edited !== key));
    return this.#save(key);
  }

  /** The spec of a chart as the user edited it: what the screen draws and every export of it carries. */
  specOf(key: ChartKey, points: readonly ChartPoint[], text: ChartText, style: ChartStyle): ChartSpec {
    const edited = editedChart(text, style, this.edits.get(key));
    return chartSpec(points, edited.text, edited.style);
  }

  async #save(key: ChartKey): Promise<void> {
    // Typed text still waiting goes along in this one write, which writes the chart's edits as they are now.
    await this.#saving.track(() => this.#typing.run(key, () => this.#write(key)));
  }

  // Writes the chart's edits as they are once the store has been read (or removes them).
  async #write(key: ChartKey): Promise<void> {
    await this.restore();
    const edit = this.edits.get(key);
    await this.#stored.write(edit ? { put: [{ id: key, ...edit }] } : { delete: [key] });
  }

  #points(request: ChartRequest): Promise<DbResult<ChartPoint[]>> {
    const locale = request.locale ?? 'vi';
    if (request.kind === 'target') return targetVsResult(this.#db, request.indicatorId, locale);
    if (request.kind === 'yearly') return yearlySeries(this.#db, request.indicatorIds, locale);
    return structure(this.#db, undefined, locale);
  }
}
