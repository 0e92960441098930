import type { Catalogue, CatalogueEntry } from './catalogue.ts';
import {
  PhraseIndex,
  canonicalPhrase,
  canonicalStretch,
  type PhraseHit,
  type ScannedText,
} from './phrase-index.ts';
import { canonicalVietnamese } from './vietnamese-text.ts';
import { unitClass, unitsFit } from './unit-fit.ts';

export interface IndicatorQuery {
  /** Text since the previous figure of the sentence (or the sentence start). */
  windowBefore: string;
  /** Text of the clause before the figure, and of the whole sentence before it. */
  clauseBefore: string;
  sentenceBefore: string;
  /** Text right after the figure's unit, to the end of its clause ("15 trường học đạt chuẩn quốc gia"). */
  after: string;
  /** The indicator of the previous figure in the same clause, if any. */
  previous: IndicatorMatch | null;
  unit: string;
  isChange: boolean;
  /** The figure is a level ("từ 25,95% … xuống còn 7,89%"), not a rate of increase or decrease. */
  isLevel: boolean;
  /**
   * Where the three texts before the figure start in their sentence, scanned once by
   * `scanSentence`: each is `sentence.text.slice(start, figure)`. Without it each text is scanned.
   */
  within?: SentenceStretches | undefined;
}

/** The offsets in a scanned sentence of a figure and of the texts before it. */
export interface SentenceStretches {
  sentence: ScannedText;
  figure: number;
  windowBefore: number;
  clauseBefore: number;
  sentenceBefore: number;
  /** Where `after` starts. */
  after: number;
}

export interface IndicatorMatch {
  entry: CatalogueEntry;
  /** The phrasing as the document writes it. */
  label: string;
}

/** National comparison figures have their own indicators, the province's id with this suffix. */
const NATIONAL_SUFFIX = '_national';
// The country named last before the figure: "bình quân cả nước tăng 8,8%", "(cả nước: 7,5%)".
const NATIONAL_BEFORE =
  /(?:cả nước|toàn quốc|bình quân chung)\s*(?:[(:]\s*)?(?:(?:là|đạt|tăng|giảm|ở mức|khoảng|ước|chỉ)\s+)*$/iu;
// The words right after a figure, up to punctuation or another number: its own noun phrase.
const OWN_MODIFIER =
  /^[^,;:.()\d]{0,80}?(?=\s(?:thành|còn|xuống|lên|so với|và)\s|[,;:.()\d]|$)|^[^,;:.()\d]{0,80}/u;
// "bình quân hằng năm tăng", "tăng bình quân": an average annual rate, a growth indicator's value.
const AVERAGE_GROWTH_BEFORE =
  /(?:bình quân(?:\s+(?:hằng|hàng|mỗi)\s+năm)?\s+(?:tăng|giảm)|tăng(?:\s+trưởng)?\s+bình quân(?:\s+(?:hằng|hàng|mỗi)\s+năm)?)(?:\s+(?:đạt|là|khoảng|ước|trên|hơn))*\s*$/iu;
const CHANGE_VERB_BEFORE = /(?:tăng|giảm)(?:\s+(?:thêm|khoảng|trên|hơn|gần))?\s*$/iu;
const SHARE_BEFORE = /chiếm\s*(?:khoảng\s*|trên\s*|hơn\s*|gần\s*)?$/iu;

/** How far after a figure (past a % or a denominator) a phrasing may name it. */
export const AFTER_REACH = 110;

// How many recent texts keep their canonical form: a figure's windows are read again and again.
const RECENT_CANONICAL = 64;
const matchers = new WeakMap<Catalogue, IndicatorMatcher>();

/** A query's texts in canonical form, and the cues read off the words right before its figure. */
interface QueryTexts {
  clause: string;
  growthClause: string;
  sentence: string;
  after: string;
  shareBefore: boolean;
  averageGrowth: boolean;
  ownModifier: string;
}

/** Finds, for a figure, the catalogued indicator its sentence names nearest before it. */
export class IndicatorMatcher {
  /** The matcher of a catalogue, compiled once and shared by every document read with it. */
  static of(catalogue: Catalogue): IndicatorMatcher {
    let matcher = matchers.get(catalogue);
    if (!matcher) {
      matcher = new IndicatorMatcher(catalogue);
      matchers.set(catalogue, matcher);
    }
    return matcher;
  }

  #index: PhraseIndex;
  /** The first entry read by its unit alone, for each such unit. */
  #byUnit = new Map<string, CatalogueEntry>();
  #canonical = new Map<string, string>();
  /** The entries each canonical phrasing names (siblings share phrasings). */
  #byPhrase = new Map<string, CatalogueEntry[]>();
  #families = new Map<string, CatalogueEntry[]>();
  /** The candidates #best weighs for a phrase, and for an entry alone: with their families, gathered once. */
  #phraseCandidates = new Map<string, readonly CatalogueEntry[]>();
  #entryCandidates = new Map<CatalogueEntry, readonly CatalogueEntry[]>();
  #cues = new Map<CatalogueEntry, string[]>();
  #byId = new Map<string, CatalogueEntry>();
  #modifierCues = new Map<CatalogueEntry, string[]>();
  #queryTexts = new WeakMap<IndicatorQuery, QueryTexts>();

  constructor(catalogue: Catalogue) {
    for (const entry of catalogue.indicators) {
      this.#byId.set(entry.id, entry);
      if (entry.by_unit && !this.#byUnit.has(entry.unit)) this.#byUnit.set(entry.unit, entry);
      for (const phrasing of entry.phrasings) {
        const text = canonicalPhrase(phrasing);
        const sharing = this.#byPhrase.get(text) ?? [];
        if (!sharing.includes(entry)) sharing.push(entry);
        this.#byPhrase.set(text, sharing);
      }
      if (entry.cues) {
        const cues = entry.cues.map(canonicalVietnamese);
        const names = entry.phrasings.map(canonicalPhrase);
        this.#cues.set(entry, cues);
        // A cue that is a word of the entry's own name ("đạt" in "xã đạt chuẩn …") tells no sibling apart.
        this.#modifierCues.set(
          entry,
          cues.filter((cue) => !names.some((name) => lastWordIndex(name, cue) >= 0)),
        );
      }
      if (!entry.family) continue;
      this.#families.set(entry.family, [...(this.#families.get(entry.family) ?? []), entry]);
    }
    for (const [phrase, entries] of this.#byPhrase)
      this.#phraseCandidates.set(phrase, this.#withSiblings(entries));
    for (const entry of catalogue.indicators) this.#entryCandidates.set(entry, this.#withSiblings([entry]));
    this.#index = new PhraseIndex(this.#byPhrase.keys());
  }

  /** Finds the catalogued phrases of a sentence once (up to its last figure), for all its figures' queries. */
  scanSentence(text: string, lastFigure = text.length): ScannedText {
    return this.#index.scanText(text, lastFigure);
  }

  /** Whether a figure in `unit` can be a value of the indicator `match` names. */
  fits(match: IndicatorMatch, unit: string, isChange: boolean): boolean {
    return unitsFit(match.entry, unit, isChange);
  }

  /**
   * The indicator a figure belongs to, looked for in this order: its unit alone; a phrasing
   * since the previous figure; a phrasing right after it; the previous figure's indicator;
   * a phrasing earlier in its clause, then in its sentence.
   */
  match(query: IndicatorQuery): IndicatorMatch | null {
    const byUnit = this.#byUnit.get(query.unit);
    if (byUnit) return { entry: byUnit, label: byUnit.name_vi };
    const within = query.within;
    const found =
      this.#matchBefore(
        query.windowBefore,
        query,
        query.windowBefore !== query.sentenceBefore,
        within?.windowBefore,
      ) ??
      this.#matchAfter(query.after, query) ??
      this.#fromPrevious(query) ??
      this.#matchBefore(query.clauseBefore, query, false, within?.clauseBefore) ??
      this.#matchBefore(query.sentenceBefore, query, false, within?.sentenceBefore);
    return found && NATIONAL_BEFORE.test(query.windowBefore) ? this.#national(found) : found;
  }

  // "cao hơn mức tăng cả nước là 7,5%": a figure about the country is the national sibling.
  #national(found: IndicatorMatch): IndicatorMatch {
    if (found.entry.id.endsWith(NATIONAL_SUFFIX)) return found;
    const national = this.#byId.get(`${found.entry.id}${NATIONAL_SUFFIX}`);
    return national ? { entry: national, label: national.name_vi } : found;
  }

  /**
   * The nearest phrasing before the figure. Right after another figure, what comes before the
   * last comma still describes that figure ("187 cán bộ đi đào tạo sau đại học, 337 cán bộ …").
   */
  #matchBefore(
    text: string,
    query: IndicatorQuery,
    afterFigure: boolean,
    stretchStart: number | undefined,
  ): IndicatorMatch | null {
    const separator = afterFigure ? lastSeparator(text) : -1;
    const last = new Map<string, PhraseHit>();
    for (const hit of this.#hitsBefore(text, query.within, stretchStart))
      if (hit.end > separator) last.set(hit.phrase, hit);
    // Nearest first; a phrasing whose indicators do not fit the unit gives way to the next one.
    const found = [...last.values()].sort((a, b) => b.end - a.end || b.end - b.start - (a.end - a.start));
    for (const hit of found) {
      const chosen = this.#choose(text, hit, query);
      if (chosen) return chosen;
    }
    return null;
  }

  /** The phrases of `text`, read off its sentence's scan when the query says where it sits there. */
  #hitsBefore(
    text: string,
    within: SentenceStretches | undefined,
    stretchStart: number | undefined,
  ): readonly PhraseHit[] {
    // The offsets are trusted only when they give back the text's own length.
    if (!within || stretchStart === undefined || within.figure - stretchStart !== text.length)
      return this.#index.scan(text);
    return this.#index.scanStretch(within.sentence, stretchStart, within.figure);
  }

  /** The phrases of `scope`, which starts `offset` into the query's `after`, read off the sentence's scan when it is there. */
  #hitsAfter(scope: string, offset: number, within: SentenceStretches | undefined): readonly PhraseHit[] {
    const start = afterStart(scope, offset, within);
    return within && start >= 0
      ? this.#index.scanStretch(within.sentence, start, start + scope.length)
      : this.#index.scan(scope);
  }

  /** The canonical form of `text`, which starts `offset` into the query's `after`, read off the sentence's scan when it is there. */
  #canonicalAfter(text: string, offset: number, within: SentenceStretches | undefined): string {
    const start = afterStart(text, offset, within);
    return within && start >= 0
      ? canonicalStretch(within.sentence, start, start + text.length)
      : this.#canonicalOf(text);
  }

  // Only a phrasing that starts within the first few words after the figure names it.
  #matchAfter(text: string, query: IndicatorQuery): IndicatorMatch | null {
    // A figure followed by punctuation ends its phrase ("5,1%, doanh thu …"): look no further than
    // the comma. A figure followed by a noun ("100% xã, phường đạt …") is described by what follows.
    const head = withoutDenominator(text).slice(0, AFTER_REACH);
    // "giảm 2,96% so với năm 2020, công nghiệp …": what follows is not the figure's subject.
    if (/^\s*(?:[,;:.)]\s*)?(?:so với|tăng|giảm|gấp|bằng|đạt|\d)/iu.test(head)) return null;
    // A change ("gấp 2,4 lần năm 2020, trong đó thu nội địa …") never names its subject past a comma.
    const limit = query.isChange || /^\s*[,.]/.test(head) ? /[,;:(]/ : /[;:(]/;
    const scope = head.split(limit)[0] ?? '';
    // The figure's own noun phrase runs to punctuation or the next number; within it the phrasing
    // reaching furthest carries the most modifiers ("xã đạt chuẩn nông thôn mới nâng cao").
    const ownEnd = OWN_MODIFIER.exec(scope)?.[0].length ?? 0;
    const wordStarts = [...scope.matchAll(/\S+/g)].map((word) => word.index);
    const hits = this.#hitsAfter(scope, text.length - withoutDenominator(text).length, query.within).filter(
      // At most ten words before it: words are counted as they start, a hit inside one counts that one.
      (hit) => wordStarts.filter((start) => start < hit.start).length <= 10,
    );
    const own = hits.filter((hit) => hit.end <= ownEnd).sort((a, b) => b.end - a.end || a.start - b.start);
    const beyond = hits.filter((hit) => hit.end > ownEnd).sort((a, b) => a.start - b.start || b.end - a.end);
    for (const hit of [...own, ...beyond]) {
      const chosen = this.#choose(text, hit, query);
      if (chosen) return chosen;
    }
    return null;
  }

  // The previous figure's indicator, or the sibling of it that fits this figure's unit and cues.
  #fromPrevious(query: IndicatorQuery): IndicatorMatch | null {
    const previous = query.previous;
    if (!previous) return null;
    // "… đạt 43.368 tỷ đồng, bình quân hằng năm tăng 15,98%": an average rate is the growth sibling.
    const growth = AVERAGE_GROWTH_BEFORE.test(query.windowBefore)
      ? (this.#families.get(previous.entry.family ?? '') ?? []).find(
          (entry) => entry.kind === 'growth' && unitsFit(entry, query.unit, false),
        )
      : undefined;
    if (growth) return { entry: growth, label: growth.name_vi };
    // "chiếm 28,33%, tăng 6,44%": a change right after a figure is a change of that figure.
    if (query.isChange && unitsFit(previous.entry, query.unit, true)) return previous;
    const chosen = this.#best(
      this.#entryCandidates.get(previous.entry) ?? this.#withSiblings([previous.entry]),
      {
        ...query,
        clauseBefore: query.windowBefore,
      },
    );
    return chosen
      ? { entry: chosen, label: chosen === previous.entry ? previous.label : chosen.name_vi }
      : null;
  }

  #choose(text: string, hit: PhraseHit, query: IndicatorQuery): IndicatorMatch | null {
    const chosen = this.#best(this.#phraseCandidates.get(hit.phrase) ?? [], query);
    return chosen ? { entry: chosen, label: text.slice(hit.start, hit.end) } : null;
  }

  #canonicalOf(text: string): string {
    let canonical = this.#canonical.get(text);
    if (canonical === undefined) {
      if (this.#canonical.size >= RECENT_CANONICAL) this.#canonical.clear();
      canonical = canonicalVietnamese(text);
      this.#canonical.set(text, canonical);
    }
    return canonical;
  }

  /** The canonical form of a text before the figure, read off its sentence's scan when the query says where it sits there. */
  #canonicalBefore(
    text: string,
    within: SentenceStretches | undefined,
    stretchStart: number | undefined,
  ): string {
    // Trusted as in #hitsBefore: every stretch ends at the figure, so its length tells it apart.
    if (!within || stretchStart === undefined || within.figure - stretchStart !== text.length)
      return this.#canonicalOf(text);
    return canonicalStretch(within.sentence, stretchStart, within.figure);
  }

  /** What #best reads of a query's texts, read once per query (it is asked once per phrase found). */
  #textsOf(query: IndicatorQuery): QueryTexts {
    let texts = this.#queryTexts.get(query);
    if (!texts) {
      const clause = this.#canonicalBefore(query.clauseBefore, query.within, query.within?.clauseBefore);
      texts = {
        clause,
        // "(tăng 6,17%)": the verb of a change is not a cue of the growth-rate sibling.
        growthClause: query.isChange ? clause.replace(CHANGE_VERB_BEFORE, '') : clause,
        sentence: this.#canonicalBefore(query.sentenceBefore, query.within, query.within?.sentenceBefore),
        after: this.#canonicalAfter(query.after.slice(0, 60), 0, query.within),
        shareBefore: SHARE_BEFORE.test(query.windowBefore),
        averageGrowth: AVERAGE_GROWTH_BEFORE.test(query.windowBefore),
        ownModifier: this.#canonicalAfter(
          OWN_MODIFIER.exec(withoutDenominator(query.after))?.[0] ?? '',
          query.after.length - withoutDenominator(query.after).length,
          query.within,
        ),
      };
      this.#queryTexts.set(query, texts);
    }
    return texts;
  }

  /** Entries and their families' entries, each once, in that order. */
  #withSiblings(entries: readonly CatalogueEntry[]): CatalogueEntry[] {
    const candidates = new Set<CatalogueEntry>();
    for (const entry of entries) {
      candidates.add(entry);
      for (const sibling of entry.family ? (this.#families.get(entry.family) ?? []) : [])
        candidates.add(sibling);
    }
    return [...candidates];
  }

  /** Among candidates (entries with their families), the one that fits the unit and whose cues stand nearest. */
  #best(candidates: readonly CatalogueEntry[], query: IndicatorQuery): CatalogueEntry | null {
    const { clause, growthClause, sentence, after, shareBefore, averageGrowth, ownModifier } =
      this.#textsOf(query);
    let chosen: { entry: CatalogueEntry; score: number } | null = null;
    for (const entry of candidates) {
      if (!unitsFit(entry, query.unit, query.isChange)) continue;
      let score = entry.cues ? 0 : 0.5;
      // An indicator told apart from its siblings by cues needs one of them ("dịch vụ y tế đạt 80%"
      // is no share of GRDP).
      const cues = this.#cues.get(entry) ?? [];
      const cued = cues.some((cue) => [sentence, clause, after].some((text) => text.includes(cue)));
      if (entry.cues && !cued) continue;
      // A level is not a rate of increase or decrease.
      if (query.isLevel && (entry.cues ?? []).some((cue) => cue === 'tăng' || cue === 'giảm')) continue;
      // "chiếm 77,57% tổng chi ngân sách": a share, not the growth rate named after it.
      if (shareBefore && entry.kind === 'growth') continue;
      let matched = 0;
      for (const canonicalCue of cues) {
        // The nearer a cue stands to the figure, the more it counts; more cues count more.
        const inClause = lastWordIndex(entry.kind === 'growth' ? growthClause : clause, canonicalCue);
        if (inClause >= 0) score = Math.max(score, 2 + inClause / Math.max(1, clause.length));
        else if (lastWordIndex(sentence, canonicalCue) >= 0) score = Math.max(score, 1);
        else continue;
        matched++;
      }
      // "04 chỉ tiêu chưa đạt", "28 xã đạt chuẩn nông thôn mới nâng cao": the figure's own modifier.
      if ((this.#modifierCues.get(entry) ?? []).some((cue) => lastWordIndex(ownModifier, cue) >= 0)) {
        score = Math.max(score, 3);
        matched++;
      }
      score += 0.01 * matched;
      // A change of a level (a share moving by 6,44 points) is not the growth-rate sibling.
      if (query.isChange && entry.kind === 'growth' && !averageGrowth) score -= 1;
      // The same unit as the indicator beats a fit through the change rule.
      if (unitClass(entry.unit) === unitClass(query.unit)) score += 0.25;
      // Counts of different things ("1.047 tập thể, 1.745 cá nhân") go by their own unit.
      if (entry.unit === query.unit) score += 0.1;
      if (!chosen || score > chosen.score) chosen = { entry, score };
    }
    return chosen?.entry ?? null;
  }
}

/**
 * Where `text`, `offset` into a query's `after`, starts in its scanned sentence, or -1: trusted
 * only when the sentence holds that very text there.
 */
function afterStart(text: string, offset: number, within: SentenceStretches | undefined): number {
  const start = within ? within.after + offset : -1;
  return start >= 0 && within?.sentence.text.startsWith(text, start) ? start : -1;
}

/** "28/175 xã …": what follows a fraction's numerator starts after its denominator. */
function withoutDenominator(after: string): string {
  return after.replace(/^\s*\/\s*\d[\d.,]*/u, '');
}

/** Offset of the last list separator (a comma, a semicolon or "và") in a text, or -1. */
function lastSeparator(text: string): number {
  const and = [...text.matchAll(/\svà\s/gu)].at(-1)?.index ?? -1;
  return Math.max(text.lastIndexOf(','), text.lastIndexOf(';'), and);
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
