import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChartPoint } from '../../../renderer/src/features/charts/chart-queries.ts';
import { chartSpec } from '../../../renderer/src/features/charts/chart-specs.ts';
import { alignedTicks, roundStep, type AxisTicks } from '../../../renderer/src/lib/report/axis-ticks.ts';
import { reportChartSvg } from '../../../renderer/src/lib/report/report-chart-svg.ts';
import { reportChartFromFigure } from '../../../renderer/src/lib/report/report-chart.ts';

/** True when a step is 1, 2, 2,5 or 5 times a power of ten. */
function isRound(step: number): boolean {
  const power = 10 ** Math.floor(Math.log10(step) + 1e-9);
  const mantissa = Math.round((step / power) * 1e6) / 1e6;
  return [1, 2, 2.5, 5, 10].includes(mantissa);
}

/** The tick values of a scale, bottom to top. */
function ticksOf(scale: AxisTicks): number[] {
  const count = Math.round((scale.top - scale.bottom) / scale.step);
  return Array.from({ length: count + 1 }, (_, index) => scale.bottom + index * scale.step);
}

describe('round steps', () => {
  it('picks the smallest of 1, 2, 2,5 and 5 × 10ⁿ that is at least the raw step', () => {
    expect(roundStep(0.9)).toBe(1);
    expect(roundStep(1)).toBe(1);
    expect(roundStep(1.2)).toBe(2);
    expect(roundStep(2.1)).toBe(2.5);
    expect(roundStep(3.66)).toBe(5);
    expect(roundStep(7.33)).toBe(10);
    expect(roundStep(0.013)).toBeCloseTo(0.02, 12);
    expect(roundStep(1400)).toBe(2000);
    expect(roundStep(25_000)).toBe(25_000);
  });

  it('falls back to 1 for a step that is zero, negative or not a number', () => {
    expect(roundStep(0)).toBe(1);
    expect(roundStep(-3)).toBe(1);
    expect(roundStep(Number.NaN)).toBe(1);
  });
});

describe('aligned ticks of two axes', () => {
  it('gives GRDP growth (%) beside trade in tỷ USD round ticks whose gridlines coincide', () => {
    // The case the issue saw: 7,33 / 5,5 / 3,66 on the right axis.
    const [left, right] = alignedTicks([
      { min: 0, max: 8.5 },
      { min: 0, max: 30.6 },
    ]);
    expect(left).toEqual({ bottom: 0, top: 10, step: 2 });
    expect(right).toEqual({ bottom: 0, top: 50, step: 10 });
    expect(ticksOf(left!)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticksOf(right!)).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it('fits the axis with fewer intervals of its own in the shared ones, not half empty', () => {
    // 5.500 triệu USD alone would take 4 steps of 2.000 (0–8.000); 7,33% needs 4 steps of 2.
    const [left, right] = alignedTicks([
      { min: 0, max: 7.33 },
      { min: 0, max: 5500 },
    ]);
    expect(left).toEqual({ bottom: 0, top: 8, step: 2 });
    expect(right).toEqual({ bottom: 0, top: 8000, step: 2000 });
  });

  it('puts zero on the same gridline when one axis goes below it', () => {
    const [left, right] = alignedTicks([
      { min: -2.4, max: 9 },
      { min: 0, max: 450 },
    ]);
    expect(ticksOf(left!).indexOf(0)).toBe(ticksOf(right!).indexOf(0));
    expect(ticksOf(left!).length).toBe(ticksOf(right!).length);
    expect(left!.bottom).toBeLessThanOrEqual(-2.4);
    expect(right!.top).toBeGreaterThanOrEqual(450);
  });

  it('keeps small decimals exact: 0,05 steps, not 0,15000000000000002', () => {
    const [scale] = alignedTicks([{ min: 0, max: 0.21 }]);
    expect(scale).toEqual({ bottom: 0, top: 0.25, step: 0.05 });
  });

  it('gives an axis with nothing but zeros one step', () => {
    expect(alignedTicks([{ min: 0, max: 0 }])).toEqual([{ bottom: 0, top: 1, step: 1 }]);
  });

  it('draws a negative value smaller than a billionth of a step at zero', () => {
    const [scale] = alignedTicks([
      { min: -1.0000000000000003e-9, max: 9.259259267592594 },
      { min: 0, max: 0 },
    ]);
    expect(scale!.bottom).toBe(0);
    expect(scale!.top).toBeGreaterThanOrEqual(9.259259267592594);
  });

  it('holds for any two ranges: round steps, every value inside, gridlines on each other', () => {
    const extent = fc
      .tuple(fc.double({ min: -1e6, max: 0, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }))
      .map(([min, max]) => ({ min, max }));
    fc.assert(
      fc.property(extent, extent, (first, second) => {
        const scales = alignedTicks([first, second]);
        const [a, b] = scales.map(ticksOf);
        expect(a!.length).toBe(b!.length);
        expect(a!.indexOf(0)).toBe(b!.indexOf(0));
        expect(a!.length).toBeLessThanOrEqual(11);
        scales.forEach((scale, index) => {
          const { min, max } = [first, second][index]!;
          expect(isRound(scale.step)).toBe(true);
          // A value within a billionth of a step of a tick counts as on it (axis-ticks.ts, count):
          // -1.0000000000000003e-9 on a 2,5 step is drawn at zero.
          const rounding = 1e-9 * Math.max(1, scale.step);
          expect(scale.bottom).toBeLessThanOrEqual(min + rounding);
          expect(scale.top).toBeGreaterThanOrEqual(max - rounding);
        });
      }),
    );
  });
});

const point = (series: string, label: string, value: number, unit: string): ChartPoint => ({
  series,
  label,
  low: value,
  high: value,
  unit,
  estimate: false,
  docTitle: 'Nghị quyết',
});

describe('the chart on screen and the report SVG use the same ticks', () => {
  const POINTS = [
    point('Tăng trưởng GRDP', '2021', 7.33, '%'),
    point('Tăng trưởng GRDP', '2022', 5.5, '%'),
    point('Kim ngạch XNK', '2021', 30.6, 'tỷ USD'),
    point('Kim ngạch XNK', '2022', 22, 'tỷ USD'),
  ];
  const spec = chartSpec(
    POINTS,
    { title: 'Hai đơn vị', xTitle: 'Năm', yTitle: '%', sourceNote: 'Nguồn: Nghị quyết' },
    { type: 'line', dataLabels: true, locale: 'vi' },
  );
  const axis = (name: 'yaxis' | 'yaxis2'): Record<string, unknown> =>
    spec.layout[name] as unknown as Record<string, unknown>;

  it('fixes both Plotly axes to round, aligned linear ticks', () => {
    expect(axis('yaxis')).toMatchObject({ tickmode: 'linear', tick0: 0, dtick: 2, range: [0, 8] });
    expect(axis('yaxis2')).toMatchObject({ tickmode: 'linear', tick0: 0, dtick: 10, range: [0, 40] });
  });

  it('writes the same tick labels in the SVG the report CLI draws', () => {
    const svg = reportChartSvg(reportChartFromFigure(spec), 'vi');
    const labels = [
      ...svg.matchAll(
        /<text x="([\d.]+)" y="[\d.]+"(?: text-anchor="end")? font-size="12" fill="#1b2430">([\d.,]+)<\/text>/g,
      ),
    ];
    const left = labels.filter((match) => Number(match[1]) < 100).map((match) => match[2]);
    const right = labels.filter((match) => Number(match[1]) > 800).map((match) => match[2]);
    expect(left).toEqual(['0', '2', '4', '6', '8']);
    expect(right).toEqual(['0', '10', '20', '30', '40']);
  });

  it('gives a chart of one unit round ticks from zero too', () => {
    const single = chartSpec(
      POINTS.slice(0, 2),
      { title: 'Một đơn vị', xTitle: 'Năm', yTitle: '%', sourceNote: '' },
      { type: 'bar', dataLabels: true, locale: 'vi' },
    );
    expect(single.layout.yaxis).toMatchObject({ dtick: 2, range: [0, 8] });
    expect(single.layout.yaxis2).toBeUndefined();
  });
});
