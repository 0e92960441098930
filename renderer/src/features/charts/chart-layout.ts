import type { Layout } from 'plotly.js';
import type { Locale } from '../../lib/format/locale.ts';
import type { ChartText } from '../../lib/report/report-chart.ts';
import { CHART_FONT } from './chart-font.ts';

export type { ChartText } from '../../lib/report/report-chart.ts';

/** Plotly's separators: decimal sign then thousands sign (`,.` writes 54.449,1). */
export function plotlySeparators(locale: Locale): string {
  return locale === 'vi' ? ',.' : '.,';
}

const MUTED = '#5d6b7e';
const LINE_HEIGHT = 14;
// Below the plot area, top to bottom: tick labels, the x-axis title, then the source note.
const TICKS_AND_AXIS_TITLE = 58;
const NOTE_GAP = 8;
// The space between two small-multiple panels, as a fraction of the plot area.
const PANEL_GAP = 0.06;

function frame(text: ChartText): { top: number; bottom: number } {
  const noteLines = text.sourceNote ? text.sourceNote.split('<br>').length : 0;
  return {
    top: text.subtitle ? 112 : 92,
    bottom: TICKS_AND_AXIS_TITLE + NOTE_GAP + noteLines * LINE_HEIGHT + 12,
  };
}

/** The pixels a chart's title, legend, x-axis and source note take, around its plot area. */
export function chartFrameHeight(text: ChartText): number {
  const { top, bottom } = frame(text);
  return top + bottom;
}

/** The y-axes of small multiples: one per panel, top to bottom, each titled with its unit. */
function panelAxes(titles: readonly string[]): Record<string, unknown> {
  const share = (1 - PANEL_GAP * (titles.length - 1)) / titles.length;
  return Object.fromEntries(
    titles.map((title, index) => {
      const top = 1 - index * (share + PANEL_GAP);
      return [
        index === 0 ? 'yaxis' : `yaxis${index + 1}`,
        {
          title: { text: title },
          domain: [Math.max(0, top - share), top],
          anchor: 'x',
          gridcolor: '#edf0f5',
          zerolinecolor: '#dde3ec',
          automargin: false,
          rangemode: 'tozero',
        },
      ];
    }),
  );
}

/**
 * The frame of every chart, laid out in pixels so that nothing collides at any size: the title
 * and subtitle at the top, the legend in its own row between them and the plot, the axis titles
 * beside their ticks, the source note under the x-axis title with room for each of its lines.
 */
export function chartLayout(text: ChartText, locale: Locale, height: number): Partial<Layout> {
  const { top, bottom } = frame(text);
  const plotHeight = Math.max(120, height - top - bottom);
  const panels = text.panelTitles ?? [];
  return {
    title: {
      text: text.title,
      font: { family: CHART_FONT, size: 17 },
      subtitle: text.subtitle
        ? { text: text.subtitle, font: { family: CHART_FONT, size: 13, color: MUTED } }
        : undefined,
      x: 0,
      xref: 'paper',
      xanchor: 'left',
      y: 1,
      yref: 'container',
      yanchor: 'top',
      pad: { t: 14 },
    },
    font: { family: CHART_FONT, size: 12, color: '#1b2430' },
    separators: plotlySeparators(locale),
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
    height,
    margin: { l: 76, r: text.y2Title ? 76 : 30, t: top, b: bottom, autoexpand: false },
    // The legend has a row of its own just above the plot, never beside an axis title.
    legend: { orientation: 'h', x: 0, xanchor: 'left', y: 1.02, yanchor: 'bottom' },
    xaxis: {
      title: { text: text.xTitle, standoff: 8 },
      type: 'category',
      automargin: false,
      // Small multiples share the x-axis, drawn once under the bottom panel.
      ...(panels.length > 1 ? { anchor: `y${panels.length}` } : {}),
    },
    ...(panels.length > 1
      ? panelAxes(panels)
      : {
          yaxis: {
            title: { text: text.yTitle },
            gridcolor: '#edf0f5',
            zerolinecolor: '#dde3ec',
            automargin: false,
            rangemode: 'tozero',
          },
        }),
    ...(text.y2Title && panels.length <= 1
      ? {
          yaxis2: {
            title: { text: text.y2Title },
            overlaying: 'y',
            side: 'right',
            showgrid: false,
            automargin: false,
            rangemode: 'tozero',
          },
        }
      : {}),
    annotations: text.sourceNote
      ? [
          {
            text: text.sourceNote,
            xref: 'paper',
            yref: 'paper',
            x: 0,
            // In plot fractions: the note starts just under the x-axis title, whatever the height.
            y: -(TICKS_AND_AXIS_TITLE + NOTE_GAP) / plotHeight,
            xanchor: 'left',
            yanchor: 'top',
            showarrow: false,
            align: 'left',
            font: { family: CHART_FONT, size: 10, color: MUTED },
          },
        ]
      : [],
  } as Partial<Layout>;
}
