import type { WorkbenchDatabase } from '../../lib/db/database.ts';
import { LatestRequest } from '../../lib/db/latest-request.ts';
import type { Locale } from '../../lib/i18n/dictionary.ts';
import { pivotRowKey, type PivotView } from '../../lib/report/pivot-view.ts';
import { REPORT_CHART_HEIGHT, REPORT_CHART_WIDTH } from '../../lib/report/report-chart-svg.ts';
import {
  indicatorChartPoints,
  indicatorChartText,
  reportChartFromFigure,
  type ReportChart,
} from '../../lib/report/report-chart.ts';
import {
  readReportData,
  reportableIndicators,
  type ReportableIndicator,
  type ReportPeriods,
} from '../../lib/report/report-data.ts';
import { briefingIndicators } from '../../lib/report/briefing-indicators.ts';
import { hasFigures, reviewedFigures } from '../../lib/report/report-sources.ts';
import type { ReportChartImage } from '../../lib/report/xlsx-report.ts';
import { targetChartKey, type ChartKey } from '../charts/chart-edits.ts';
import type { ChartPoint } from '../charts/chart-queries.ts';
import { chartSpec, type ChartSpec, type ChartStyle, type ChartText } from '../charts/chart-specs.ts';
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
  /** The chart the charts area would draw for this spec, as a PNG (Plotly's own picture in the app). */
  chartPng(spec: ChartSpec, width: number, height: number): Promise<Uint8Array>;
  build(job: ReportJob): Promise<Uint8Array>;
  /** Saves the file; false when the user cancelled. */
  save(name: string, bytes: Uint8Array, format: ReportJob['format']): Promise<boolean>;
}

/**
 * The spec the charts area draws for a chart, the user's edits of it included (ChartsModel.specOf);
 * without a charts area (a test, the CLI) every chart keeps the words and style it is given.
 */
export type ChartSpecOf = (
  key: ChartKey,
  points: readonly ChartPoint[],
  text: ChartText,
  style: ChartStyle,
) => ChartSpec;

const uneditedSpec: ChartSpecOf = (_key, points, text, style) => chartSpec(points, text, style);

/** A report to write. */
export interface ExportRequest {
  indicators: readonly string[];
  /** The pivot as displayed: when given, the report shows exactly it and `indicators` is not used. */
  view?: PivotView;
  periods: ReportPeriods;
  format: ReportJob['format'];
  withCharts: boolean;
  locale: Locale;
  generatedOn: string;
  /** The deck's subtitle (a quick report's domain). */
  subtitle?: string;
  /** A quick report's choice: how many key indicators out of the domain's. */
  briefing?: { chosen: number; total: number };
  /** The file's name without its extension; `bao-cao-chi-tieu-<date>` unless given. */
  fileStem?: string;
}

/** How the last export ended. */
export type ExportOutcome =
  | { kind: 'none' }
  | { kind: 'emptyPivot' }
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
  #specOf: ChartSpecOf;
  #requests = new LatestRequest();

  constructor(db: WorkbenchDatabase, effects: ExportEffects, specOf: ChartSpecOf = uneditedSpec) {
    this.#db = db;
    this.#effects = effects;
    this.#specOf = specOf;
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
   * "Báo cáo nhanh": a briefing deck of a domain's key indicators (target against result) over the
   * plan periods, in one click, titled with the domain; the full set is the "Xuất báo cáo" report.
   */
  async quickDeck(domain: string, subtitle: string, locale: Locale, generatedOn: string): Promise<void> {
    const choice = await briefingIndicators(this.#db, domain);
    if (!choice.ok) {
      this.outcome = { kind: 'failed', message: choice.error.message };
      return;
    }
    return this.run({
      indicators: choice.value.ids,
      periods: 'terms',
      format: 'pptx',
      withCharts: false,
      locale,
      generatedOn,
      subtitle,
      briefing: { chosen: choice.value.ids.length, total: choice.value.domainCount },
      fileStem: `bao-cao-nhanh-${domain.replace(/_/g, '-')}-${generatedOn}`,
    });
  }

  /** Writes a report; when a newer export starts meanwhile, the older one is dropped unsaved. */
  async run(request: ExportRequest): Promise<void> {
    if (request.view ? request.view.rows.length === 0 : request.indicators.length === 0) {
      this.outcome = { kind: request.view ? 'emptyPivot' : 'none' };
      return;
    }
    const current = this.#requests.begin();
    this.busy = true;
    this.outcome = null;
    try {
      const data = await readReportData(this.#db, {
        indicators: request.indicators,
        periods: request.periods,
        view: request.view,
      });
      if (!current()) return;
      if (!data.ok) throw new Error(data.error.message);
      // Each row's chart is the charts area's own spec for it, with the user's edits of that
      // indicator's chart: the picture in the workbook is Plotly's, the deck's native chart is read
      // from the same figure.
      const reviewed = reviewedFigures(data.value);
      const charts: ReportChartImage[] = [];
      const deckCharts: Record<string, ReportChart> = {};
      const rows = data.value.rows.filter(hasFigures);
      const wantsCharts = request.format === 'pptx' || (request.format === 'xlsx' && request.withCharts);
      for (const row of wantsCharts ? rows : []) {
        const points = indicatorChartPoints(row, data.value.columns, request.locale, reviewed);
        const text = indicatorChartText(row, points, request.locale);
        const spec = this.#specOf(targetChartKey(row.indicatorId), points, text, {
          type: 'bar',
          dataLabels: true,
          locale: request.locale,
        });
        if (request.format === 'pptx') {
          deckCharts[pivotRowKey(row)] = reportChartFromFigure(spec);
          continue;
        }
        const png = await this.#effects.chartPng(spec, REPORT_CHART_WIDTH, REPORT_CHART_HEIGHT);
        if (!current()) return;
        charts.push({ png, width: REPORT_CHART_WIDTH, height: REPORT_CHART_HEIGHT });
      }
      const { format, locale, generatedOn, subtitle, briefing } = request;
      const bytes = await this.#effects.build({
        format,
        data: data.value,
        locale,
        generatedOn,
        charts,
        deckCharts,
        subtitle,
        briefing,
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
