import { sameDimension } from './convert-unit.ts';

/**
 * How a figure's written unit fits its indicator's catalogue unit: the same unit, one the unit table
 * converts (`triệu USD` → `tỷ USD`, `trường học` → `trường`), none stated, or another unit the table
 * cannot convert (`người` for a count of `hộ`, `xã` for `đơn vị hành chính`). Only the first two
 * join the indicator's row; the others keep a row of their own, marked "đơn vị khác".
 */
export type UnitFit = 'same' | 'converts' | 'unstated' | 'other';

/** The fit of `written` to `catalogueUnit`, by the rule the meaning layer's `display_unit` applies. */
export function unitFit(
  catalogueUnit: string | null | undefined,
  written: string | null | undefined,
): UnitFit {
  const catalogue = catalogueUnit ?? '';
  const unit = written ?? '';
  if (unit === catalogue) return 'same';
  if (unit === '') return 'unstated';
  return sameDimension(catalogue, unit) ? 'converts' : 'other';
}

/** True when a figure in `written` is shown in its indicator's row, in the catalogue unit. */
export function joinsIndicatorRow(
  catalogueUnit: string | null | undefined,
  written: string | null | undefined,
): boolean {
  const fit = unitFit(catalogueUnit, written);
  return fit === 'same' || fit === 'converts';
}
