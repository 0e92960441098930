/** The values an axis must show: its lowest and highest (a range figure's ends included). */
export interface AxisExtent {
  min: number;
  max: number;
}

/** An axis's scale: from `bottom` to `top` in ticks `step` apart, one tick at zero. */
export interface AxisTicks {
  bottom: number;
  top: number;
  step: number;
}

// Round steps a reader can count in: 1, 2, 2,5 and 5 times a power of ten.
const ROUND_STEPS = [1, 2, 2.5, 5, 10];
// About this many intervals between the lowest and highest tick.
const INTERVALS = 5;
// Room above the highest value for the label written over it.
const HEADROOM = 1.08;
const NEGLIGIBLE = 1e-9;

/** The smallest round step (1, 2, 2,5 or 5 × 10ⁿ) at least `raw`. */
export function roundStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ROUND_STEPS.find((candidate) => candidate * power >= raw * (1 - 1e-9)) ?? 10;
  return step * power;
}

/**
 * Ticks for axes drawn over one plot (a left axis and a right one for a second unit), each in round
 * steps, all from zero (bars start there) and with the same number of intervals below and above
 * zero, so every gridline of one axis falls on a gridline of the other. One axis gets its own.
 */
export function alignedTicks(extents: readonly AxisExtent[]): AxisTicks[] {
  // A value within a rounding error of zero is zero: no axis is scaled to 1e-300.
  const clean = (value: number): number => (Math.abs(value) < NEGLIGIBLE ? 0 : value);
  const bounds = extents.map(({ min, max }) => ({
    low: Math.min(0, clean(min)),
    high: Math.max(0, clean(max)) * HEADROOM,
  }));
  const scales = bounds.map(({ low, high }) => {
    const step = roundStep((high - low) / INTERVALS || 1);
    return { below: count(-low, step), above: Math.max(1, count(high, step)) };
  });
  const below = Math.max(0, ...scales.map((scale) => scale.below));
  const above = Math.max(1, ...scales.map((scale) => scale.above));
  // Each axis then takes the smallest round step that fits its values in the shared intervals, so
  // the axis with fewer intervals of its own is not left half empty.
  return bounds.map(({ low, high }) => {
    const step = roundStep(Math.max(high / above, below === 0 ? 0 : -low / below));
    return { step, bottom: below === 0 ? 0 : -below * step, top: above * step };
  });
}

// How many steps cover a value; rounded first, because 0.3 / 0.1 is 2.9999999999999996.
function count(value: number, step: number): number {
  return Math.ceil(Math.round((value / step) * 1e9) / 1e9);
}

/** The decimals an axis's tick labels need: none when every tick is whole (`140`, not `140,0`), else up to 2. */
export function tickDecimals({ bottom, step }: AxisTicks): number {
  for (let decimals = 0; decimals < 2; decimals++) {
    const scale = 10 ** decimals;
    const whole = (value: number): boolean => Math.abs(value * scale - Math.round(value * scale)) < 1e-6;
    if (whole(bottom) && whole(step)) return decimals;
  }
  return 2;
}
