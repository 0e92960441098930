import { canonicalVietnamese } from './vietnamese-text.ts';

/** One occurrence of a catalogued phrase in a text, as `[start, end)` offsets of that text. */
export interface PhraseHit {
  /** The phrase in canonical form (lower-case NFC, one space between words). */
  phrase: string;
  start: number;
  end: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** The phrase that ends here, if any. */
  phrase: string | null;
}

const RECENT_SCANS = 32;
const WORD_CHAR = /[\p{L}\d]/u;
const SPACE = /\s/u;

/**
 * Every phrase of the catalogue compiled once into one character trie over canonical text, so a
 * text is scanned once for all phrases (each white-space run in the text matching one space: hard
 * line breaks inside a phrase), instead of once per phrase.
 */
export class PhraseIndex {
  #root: TrieNode = { next: new Map(), phrase: null };
  #recent = new Map<string, readonly PhraseHit[]>();

  constructor(phrases: Iterable<string>) {
    for (const phrase of phrases) this.#add(canonicalPhrase(phrase));
  }

  #add(phrase: string): void {
    let node = this.#root;
    for (const char of phrase) {
      let child = node.next.get(char);
      if (!child) {
        child = { next: new Map(), phrase: null };
        node.next.set(char, child);
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
    for (let start = 0; start < canonical.length; start++) {
      if (start > 0 && WORD_CHAR.test(canonical[start - 1]!)) continue;
      let node: TrieNode | undefined = this.#root.next.get(canonical[start]!);
      let at = start + 1;
      while (node) {
        if (node.phrase !== null && !WORD_CHAR.test(canonical[at] ?? ' '))
          hits.push({ phrase: node.phrase, start, end: at });
        const char = canonical[at];
        if (char === undefined) break;
        if (SPACE.test(char)) {
          while (at < canonical.length && SPACE.test(canonical[at]!)) at++;
          node = node.next.get(' ');
        } else {
          node = node.next.get(char);
          at++;
        }
      }
    }
    return hits;
  }
}

/** A phrasing as the index stores it: canonical, one space between words. */
export function canonicalPhrase(phrase: string): string {
  return canonicalVietnamese(phrase).trim().split(/\s+/u).join(' ');
}
