import { z } from 'zod';
import type { WorkbenchDatabase } from '../../lib/db/database.ts';
import type { DbError, DbResult } from '../../lib/db/db-error.ts';
import { SaveStatus } from '../../lib/platform/save-status.svelte.ts';
import type { Collection, UserStore } from '../../lib/platform/user-store.ts';
import { consistencyChecksSql, type ConsistencyFlag } from '../../lib/pivot/consistency-checks.ts';
import { readPlanPeriods, type PeriodColumn } from '../../lib/meaning/plan-periods.ts';
import { DEFAULT_PIVOT_CONFIG, parsePivotConfig, type PivotConfig } from '../../lib/pivot/pivot-config.ts';
import { buildPivotQuery, inlineParams, type PivotQuery } from '../../lib/pivot/pivot-query.ts';
import { columnsWithFigures, readPivot, type PivotRow } from '../../lib/pivot/pivot-rows.ts';
import { flagsForRows, readFlags } from '../../lib/pivot/flag-rows.ts';
import type { Locale } from '../../lib/format/locale.ts';
import {
  nextSort,
  parseStoredSort,
  sortOnPeriods,
  sortRows,
  type PivotSort,
  type SortColumn,
} from './pivot-sort.ts';

export {
  disagrees,
  hasFigure,
  type CellSource,
  type PivotCell,
  type PivotRow,
} from '../../lib/pivot/pivot-rows.ts';

// Layouts whose answer is kept (per data version): switching back to one of them needs no query.
const CACHED_LAYOUTS = 16;

export interface SavedLayout {
  name: string;
  config: PivotConfig;
  /** The order the rows were in when the layout was saved; null is the query's order. */
  sort: PivotSort | null;
}

// Stored configurations go through parsePivotConfig, which keeps every field that is still valid.
const storedConfig = z.unknown().transform(parsePivotConfig);
const currentConfigSchema = z.object({ id: z.literal('current'), config: storedConfig });
// A damaged stored sort, or none (layouts saved before layouts kept one), reads as the query's order.
const storedSort = z.unknown().optional().transform(parseStoredSort);
const layoutSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  config: storedConfig,
  sort: storedSort,
});
const currentSortSchema = z.object({ id: z.literal('current'), sort: storedSort });

/** The pivot area: its configuration (kept across restarts, savable by name), rows and checks. */
export class PivotModel {
  config = $state<PivotConfig>({ ...DEFAULT_PIVOT_CONFIG });
  layouts = $state.raw<SavedLayout[]>([]);
  /** The rows in the query's order (by domain, then indicator); `shownRows` puts them in the user's. */
  rows = $state.raw<PivotRow[]>([]);
  /** The order the user chose by clicking a column (kept across restarts); null keeps the query's order. */
  sort = $state.raw<PivotSort | null>(null);
  columns = $state.raw<PeriodColumn[]>([]);
  /** Every period the pivot can show (`plan_periods`), read once. */
  periods = $state.raw<PeriodColumn[]>([]);
  /** Every failed check; `shownFlags` are those about the rows the pivot shows. */
  flags = $state.raw<ConsistencyFlag[]>([]);
  /** Indicators a consistency check pointed at, highlighted in the table. */
  focused = $state.raw<readonly string[]>([]);
  error = $state.raw<DbError | null>(null);
  loading = $state(false);
  #db: WorkbenchDatabase;
  #latest = 0;
  #checksRead = false;
  // Changes of the configuration or the sort: shown unsaved until the store says they are on disk.
  #saving = new SaveStatus();
  #restoring: Promise<void> | undefined;
  // The rows read per pivot query (its SQL and parameters, i.e. the whole layout and its filters),
  // valid only for the data version they were read at: a correction or import empties it. Reads on
  // their way are keyed by that version too, so a later version never waits for an older read.
  #answers = new Map<string, PivotRow[]>();
  #reading = new Map<string, Promise<DbResult<PivotRow[]>>>();
  #answersVersion = -1;
  readonly #current: Collection<z.infer<typeof currentConfigSchema>>;
  readonly #layouts: Collection<z.infer<typeof layoutSchema>>;
  readonly #sort: Collection<z.infer<typeof currentSortSchema>>;

  constructor(db: WorkbenchDatabase, store: UserStore) {
    this.#db = db;
    this.#current = store.collection('pivot-config', currentConfigSchema);
    this.#layouts = store.collection('pivot-layouts', layoutSchema);
    this.#sort = store.collection('pivot-sort', currentSortSchema);
  }

  /** The query behind the pivot as the user's SQL runs it, its parameters written in ("Xem SQL"). */
  get sql(): string {
    return inlineParams(buildPivotQuery(this.config, this.periods, null, { forUser: true }));
  }

  /** Reads the configuration, the sort and the named layouts (once; nothing is saved before this has run). */
  restore(): Promise<void> {
    this.#restoring ??= (async () => {
      try {
        const [current, layouts, sort] = await Promise.all([
          this.#current.all(),
          this.#layouts.all(),
          this.#sort.all(),
        ]);
        if (current[0]) this.config = current[0].config;
        if (sort[0]) this.sort = sort[0].sort;
        this.layouts = layouts
          .map(({ name, config, sort }) => ({ name, config, sort }))
          .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
      } catch (cause) {
        this.#saving.fail(cause);
      }
    })();
    return this.#restoring;
  }

  /** Recomputes the pivot in DuckDB; an older answer arriving late is dropped. */
  async refresh(): Promise<void> {
    const run = ++this.#latest;
    this.loading = true;
    if (this.periods.length === 0) {
      const periods = await readPlanPeriods(this.#db);
      if (run !== this.#latest) return;
      if (!periods.ok) {
        this.loading = false;
        this.error = periods.error;
        return;
      }
      this.periods = periods.value;
      // A stored sort by a period the data no longer has would only ungroup the rows.
      this.sort = sortOnPeriods(this.sort, this.periods);
    }
    const query = buildPivotQuery(this.config, this.periods);
    // The checks do not depend on the layout: run once, then filtered to the rows shown. Both wait
    // for the queue to be empty, so SQL the user types meanwhile never waits behind them.
    const [result, checks] = await Promise.all([
      this.#answer(query),
      this.#checksRead ? null : this.#db.idleQuery(consistencyChecksSql()),
    ]);
    if (run !== this.#latest) return;
    this.loading = false;
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    this.error = null;
    this.rows = result.value;
    // Single years are shown where they hold a figure, the coming year's plan among them.
    this.columns = columnsWithFigures(this.rows, query.columns);
    // The layout most often turned to next, single years shown or hidden, read while the engine is
    // idle: that click is then answered from the cache.
    void this.#answer(
      buildPivotQuery({ ...this.config, expandYears: !this.config.expandYears }, this.periods),
    );
    if (checks?.ok) {
      this.flags = readFlags(checks.value);
      this.#checksRead = true;
    }
  }

  /**
   * The pivot's rows for a query: from the cache when this layout was read at the current data
   * version. The rows themselves are kept, so a layout shown again repaints no cell it already had.
   */
  async #answer(query: PivotQuery): Promise<DbResult<PivotRow[]>> {
    const version = this.#db.dataVersion;
    if (version !== this.#answersVersion) {
      this.#answers.clear();
      this.#answersVersion = version;
    }
    const key = JSON.stringify([query.sql, query.params]);
    const cached = this.#answers.get(key);
    if (cached) return { ok: true, value: cached };
    // A layout already being read at this version (read ahead, or asked twice) is waited for.
    const readingKey = `${version}\n${key}`;
    const reading = this.#reading.get(readingKey) ?? this.#read(query, key, version, readingKey);
    this.#reading.set(readingKey, reading);
    return reading;
  }

  async #read(
    query: PivotQuery,
    key: string,
    version: number,
    readingKey: string,
  ): Promise<DbResult<PivotRow[]>> {
    try {
      const result = await this.#db.idleQuery(query.sql, query.params);
      if (!result.ok) return result;
      const rows = readPivot(result.value, query.columns);
      // Kept only when no change of the data began or ended while it ran.
      if (this.#db.dataVersion === version && this.#answersVersion === version) {
        if (this.#answers.size >= CACHED_LAYOUTS) this.#answers.delete(this.#answers.keys().next().value!);
        this.#answers.set(key, rows);
      }
      return { ok: true, value: rows };
    } finally {
      this.#reading.delete(readingKey);
    }
  }

  /**
   * The rows as the table shows them, sorted on the client from the rows already read, so a sort
   * never re-runs the query; names sort in the reader's language.
   */
  shownRows(locale: Locale): PivotRow[] {
    return sortRows(this.rows, this.sort, locale);
  }

  /** A click on a column's sort control: ascending, descending, then the query's order again. */
  async sortBy(column: SortColumn): Promise<void> {
    await this.restore();
    await this.#saveSort(nextSort(this.sort, column));
  }

  /** Back to the query's order (by domain, then indicator). */
  async clearSort(): Promise<void> {
    await this.restore();
    await this.#saveSort(null);
  }

  /** The checks about indicators the pivot shows, so they follow its search and filters. */
  get shownFlags(): ConsistencyFlag[] {
    return flagsForRows(this.flags, this.rows);
  }

  /** False from a change of the configuration or the sort until the store says it is on disk. */
  get configSaved(): boolean {
    return this.#saving.saved;
  }

  /** A saving problem, shown to the user; the layout in use stays on screen. */
  get storageError(): string | null {
    return this.#saving.error;
  }

  /** Points the table at the indicators a check is about. */
  focus(indicatorIds: readonly string[]): void {
    this.focused = indicatorIds;
  }

  async update(change: Partial<PivotConfig>): Promise<void> {
    await this.restore();
    this.config = { ...this.config, ...change };
    const config = { ...this.config };
    await Promise.all([
      this.refresh(),
      this.#saving.track(() => this.#current.put({ id: 'current', config })),
    ]);
  }

  async saveLayout(name: string): Promise<void> {
    await this.restore();
    const trimmed = name.trim();
    if (trimmed === '') return;
    const layout = { name: trimmed, config: { ...this.config }, sort: this.sort };
    if (!(await this.#saving.attempt(() => this.#layouts.put({ id: trimmed, ...layout })))) return;
    this.layouts = [...this.layouts.filter((saved) => saved.name !== trimmed), layout].sort((a, b) =>
      a.name.localeCompare(b.name, 'vi'),
    );
  }

  /** Shows a named layout: its configuration and the sort it was saved with, both kept as current. */
  async applyLayout(name: string): Promise<void> {
    await this.restore();
    const layout = this.layouts.find((candidate) => candidate.name === name);
    if (!layout) return;
    this.config = { ...this.config, ...layout.config };
    this.sort = this.periods.length > 0 ? sortOnPeriods(layout.sort, this.periods) : layout.sort;
    const config = { ...this.config };
    const sort = this.sort;
    // One acknowledgement for both: "saved" means the whole layout is the current one on disk.
    await Promise.all([
      this.refresh(),
      this.#saving.track(() =>
        Promise.all([this.#current.put({ id: 'current', config }), this.#sort.put({ id: 'current', sort })]),
      ),
    ]);
  }

  // The sort is shown at once and acknowledged like a configuration change.
  async #saveSort(sort: PivotSort | null): Promise<void> {
    this.sort = sort;
    await this.#saving.track(() => this.#sort.put({ id: 'current', sort }));
  }
}
