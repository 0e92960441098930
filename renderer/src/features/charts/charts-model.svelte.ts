import type { WorkbenchDatabase } from '../../lib/db/database.ts';
import type { DbResult } from '../../lib/db/db-error.ts';
import type { Locale } from '../../lib/format/locale.ts';
import { LatestRequest } from '../../lib/db/latest-request.ts';
import {
  chartableIndicators,
  structure,
  targetVsResult,
  yearlySeries,
  type ChartPoint,
  type IndicatorChoice,
} from './chart-queries.ts';

/** What a chart from the warehouse shows, its series named in `locale` (Vietnamese when none). */
export type ChartRequest = (
  | { kind: 'target'; indicatorId: string }
  | { kind: 'yearly'; indicatorIds: readonly string[] }
  | { kind: 'structure' }
) & { locale?: Locale };

/** The charts area: the indicators to choose from and the points of the chart asked for last. */
export class ChartsModel {
  indicators = $state.raw<IndicatorChoice[]>([]);
  points = $state.raw<ChartPoint[]>([]);
  /** The request `points` answer (null before the first answer). */
  shown = $state.raw<ChartRequest | null>(null);
  problem = $state<string | null>(null);
  #db: WorkbenchDatabase;
  #requests = new LatestRequest();

  constructor(db: WorkbenchDatabase) {
    this.#db = db;
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

  #points(request: ChartRequest): Promise<DbResult<ChartPoint[]>> {
    const locale = request.locale ?? 'vi';
    if (request.kind === 'target') return targetVsResult(this.#db, request.indicatorId, locale);
    if (request.kind === 'yearly') return yearlySeries(this.#db, request.indicatorIds, locale);
    return structure(this.#db, undefined, locale);
  }
}
