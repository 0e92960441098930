import { canonicalLowerCase, canonicalVietnamese } from './vietnamese-text.ts';

/** One occurrence of a catalogued phrase in a text, as `[start, end)` offsets of that text. */
export interface PhraseHit {
  /** The phrase in canonical form (lower-case NFC, one space between words). */
  phrase: string;
  start: number;
  end: number;
}

/** A text (a sentence) with all its phrases found once, so that any stretch of it reads without a scan. */
export interface ScannedText {
  readonly text: string;
  readonly lower: string;
  readonly canonical: string;
  /** Whether `canonical` of a stretch is that stretch of `canonical` (no length- or context-dependent case). */
  readonly local: boolean;
  /** Stretches ending up to here are read off `hits`; past it they are scanned afresh. */
  readonly limit: number;
  /** Every hit starting at a word boundary of the text; `endsAtBoundary` false when a letter follows it. */
  readonly hits: readonly WalkHit[];
}

type WalkHit = PhraseHit & { endsAtBoundary: boolean };

interface TrieNode {
  /** Children by the UTF-16 code of the next character. */
  next: Map<number, TrieNode>;
  /** With exactly one child, its code (else -1) and itself: long chains are followed without a map lookup. */
  onlyCode: number;
  onlyChild: TrieNode | undefined;
  /** The phrase that ends here, if any. */
  phrase: string | null;
}

const RECENT_SCANS = 32;
const SPACE_CODE = 32;
// Per UTF-16 unit, computed on first sight: 1 = a letter or digit, 2 = white space, 3 = neither.
const UNIT_CLASS = new Uint8Array(0x10000);

function unitClass(code: number): number {
  if (UNIT_CLASS[code] === 0) {
    const char = String.fromCharCode(code);
    UNIT_CLASS[code] = /[\p{L}\d]/u.test(char) ? 1 : /\s/u.test(char) ? 2 : 3;
  }
  return UNIT_CLASS[code]!;
}

function isWordUnit(text: string, at: number): boolean {
  return unitClass(text.charCodeAt(at)) === 1;
}

function isSpaceUnit(text: string, at: number): boolean {
  return unitClass(text.charCodeAt(at)) === 2;
}

function newNode(): TrieNode {
  return { next: new Map(), onlyCode: -1, onlyChild: undefined, phrase: null };
}

/** The child of `node` for the UTF-16 code `code`, if any. */
function childOf(node: TrieNode, code: number): TrieNode | undefined {
  if (node.onlyCode === code) return node.onlyChild;
  return node.onlyCode === -1 ? node.next.get(code) : undefined;
}

/**
 * Every phrase of the catalogue compiled once into one character trie over canonical text, so a
 * text is scanned once for all phrases (each white-space run in the text matching one space: hard
 * line breaks inside a phrase), instead of once per phrase.
 */
export class PhraseIndex {
  #root: TrieNode = newNode();
  #recent = new Map<string, readonly PhraseHit[]>();

  constructor(phrases: Iterable<string>) {
    for (const phrase of phrases) this.#add(canonicalPhrase(phrase));
  }

  #add(phrase: string): void {
    // Text is read one UTF-16 unit at a time: a phrase with an astral character could never match.
    if (/[\ud800-\udfff]/u.test(phrase)) return;
    let node = this.#root;
    for (let at = 0; at < phrase.length; at++) {
      const char = phrase.charCodeAt(at);
      let child = node.next.get(char);
      if (!child) {
        child = newNode();
        node.next.set(char, child);
        const only = node.next.size === 1;
        node.onlyCode = only ? char : -1;
        node.onlyChild = only ? child : undefined;
      }
      node = child;
    }
    node.phrase = phrase;
  }

  /** Every occurrence of every phrase that starts and ends at a word boundary, overlapping ones included. */
  scan(text: string): readonly PhraseHit[] {
    // A figure's window, clause and sentence are asked for more than once (a change is matched twice).
    const known = this.#recent.get(text);
    if (known) return known;
    const hits = this.#scan(text);
    if (this.#recent.size >= RECENT_SCANS) this.#recent.delete(this.#recent.keys().next().value!);
    this.#recent.set(text, hits);
    return hits;
  }

  #scan(text: string): PhraseHit[] {
    const canonical = canonicalVietnamese(text);
    const hits: PhraseHit[] = [];
    const walked: WalkHit[] = [];
    for (let start = 0; start < canonical.length; start++) {
      if (start > 0 && isWordUnit(canonical, start - 1)) continue;
      this.#walk(canonical, start, canonical.length, walked);
    }
    for (const { phrase, start, end, endsAtBoundary } of walked)
      if (endsAtBoundary) hits.push({ phrase, start, end });
    return hits;
  }

  /**
   * Follows the trie from `start` over `canonical[start, limit)`, adding each phrase that ends
   * there; whether it ends at a word boundary is told by the text, even at `limit`.
   */
  #walk(canonical: string, start: number, limit: number, found: WalkHit[]): void {
    let node: TrieNode | undefined = childOf(this.#root, canonical.charCodeAt(start));
    let at = start + 1;
    while (node) {
      if (node.phrase !== null)
        found.push({
          phrase: node.phrase,
          start,
          end: at,
          endsAtBoundary: at >= canonical.length || !isWordUnit(canonical, at),
        });
      if (at >= limit) break;
      if (isSpaceUnit(canonical, at)) {
        while (at < limit && isSpaceUnit(canonical, at)) at++;
        node = childOf(node, SPACE_CODE);
      } else {
        node = childOf(node, canonical.charCodeAt(at));
        at++;
      }
    }
  }

  /**
   * Finds the phrases of a text once, up to `limit` (where the last stretch asked for will end:
   * a sentence's last figure); `scanStretch` then reads any stretch of it.
   */
  scanText(text: string, limit = text.length): ScannedText {
    const lower = text.toLowerCase();
    const canonical = canonicalLowerCase(lower);
    const hits: WalkHit[] = [];
    const end = Math.min(limit, canonical.length);
    for (let start = 0; start < end; start++) {
      if (start > 0 && isWordUnit(canonical, start - 1)) continue;
      this.#walk(canonical, start, end, hits);
    }
    const local = canonical.length === text.length && !CONTEXT_CASED.test(text);
    return { text, lower, canonical, local, limit: end, hits };
  }

  /** The same hits as `scan(scanned.text.slice(start, end))`, read off the scan of the whole text. */
  scanStretch(scanned: ScannedText, start: number, end: number): readonly PhraseHit[] {
    if (end > scanned.limit || !readsLocally(scanned, start, end))
      return this.scan(scanned.text.slice(start, end));
    const { canonical, hits } = scanned;
    const found: PhraseHit[] = [];
    // The stretch may start inside a word: there a phrase may start that the whole text's scan skipped.
    if (start < end && start > 0 && isWordUnit(canonical, start - 1)) {
      const walked: WalkHit[] = [];
      this.#walk(canonical, start, end, walked);
      for (const hit of walked)
        if (hit.end === end || hit.endsAtBoundary)
          found.push({ phrase: hit.phrase, start: 0, end: hit.end - start });
    }
    for (let i = firstStartingAt(hits, start); i < hits.length && hits[i]!.start < end; i++) {
      const hit = hits[i]!;
      // At the stretch's end any phrase ends at a boundary; before it, only where the text's did.
      if (hit.end < end ? hit.endsAtBoundary : hit.end === end)
        found.push({ phrase: hit.phrase, start: hit.start - start, end: hit.end - start });
    }
    return found;
  }
}

// Lower-cased differently by context (final sigma) or into two units (İ): a stretch is scanned afresh.
const CONTEXT_CASED = /[\u03a3\u0130]/u;
// Old tone placements canonicalVietnamese rewrites as a pair of letters: a stretch must not split one.
const PAIR_SECOND: Record<string, string> = { o: 'áàảãạéèẻẽẹ', u: 'ýỳỷỹỵ' };

/** Whether the canonical form of `text.slice(start, end)` is that stretch of the whole text's canonical form. */
function readsLocally(scanned: ScannedText, start: number, end: number): boolean {
  return scanned.local && !splitsPair(scanned.lower, start) && !splitsPair(scanned.lower, end);
}

/** `canonicalVietnamese(scanned.text.slice(start, end))`, read off the scanned text's canonical form when it can be. */
export function canonicalStretch(scanned: ScannedText, start: number, end: number): string {
  return readsLocally(scanned, start, end)
    ? scanned.canonical.slice(start, end)
    : canonicalVietnamese(scanned.text.slice(start, end));
}

function splitsPair(lower: string, at: number): boolean {
  if (at <= 0 || at >= lower.length) return false;
  return PAIR_SECOND[lower[at - 1]!]?.includes(lower[at]!) ?? false;
}

/** Index of the first hit starting at or after `start` (hits are in order of their start). */
function firstStartingAt(hits: readonly PhraseHit[], start: number): number {
  let low = 0;
  let high = hits.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (hits[middle]!.start < start) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A phrasing as the index stores it: canonical, one space between words. */
export function canonicalPhrase(phrase: string): string {
  return canonicalVietnamese(phrase).trim().split(/\s+/u).join(' ');
}
