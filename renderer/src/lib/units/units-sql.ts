import { appObject } from '../db/sql.ts';
import type { WarehouseRow } from '../warehouse/columns.ts';
import { UNIT_TABLE } from './unit-table.ts';

/** The rows of the warehouse table `units` (unit, dimension, scale, name_en), in table order. */
export function unitRows(): WarehouseRow[] {
  return UNIT_TABLE.map((entry) => ({
    unit: entry.unit,
    dimension: entry.dimension,
    scale: entry.scale,
    name_en: entry.name_en,
  }));
}

/**
 * The macros behind `convert_unit(value, from_unit, to_unit)`: the value in another unit of the same
 * dimension, NULL across dimensions, for an unknown unit or a NULL; the same arithmetic as
 * `convert()` in TypeScript. Defined in this order. The units table is read by a subquery that takes
 * no argument, so a caller's column (`unit`, `value_low`) is never captured by the table's own
 * columns, as it would be inside `SELECT … FROM units WHERE unit = from_unit`.
 */
export const CONVERT_UNIT_MACROS: readonly string[] = [
  `CREATE OR REPLACE MACRO ${appObject('unit_info')}(written_unit) AS (
    SELECT map_from_entries(list((u.unit, {'dimension': u.dimension, 'scale': u.scale})))
    FROM ${appObject('units')} u
  )[written_unit]`,
  `CREATE OR REPLACE MACRO ${appObject('convert_between')}(value, source, target) AS
    CASE WHEN source.dimension = target.dimension THEN
      CASE WHEN source.scale >= target.scale THEN value * (source.scale / target.scale)
      ELSE value / (target.scale / source.scale) END
    END`,
  `CREATE OR REPLACE MACRO ${appObject('convert_unit')}(value, from_unit, to_unit) AS
    ${appObject('convert_between')}(value, ${appObject('unit_info')}(from_unit), ${appObject('unit_info')}(to_unit))`,
];
