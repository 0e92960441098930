import type { Catalogue, CatalogueEntry } from './catalogue.ts';
import { canonicalVietnamese } from './vietnamese-text.ts';

export interface IndicatorQuery {
  /** Text of the clause before the figure, and of the whole sentence before it. */
  clauseBefore: string;
  sentenceBefore: string;
  unit: string;
  isChange: boolean;
}

export interface IndicatorMatch {
  entry: CatalogueEntry;
  /** The phrasing as the document writes it. */
  label: string;
}

type UnitClass = 'pct' | 'usd' | 'vnd' | 'visits' | 'area' | 'mass' | 'ratio' | 'per10k' | 'criteria' | 'none' | 'count';

function unitClass(unit: string): UnitClass {
  if (unit === '%') return 'pct';
  if (unit === '') return 'none';
  if (unit.includes('USD')) return 'usd';
  if (unit.includes('đồng')) return 'vnd';
  if (unit.includes('lượt')) return 'visits';
  if (/\bha\b/.test(unit)) return 'area';
  if (unit.includes('tấn')) return 'mass';
  if (unit === 'lần') return 'ratio';
  if (unit.includes('vạn dân')) return 'per10k';
  if (unit.includes('/xã')) return 'criteria';
  return 'count';
}

function unitsFit(entry: CatalogueEntry, unit: string, isChange: boolean): boolean {
  const wanted = unitClass(entry.unit);
  const got = unitClass(unit);
  if (wanted === got || got === 'none' || wanted === 'none') return true;
  // A change is stated in % or "lần" of whatever the indicator measures.
  if (isChange && (got === 'pct' || got === 'ratio')) return true;
  return wanted === 'count' && got === 'count';
}

interface Phrase {
  entry: CatalogueEntry;
  text: string;
}

/** Finds, for a figure, the catalogued indicator its sentence names nearest before it. */
export class IndicatorMatcher {
  #phrases: Phrase[];
  #families = new Map<string, CatalogueEntry[]>();
  #entries: readonly CatalogueEntry[];

  constructor(catalogue: Catalogue) {
    this.#entries = catalogue.indicators;
    this.#phrases = catalogue.indicators
      .flatMap((entry) => entry.phrasings.map((phrasing) => ({ entry, text: canonicalVietnamese(phrasing) })))
      .sort((a, b) => b.text.length - a.text.length);
    for (const entry of catalogue.indicators) {
      if (!entry.family) continue;
      this.#families.set(entry.family, [...(this.#families.get(entry.family) ?? []), entry]);
    }
  }

  match(query: IndicatorQuery): IndicatorMatch | null {
    const byUnit = this.#entries.find((entry) => entry.by_unit && entry.unit === query.unit);
    if (byUnit) return { entry: byUnit, label: byUnit.name_vi };
    return this.#matchIn(query.clauseBefore, query) ?? this.#matchIn(query.sentenceBefore, query);
  }

  #matchIn(text: string, query: IndicatorQuery): IndicatorMatch | null {
    const canonical = canonicalVietnamese(text);
    let best: { end: number; length: number; phrase: Phrase } | null = null;
    for (const phrase of this.#phrases) {
      const at = lastWordIndex(canonical, phrase.text);
      if (at < 0) continue;
      const end = at + phrase.text.length;
      if (!best || end > best.end || (end === best.end && phrase.text.length > best.length)) {
        best = { end, length: phrase.text.length, phrase };
      }
    }
    if (!best) return null;
    const start = best.end - best.length;
    const sharing = this.#phrases.filter((phrase) => phrase.text === best.phrase.text).map((phrase) => phrase.entry);
    const candidates = new Set<CatalogueEntry>();
    for (const entry of sharing) {
      candidates.add(entry);
      for (const sibling of entry.family ? (this.#families.get(entry.family) ?? []) : []) candidates.add(sibling);
    }
    const clause = canonicalVietnamese(query.clauseBefore);
    const sentence = canonicalVietnamese(query.sentenceBefore);
    let chosen: { entry: CatalogueEntry; score: number } | null = null;
    for (const entry of candidates) {
      if (!unitsFit(entry, query.unit, query.isChange)) continue;
      let score = entry.cues ? 0 : 0.5;
      for (const cue of entry.cues ?? []) {
        const canonicalCue = canonicalVietnamese(cue);
        if (clause.includes(canonicalCue)) score = Math.max(score, 2);
        else if (sentence.includes(canonicalCue)) score = Math.max(score, 1);
      }
      // The same unit as the indicator beats a fit through the change rule.
      if (unitClass(entry.unit) === unitClass(query.unit)) score += 0.25;
      if (!chosen || score > chosen.score) chosen = { entry, score };
    }
    if (!chosen) return null;
    return { entry: chosen.entry, label: text.slice(start, best.end) };
  }
}

/** Last index of `needle` in `haystack` starting and ending at word boundaries, or -1. */
function lastWordIndex(haystack: string, needle: string): number {
  let at = haystack.lastIndexOf(needle);
  while (at >= 0) {
    const before = haystack[at - 1] ?? ' ';
    const after = haystack[at + needle.length] ?? ' ';
    if (!/[\p{L}\d]/u.test(before) && !/[\p{L}\d]/u.test(after)) return at;
    at = at === 0 ? -1 : haystack.lastIndexOf(needle, at - 1);
  }
  return -1;
}
