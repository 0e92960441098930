import { z } from 'zod';
import unitsJson from '../../../../data/units.json';
import { unitSpelling } from './unit-spelling.ts';

/** One unit as the warehouse writes it, with what it measures and its size in that dimension's base unit. */
export interface UnitEntry {
  /** The unit as written in `observations.unit` (`nghìn lượt`, `tỷ USD`, `xã`). */
  unit: string;
  /** What it measures (`visits`, `money_vnd`, `count:xã`); units convert only within one dimension. */
  dimension: string;
  /** How many base units of the dimension one of this unit is (`tỷ đồng` → 1e9). */
  scale: number;
  name_en: string;
  /** The spelling this one is the same as (`trường học` → `trường`), for showing one unit per row. */
  synonym_of: string | null;
}

const measuredUnitSchema = z.object({
  unit: z.string().min(1),
  dimension: z.string().regex(/^[a-z0-9_]+$/),
  scale: z.number().positive().finite(),
  name_en: z.string().min(1),
  synonym_of: z.string().min(1).optional(),
  // Why a synonym counts the same things, for the reviewer of the data; not part of the table.
  why: z.string().min(1).optional(),
});

const countedNounSchema = z.object({
  noun: z.string().min(1),
  name_en: z.string().min(1),
  synonym_of: z.string().min(1).optional(),
  why: z.string().min(1).optional(),
});

const unitFileSchema = z.object({
  units: z.array(measuredUnitSchema),
  counted_nouns: z.array(countedNounSchema),
});

/** The prefix of a counted noun's dimension: `xã` measures `count:xã`. */
export const COUNT_DIMENSION_PREFIX = 'count:';

/**
 * Validates a unit file (data/units.json) and flattens it: measured units as listed, each counted
 * noun its own dimension with scale 1. Throws on a duplicate unit, a synonym of an unknown unit or
 * of one with another dimension or scale, and on a unit not in its one spelling (`unitSpelling`:
 * `thoả thuận` is read as `thỏa thuận`, so the file lists that one only).
 */
export function parseUnitTable(json: unknown): UnitEntry[] {
  const file = unitFileSchema.parse(json);
  const entries: UnitEntry[] = file.units.map((entry) => ({
    unit: entry.unit,
    dimension: entry.dimension,
    scale: entry.scale,
    name_en: entry.name_en,
    synonym_of: entry.synonym_of ?? null,
  }));
  const nouns = new Map(file.counted_nouns.map((entry) => [entry.noun, entry]));
  for (const entry of file.counted_nouns) {
    const target = entry.synonym_of ?? entry.noun;
    if (!nouns.has(target))
      throw new Error(`units: "${entry.noun}" is a synonym of unknown noun "${target}"`);
    entries.push({
      unit: entry.noun,
      dimension: `${COUNT_DIMENSION_PREFIX}${target}`,
      scale: 1,
      name_en: entry.name_en,
      synonym_of: entry.synonym_of ?? null,
    });
  }
  const byUnit = new Map<string, UnitEntry>();
  for (const entry of entries) {
    for (const written of [entry.unit, entry.synonym_of ?? entry.unit]) {
      if (unitSpelling(written) !== written)
        throw new Error(
          `units: write "${written}" as "${unitSpelling(written)}", the spelling units are read in`,
        );
    }
    if (byUnit.has(entry.unit)) throw new Error(`units: "${entry.unit}" is listed twice`);
    byUnit.set(entry.unit, entry);
  }
  for (const entry of entries) {
    if (entry.synonym_of === null) continue;
    const target = byUnit.get(entry.synonym_of);
    if (
      !target ||
      target.dimension !== entry.dimension ||
      target.scale !== entry.scale ||
      target.synonym_of
    ) {
      throw new Error(
        `units: "${entry.unit}" must be a synonym of a listed unit of the same dimension and scale`,
      );
    }
  }
  return entries;
}

/** The product's unit table, from data/units.json. */
export const UNIT_TABLE: readonly UnitEntry[] = parseUnitTable(unitsJson);

const UNITS_BY_NAME = new Map(UNIT_TABLE.map((entry) => [entry.unit, entry]));

/**
 * The table's entry for a unit as written, in either tone placement (`thoả thuận` finds `thỏa
 * thuận`), or null when the table does not know it.
 */
export function unitEntry(unit: string | null | undefined): UnitEntry | null {
  return unit == null ? null : (UNITS_BY_NAME.get(unit) ?? UNITS_BY_NAME.get(unitSpelling(unit)) ?? null);
}

/** The one spelling a unit is shown in (`trường học` → `trường`, `lượt người` → `lượt`); unknown units as written. */
export function canonicalUnit(unit: string): string {
  const entry = unitEntry(unit);
  return entry ? (entry.synonym_of ?? entry.unit) : unit;
}

/** A unit as a reader of `locale` reads it: as written in Vietnamese, the table's English name in English. */
export function unitLabel(unit: string | null | undefined, locale: 'vi' | 'en'): string {
  if (!unit) return '';
  return locale === 'en' ? (unitEntry(unit)?.name_en ?? unit) : unit;
}
