import { unitEntry } from './unit-table.ts';

/** True when both units are known and measure the same thing, so one converts into the other. */
export function sameDimension(a: string | null | undefined, b: string | null | undefined): boolean {
  const first = unitEntry(a);
  const second = unitEntry(b);
  return first !== null && second !== null && first.dimension === second.dimension;
}

/**
 * `value` written in `from` expressed in `to` (`convert(30.6, 'tỷ USD', 'triệu USD')` → 30600); null
 * when a unit is unknown or the two measure different things. The same arithmetic as the SQL macro
 * `convert_unit`, so both give the same double.
 */
export function convert(value: number, from: string, to: string): number | null {
  const source = unitEntry(from);
  const target = unitEntry(to);
  if (!source || !target || source.dimension !== target.dimension) return null;
  return scaleValue(value, source.scale, target.scale);
}

/**
 * Multiplies by the exact ratio of the scales when it is ≥ 1 and divides by its inverse otherwise:
 * powers of ten stay exact as ratios, so 30,6 tỷ USD gives 30600 and not 30600.000000000004.
 */
export function scaleValue(value: number, fromScale: number, toScale: number): number {
  return fromScale >= toScale ? value * (fromScale / toScale) : value / (toScale / fromScale);
}
