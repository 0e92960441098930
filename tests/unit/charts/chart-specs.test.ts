import { describe, expect, it } from 'vitest';
import type { ChartPoint } from '../../../renderer/src/features/charts/chart-queries.ts';
import { chartLayout, plotlySeparators } from '../../../renderer/src/features/charts/chart-layout.ts';
import { chartSpec, sourceNote } from '../../../renderer/src/features/charts/chart-specs.ts';

const point = (
  series: string,
  label: string,
  low: number,
  high = low,
  extra: Partial<ChartPoint> = {},
): ChartPoint => ({
  series,
  label,
  low,
  high,
  unit: '%',
  estimate: false,
  docTitle: 'Nghị quyết',
  ...extra,
});

const POINTS = [
  point('Chỉ tiêu', '2021–2025', 7, 7.5),
  point('Kết quả', '2021–2025', 6.79, 6.79, { estimate: true }),
  point('Chỉ tiêu', '2026–2030', 10, 11),
];
const TEXT = {
  title: 'GRDP',
  subtitle: 'Đơn vị: %',
  xTitle: 'Giai đoạn',
  yTitle: '%',
  sourceNote: 'Nguồn: Nghị quyết',
};

type Trace = Record<string, unknown> & { text: string[]; marker: Record<string, unknown> };

describe('chart specs a briefing can use', () => {
  it('writes data labels with the product formatter, estimates marked, and none when labels are off', () => {
    const on = chartSpec(POINTS, TEXT, { type: 'bar', dataLabels: true, locale: 'vi' });
    const [targets, results] = on.data as Trace[];
    expect(targets!.text).toEqual(['7–7,5%', '10–11%']);
    expect(results!.text).toEqual(['6,79%*', '']);
    expect(results!.marker.opacity).toEqual([0.5, 1]);
    // A later series writes inside its bar's top where both write; ranges are written by annotations.
    expect(targets!.textposition).toEqual(['none', 'none']);
    expect(results!.textposition).toEqual(['inside', 'outside']);
    const english = chartSpec(POINTS, TEXT, { type: 'bar', dataLabels: true, locale: 'en' });
    expect((english.data[1] as Trace).text).toEqual(['6.79%*', '']);
    expect(english.layout.separators).toBe('.,');
    const off = chartSpec(POINTS, TEXT, { type: 'bar', dataLabels: false, locale: 'vi' });
    expect((off.data[0] as Trace).text).toEqual(['', '']);
    // An estimate keeps its mark even without labels.
    expect((off.data[1] as Trace).text).toEqual(['*', '']);
  });

  it('writes a range’s label above its error bar, over its own bar of the group, after the source note', () => {
    const points = [...POINTS, point('Chỉ tiêu', '2016–2020', 8), point('Kết quả', '2026–2030', 8)];
    const spec = chartSpec(points, TEXT, { type: 'bar', dataLabels: true, locale: 'vi' });
    const [targets, results] = spec.data as (Trace & {
      width: number;
      offset: number;
      x: string[];
      textposition: string[];
    })[];
    // Two bars share each period's 0.8: the target on the left, the result on the right.
    expect([targets!.width, targets!.offset, results!.width, results!.offset]).toEqual([0.4, -0.4, 0.4, 0]);
    const notes = spec.layout.annotations!;
    expect(notes[0]!.text).toBe(TEXT.sourceNote);
    const ranges = notes.slice(1);
    expect(ranges.map((note) => note.text)).toEqual(['7–7,5%', '10–11%']);
    // Centred over the target's bar of its period, its bottom at the range's top (7,5 and 11).
    const where = (label: string): number => targets!.x.indexOf(label);
    expect(ranges.map((note) => note.x)).toEqual([where('2021–2025') - 0.2, where('2026–2030') - 0.2]);
    expect(ranges.map((note) => [note.y, note.yref, note.yanchor, note.showarrow])).toEqual([
      [7.5, 'y', 'bottom', false],
      [11, 'y', 'bottom', false],
    ]);
    // A single figure keeps Plotly's own label above its bar; the report still reads every label.
    expect(targets!.textposition[where('2016–2020')]).toBe('outside');
    expect(targets!.text[where('2021–2025')]).toBe('7–7,5%');
    // Without labels a range has nothing to write.
    const off = chartSpec(POINTS, TEXT, { type: 'bar', dataLabels: false, locale: 'vi' });
    expect(off.layout.annotations).toHaveLength(1);
  });

  it('draws lines with hollow markers for estimates, and bars or lines as chosen', () => {
    const lines = chartSpec(POINTS, TEXT, { type: 'line', dataLabels: true, locale: 'vi' });
    const [targets, results] = lines.data as Trace[];
    expect(targets!.type).toBe('scatter');
    expect(results!.marker.symbol).toEqual(['circle-open', 'circle']);
    // Two series' labels sit on opposite sides of their points.
    expect([targets!.textposition, results!.textposition]).toEqual(['top center', 'bottom center']);
    expect(
      (chartSpec(POINTS, TEXT, { type: 'bar', dataLabels: true, locale: 'vi' }).data[0] as Trace).type,
    ).toBe('bar');
  });

  it('puts a second unit on a second axis, never on the first', () => {
    const mixed = [
      point('Kim ngạch', '2024', 5500, 5500, { unit: 'triệu USD' }),
      point('Tăng trưởng', '2024', 8.2),
    ];
    const spec = chartSpec(
      mixed,
      { ...TEXT, yTitle: 'triệu USD' },
      { type: 'line', dataLabels: true, locale: 'vi' },
    );
    expect((spec.data as Trace[]).map((trace) => trace.yaxis)).toEqual(['y', 'y2']);
    expect((spec.layout as Record<string, { title: { text: string } }>).yaxis2?.title.text).toBe('%');
    expect((spec.data[0] as Trace).text).toEqual(['5.500']);
    // The legend says which unit (so which axis) each series is read on.
    expect((spec.data as Trace[]).map((trace) => trace.name)).toEqual([
      'Kim ngạch (triệu USD)',
      'Tăng trưởng (%)',
    ]);
  });

  it('draws three units as small multiples: one panel per unit, stacked over one shared x-axis', () => {
    const three = [
      point('Tăng trưởng', '2023', 7.7),
      point('Kim ngạch', '2023', 51.9, 51.9, { unit: 'tỷ USD' }),
      point('Diện tích lúa', '2023', 15000, 15000, { unit: 'ha' }),
      point('Tăng trưởng', '2024', 6.01),
      point('Kim ngạch', '2024', 68.58, 68.58, { unit: 'tỷ USD' }),
    ];
    const spec = chartSpec(three, TEXT, { type: 'line', dataLabels: true, locale: 'en' });
    const traces = spec.data as Trace[];
    expect(traces.map((trace) => [trace.name, trace.yaxis])).toEqual([
      ['Tăng trưởng', 'y'],
      ['Kim ngạch', 'y2'],
      ['Diện tích lúa', 'y3'],
    ]);
    const layout = spec.layout as Record<
      string,
      { title?: { text: string }; domain?: number[]; anchor?: string; overlaying?: string }
    >;
    // Each panel's axis is titled with its unit in the chart's language, none overlays another.
    expect(['yaxis', 'yaxis2', 'yaxis3'].map((axis) => layout[axis]?.title?.text)).toEqual([
      '%',
      'billion USD',
      'ha',
    ]);
    expect(['yaxis', 'yaxis2', 'yaxis3'].map((axis) => layout[axis]?.overlaying)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    // Panels are disjoint, top to bottom, inside the plot area; the x-axis sits under the last one.
    const domains = ['yaxis', 'yaxis2', 'yaxis3'].map((axis) => layout[axis]!.domain!);
    expect(domains[0]![1]).toBe(1);
    for (const [upper, lower] of [
      [0, 1],
      [1, 2],
    ] as const) {
      expect(domains[lower]![1]!).toBeLessThan(domains[upper]![0]!);
    }
    expect(domains[2]![0]).toBeGreaterThanOrEqual(0);
    expect(layout.xaxis?.anchor).toBe('y3');
    // Each panel keeps a readable height: the chart grows with the panels.
    expect(spec.layout.height).toBeGreaterThan(480);
    // Two units stay on two axes; stacked parts of a whole stay on one.
    expect(
      chartSpec(three.slice(0, 2), TEXT, { type: 'line', dataLabels: true, locale: 'en' }).layout.yaxis3,
    ).toBeUndefined();
    const stacked = chartSpec(three, TEXT, { type: 'bar', stacked: true, dataLabels: true, locale: 'vi' });
    expect((stacked.data as Trace[]).map((trace) => trace.yaxis)).toEqual(['y', 'y', 'y']);
  });

  it('never puts one series in two units on one axis: it becomes two traces named by unit', () => {
    const split = [
      point('Lượng khách', '2023', 3, 3, { unit: 'triệu lượt' }),
      point('Lượng khách', '2024', 40, 40, { unit: 'người' }),
    ];
    const spec = chartSpec(split, TEXT, { type: 'bar', dataLabels: true, locale: 'en' });
    expect((spec.data as Trace[]).map((trace) => [trace.name, trace.yaxis])).toEqual([
      ['Lượng khách (million visits)', 'y'],
      ['Lượng khách (people)', 'y2'],
    ]);
  });

  it('writes units and hover text in the chart’s language', () => {
    const english = chartSpec(
      [point('Export', '2024', 5500, 5500, { unit: 'triệu USD', estimate: true })],
      TEXT,
      { type: 'bar', dataLabels: true, locale: 'en' },
    );
    expect((english.data[0] as Trace & { customdata: string[][] }).customdata[0]![0]).toBe(
      '5,500* million USD',
    );
  });

  it('lays out title, subtitle, legend, axis title and source note without overlap', () => {
    const note = 'Nguồn: A;<br>B;<br>C';
    const layout = chartLayout({ ...TEXT, sourceNote: note }, 'vi', 480);
    const margin = layout.margin as { t: number; b: number };
    const plotHeight = 480 - margin.t - margin.b;
    // The legend sits in a row above the plot (its bottom at the plot's top), under the title and subtitle.
    expect(layout.legend).toMatchObject({ orientation: 'h', yanchor: 'bottom', y: 1.02 });
    expect(margin.t).toBeGreaterThanOrEqual(100);
    // The note starts below the x-axis title and its three lines fit inside the bottom margin.
    const annotation = layout.annotations![0]!;
    const noteTop = -Number(annotation.y) * plotHeight;
    expect(noteTop).toBeGreaterThanOrEqual(58);
    expect(noteTop + 3 * 14).toBeLessThanOrEqual(margin.b);
    expect(layout.title).toMatchObject({ text: 'GRDP', subtitle: { text: 'Đơn vị: %' } });
    const withoutSubtitle = chartLayout({ ...TEXT, subtitle: '' }, 'vi', 480);
    expect((withoutSubtitle.title as { subtitle?: unknown }).subtitle).toBeUndefined();
  });

  it('lists each source once and explains the estimate mark only when there is one', () => {
    expect(sourceNote(POINTS, 'Nguồn', '* Số ước tính')).toBe('Nguồn: Nghị quyết<br>* Số ước tính');
    expect(sourceNote([POINTS[0]!], 'Nguồn', '* Số ước tính')).toBe('Nguồn: Nghị quyết');
    expect(plotlySeparators('vi')).toBe(',.');
  });
});
