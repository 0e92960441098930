import type { JsonValue } from '../../../../electron/shared/ipc-contract.ts';
import type { WorkbenchDatabase } from '../../lib/db/database.ts';
import type { DbError } from '../../lib/db/db-error.ts';
import { loadDocument, saveDocument } from '../../lib/platform/persistent-store.ts';
import { consistencyChecksSql, type ConsistencyFlag } from '../../lib/pivot/consistency-checks.ts';
import { readPlanPeriods, type PeriodColumn } from '../../lib/meaning/plan-periods.ts';
import { DEFAULT_PIVOT_CONFIG, parsePivotConfig, type PivotConfig } from '../../lib/pivot/pivot-config.ts';
import { buildPivotQuery, inlineParams } from '../../lib/pivot/pivot-query.ts';
import { readPivot, type PivotRow } from '../../lib/pivot/pivot-rows.ts';

export { disagrees, type CellSource, type PivotCell, type PivotRow } from '../../lib/pivot/pivot-rows.ts';

export interface SavedLayout {
  name: string;
  config: PivotConfig;
}

/** The pivot area: its configuration (kept across restarts, savable by name), rows and checks. */
export class PivotModel {
  config = $state<PivotConfig>({ ...DEFAULT_PIVOT_CONFIG });
  layouts = $state.raw<SavedLayout[]>([]);
  rows = $state.raw<PivotRow[]>([]);
  columns = $state.raw<PeriodColumn[]>([]);
  /** Every period the pivot can show (`plan_periods`), read once. */
  periods = $state.raw<PeriodColumn[]>([]);
  flags = $state.raw<ConsistencyFlag[]>([]);
  error = $state.raw<DbError | null>(null);
  loading = $state(false);
  /** A saving problem, shown to the user; the layout in use stays on screen. */
  storageError = $state<string | null>(null);
  #db: WorkbenchDatabase;
  #latest = 0;
  #restored = false;

  constructor(db: WorkbenchDatabase) {
    this.#db = db;
  }

  /** The exact query behind the pivot, its parameters written in ("Xem SQL"). */
  get sql(): string {
    return inlineParams(buildPivotQuery(this.config, this.periods));
  }

  async restore(): Promise<void> {
    if (this.#restored) return;
    this.#restored = true;
    const [config, layouts] = await Promise.all([
      loadDocument('pivot-config'),
      loadDocument('pivot-layouts'),
    ]);
    this.config = parsePivotConfig(config);
    if (Array.isArray(layouts)) {
      this.layouts = layouts
        .filter(
          (layout): layout is { name: string; config: JsonValue } =>
            typeof layout === 'object' &&
            layout !== null &&
            !Array.isArray(layout) &&
            typeof layout.name === 'string',
        )
        .map((layout) => ({ name: layout.name, config: parsePivotConfig(layout.config) }));
    }
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
    }
    const query = buildPivotQuery(this.config, this.periods);
    const [result, checks] = await Promise.all([
      this.#db.query(query.sql, query.params),
      this.#db.query(consistencyChecksSql()),
    ]);
    if (run !== this.#latest) return;
    this.loading = false;
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    this.error = null;
    this.columns = query.columns;
    this.rows = readPivot(result.value, query.columns);
    if (checks.ok) {
      this.flags = checks.value.toArray().map((row) => {
        const record = row.toJSON() as Record<string, unknown>;
        const ids = record.obs_ids as { toArray(): string[] } | null;
        return {
          ...(record as unknown as ConsistencyFlag),
          obs_ids: ids ? [...ids.toArray()].map(String) : [],
        };
      });
    }
  }

  async update(change: Partial<PivotConfig>): Promise<void> {
    this.config = { ...this.config, ...change };
    await Promise.all([this.refresh(), this.#save('pivot-config', { ...this.config })]);
  }

  async saveLayout(name: string): Promise<void> {
    const trimmed = name.trim();
    if (trimmed === '') return;
    this.layouts = [
      ...this.layouts.filter((layout) => layout.name !== trimmed),
      { name: trimmed, config: { ...this.config } },
    ];
    await this.#save(
      'pivot-layouts',
      this.layouts.map((layout) => ({ name: layout.name, config: { ...layout.config } })),
    );
  }

  async applyLayout(name: string): Promise<void> {
    const layout = this.layouts.find((candidate) => candidate.name === name);
    if (layout) await this.update(layout.config);
  }

  async #save(key: 'pivot-config' | 'pivot-layouts', value: unknown): Promise<void> {
    try {
      await saveDocument(key, value as JsonValue);
      this.storageError = null;
    } catch (cause) {
      this.storageError = cause instanceof Error ? cause.message : String(cause);
    }
  }
}
