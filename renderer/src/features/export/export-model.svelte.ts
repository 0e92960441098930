import type { WorkbenchDatabase } from '../../lib/db/database.ts';
import { LatestRequest } from '../../lib/db/latest-request.ts';
import type { Locale } from '../../lib/i18n/dictionary.ts';
import {
  indicatorChartSvg,
  REPORT_CHART_HEIGHT,
  REPORT_CHART_WIDTH,
} from '../../lib/report/report-chart-svg.ts';
import {
  readReportData,
  reportableIndicators,
  type ReportableIndicator,
  type ReportPeriods,
} from '../../lib/report/report-data.ts';
import { hasFigures, rowSources } from '../../lib/report/report-sources.ts';
import type { ReportChartImage } from '../../lib/report/xlsx-report.ts';
import type { ReportJob } from './worker-messages.ts';

/** The headline indicators most briefings start from, chosen when the area opens. */
const HEADLINE = [
  'grdp_growth',
  'grdp_per_capita',
  'budget_revenue_total',
  'poverty_rate',
  'forest_cover_rate',
];

/** What the export area does outside the database: draw a chart, build the file, save it. */
export interface ExportEffects {
  chartPng(svg: string, width: number, height: number): Promise<Uint8Array>;
  build(job: ReportJob): Promise<Uint8Array>;
  /** Saves the file; false when the user cancelled. */
  save(name: string, bytes: Uint8Array, format: ReportJob['format']): Promise<boolean>;
}

/** A report to write. */
export interface ExportRequest {
  indicators: readonly string[];
  periods: ReportPeriods;
  format: ReportJob['format'];
  withCharts: boolean;
  locale: Locale;
  generatedOn: string;
  /** The deck's subtitle (a quick report's domain). */
  subtitle?: string;
  /** The file's name without its extension; `bao-cao-chi-tieu-<date>` unless given. */
  fileStem?: string;
}

/** How the last export ended. */
export type ExportOutcome =
  | { kind: 'none' }
  | { kind: 'done'; file: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

/** The export area: the indicators to choose from and the report written last. */
export class ExportModel {
  indicators = $state.raw<ReportableIndicator[]>([]);
  /** The indicators chosen at first: the headline ones the warehouse has. */
  headline = $state.raw<string[]>([]);
  busy = $state(false);
  outcome = $state.raw<ExportOutcome | null>(null);
  #db: WorkbenchDatabase;
  #effects: ExportEffects;
  #requests = new LatestRequest();

  constructor(db: WorkbenchDatabase, effects: ExportEffects) {
    this.#db = db;
    this.#effects = effects;
  }

  /** Reads the indicators a report can show. */
  async loadIndicators(): Promise<void> {
    const result = await reportableIndicators(this.#db);
    if (!result.ok) return;
    this.indicators = result.value;
    this.headline = HEADLINE.filter((id) => result.value.some((indicator) => indicator.id === id));
  }

  /** The domains that have reportable indicators, in the catalogue's order of first appearance. */
  get domains(): string[] {
    return [
      ...new Set(this.indicators.map((indicator) => indicator.domain).filter((domain) => domain !== null)),
    ];
  }

  /**
   * "Báo cáo nhanh": the deck of every reportable indicator of a domain over the plan periods, in one
   * click, titled with the domain.
   */
  quickDeck(domain: string, subtitle: string, locale: Locale, generatedOn: string): Promise<void> {
    return this.run({
      indicators: this.indicators
        .filter((indicator) => indicator.domain === domain)
        .map((indicator) => indicator.id),
      periods: 'terms',
      format: 'pptx',
      withCharts: false,
      locale,
      generatedOn,
      subtitle,
      fileStem: `bao-cao-nhanh-${domain.replace(/_/g, '-')}-${generatedOn}`,
    });
  }

  /** Writes a report; when a newer export starts meanwhile, the older one is dropped unsaved. */
  async run(request: ExportRequest): Promise<void> {
    if (request.indicators.length === 0) {
      this.outcome = { kind: 'none' };
      return;
    }
    const current = this.#requests.begin();
    this.busy = true;
    this.outcome = null;
    try {
      const data = await readReportData(this.#db, {
        indicators: request.indicators,
        periods: request.periods,
      });
      if (!current()) return;
      if (!data.ok) throw new Error(data.error.message);
      const charts: ReportChartImage[] = [];
      if (request.format === 'xlsx' && request.withCharts) {
        for (const row of data.value.rows.filter(hasFigures)) {
          const svg = indicatorChartSvg(row, data.value.columns, request.locale, rowSources(row));
          const png = await this.#effects.chartPng(svg, REPORT_CHART_WIDTH, REPORT_CHART_HEIGHT);
          charts.push({ title: row.name, png, width: REPORT_CHART_WIDTH, height: REPORT_CHART_HEIGHT });
        }
      }
      const { format, locale, generatedOn, subtitle } = request;
      const bytes = await this.#effects.build({
        format,
        data: data.value,
        locale,
        generatedOn,
        charts,
        subtitle,
      });
      if (!current()) return;
      const name = `${request.fileStem ?? `bao-cao-chi-tieu-${generatedOn}`}.${format}`;
      const saved = await this.#effects.save(name, bytes, format);
      if (current()) this.outcome = saved ? { kind: 'done', file: name } : { kind: 'cancelled' };
    } catch (cause) {
      if (current())
        this.outcome = { kind: 'failed', message: cause instanceof Error ? cause.message : String(cause) };
    } finally {
      if (current()) this.busy = false;
    }
  }
}
