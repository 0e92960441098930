import { DICTIONARIES, type Locale, type MessageKey } from '../i18n/dictionary.ts';

/**
 * The dictionary's word for a contract id under a prefix (`basis` + `annual_avg` → `bình quân hằng
 * năm`); an id the dictionary lacks is written with spaces for its underscores, never raw; empty for none.
 */
export function contractLabel(prefix: string, id: string | null | undefined, locale: Locale): string {
  if (!id || id === 'null') return '';
  const messages: Readonly<Record<string, string>> = DICTIONARIES[locale];
  return messages[`${prefix}.${id}` as MessageKey] ?? id.replace(/_+/g, ' ').trim();
}

/**
 * A name without a closing bracket that only names its unit: `GRDP per capita (VND)` in `million
 * VND` → `GRDP per capita`; a bracket that is not the unit (`(GRDP)`, `(USD)` in `triệu đồng`) stays.
 */
export function nameWithoutUnit(name: string, unit: string, rawUnit: string = unit): string {
  if (!unit) return name;
  const bracket = /\s*\(([^()]+)\)$/.exec(name);
  const inner = bracket?.[1]?.trim().toLowerCase();
  const unitWords = unit.toLowerCase().split(/\s+/);
  const namesUnit =
    inner !== undefined &&
    (inner === unit.toLowerCase() || inner === rawUnit.toLowerCase() || unitWords.includes(inner));
  return namesUnit ? name.slice(0, bracket!.index) : name;
}

/**
 * A name with its unit once: `GRDP per capita (VND)` in `million VND` → `GRDP per capita (million
 * VND)`, `Thu giữ (kg)` in `kg` → `Thu giữ (kg)`; a bracket that is not the unit (`(GRDP)`) stays.
 */
export function nameWithUnit(name: string, unit: string, rawUnit: string = unit): string {
  if (!unit) return name;
  return `${nameWithoutUnit(name, unit, rawUnit)} (${unit})`;
}

// A word written in capitals or with a capital after its first letter (`GRDP`, `FDI`, `PCI`) is an
// abbreviation: it keeps its case wherever it stands in a title.
const ABBREVIATION = /^\p{L}[\p{Lu}\d]/u;

/**
 * Indicator names joined into one title as a sentence writes them: `Kim ngạch xuất nhập khẩu và tốc
 * độ tăng trưởng kinh tế (GRDP)`. A name after the first starts in lower case unless it opens
 * with an abbreviation (`GRDP bình quân đầu người` stays), and the last is joined with "và"/"and".
 */
export function namesInTitle(names: readonly string[], locale: Locale): string {
  const inSentence = names.map((name, index) =>
    index === 0 || ABBREVIATION.test(name) ? name : name.charAt(0).toLocaleLowerCase(locale) + name.slice(1),
  );
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(inSentence);
}
