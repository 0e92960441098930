import { MappedTextBuilder, type MappedText } from './mapped-text.ts';

// Markup left over from conversions: Markdown emphasis, HTML superscripts, LaTeX maths.
// Each rule maps a raw token to its clean replacement ('' drops it).
const TOKEN_RULES: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [/^<sup>\s*(\d{1,3})\s*<\/sup>/, (m) => `\u2063${m[1] ?? ''}\u2063`],
  [/^<\/?[a-z]+>/i, () => ''],
  [/^\\geq?/, () => '≥'],
  [/^\\leq?/, () => '≤'],
  [/^\\%/, () => '%'],
  [/^\\times/, () => '×'],
  [/^\$/, () => ''],
  [/^\*+/, () => ''],
  [/^__/, () => ''],
];

/** The text without the footnote references taken from `<sup>N</sup>` (the number between two U+2063). */
export function withoutFootnoteRefs(text: string): string {
  return text.replace(/\u2063\d*\u2063?/g, '');
}

// Per UTF-16 unit, computed on first sight: 1 = copied as it is, 2 = needs the cluster path below.
const UNIT_KIND = new Uint8Array(0x10000);
// Per UTF-16 unit: 1 = a combining mark, 2 = not one.
const MARK_KIND = new Uint8Array(0x10000);
const MARKUP_START = new Set(['<', '\\', '$', '*', '_']);

function isMark(code: number): boolean {
  if (code < 0x300) return false;
  if (MARK_KIND[code] === 0) MARK_KIND[code] = /\p{M}/u.test(String.fromCharCode(code)) ? 1 : 2;
  return MARK_KIND[code] === 1;
}

/** A unit that, alone, stays as it is: no markup, no surrogate, NFC-stable, not a no-break space. */
function isVerbatim(code: number): boolean {
  if (UNIT_KIND[code] === 0) {
    const char = String.fromCharCode(code);
    const plain =
      !MARKUP_START.has(char) &&
      !(code >= 0xd800 && code <= 0xdbff) &&
      code !== 0xa0 &&
      char.normalize('NFC') === char;
    UNIT_KIND[code] = plain ? 1 : 2;
  }
  return UNIT_KIND[code] === 1;
}

/**
 * Cleans one raw line: markup removed, characters composed to NFC (offsets kept),
 * a leading Markdown heading marker dropped.
 */
export function cleanLine(raw: string, lineStart: number, lineEnd: number): MappedText {
  const out = new MappedTextBuilder(lineEnd - lineStart);
  let i = lineStart;
  const heading = /^#{1,6}\s+/.exec(raw.slice(lineStart, lineEnd));
  if (heading) i += heading[0].length;
  // Most text is copied as it is, in runs; only markup and clusters with marks take the slow path.
  let run = i;
  while (i < lineEnd) {
    if (isVerbatim(raw.charCodeAt(i)) && !(i + 1 < lineEnd && isMark(raw.charCodeAt(i + 1)))) {
      i++;
      continue;
    }
    out.pushVerbatim(raw, run, i);
    i = cleanCluster(raw, i, lineEnd, out);
    run = i;
  }
  out.pushVerbatim(raw, run, i);
  return out.build();
}

/** Cleans the markup token or the character cluster at `i`; returns where the next one starts. */
function cleanCluster(raw: string, i: number, lineEnd: number, out: MappedTextBuilder): number {
  const char = raw[i] ?? '';
  if (char === '<' || char === '\\' || char === '$' || char === '*' || char === '_') {
    const rest = raw.slice(i, Math.min(lineEnd, i + 24));
    const rule = TOKEN_RULES.find(([pattern]) => pattern.test(rest));
    const match = rule?.[0].exec(rest);
    if (rule && match) {
      const replacement = rule[1](match);
      // Markup between two digits ("1**6") separates them; it must not make one number.
      const between =
        replacement === '' && /\d/.test(out.lastChar()) && /\d/.test(raw[i + match[0].length] ?? '');
      out.push(between ? ' ' : replacement, i, i + match[0].length);
      return i + match[0].length;
    }
  }
  // A base character with its combining marks is composed as one cluster.
  let end = i + 1;
  if (char >= '\ud800' && char <= '\udbff') end++;
  while (end < lineEnd && /\p{M}/u.test(raw[end] ?? '')) end++;
  const cluster = raw.slice(i, end);
  const composed = cluster.normalize('NFC');
  out.push(composed === '\u00a0' ? ' ' : composed, i, end);
  return end;
}
