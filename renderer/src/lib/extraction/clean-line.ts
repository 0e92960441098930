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

/**
 * Cleans one raw line: markup removed, characters composed to NFC (offsets kept),
 * a leading Markdown heading marker dropped.
 */
export function cleanLine(raw: string, lineStart: number, lineEnd: number): MappedText {
  const out = new MappedTextBuilder();
  let i = lineStart;
  const heading = /^#{1,6}\s+/.exec(raw.slice(lineStart, lineEnd));
  if (heading) i += heading[0].length;
  while (i < lineEnd) {
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
        i += match[0].length;
        continue;
      }
    }
    // A base character with its combining marks is composed as one cluster.
    let end = i + 1;
    if (char >= '\ud800' && char <= '\udbff') end++;
    while (end < lineEnd && /\p{M}/u.test(raw[end] ?? '')) end++;
    const cluster = raw.slice(i, end);
    const composed = cluster.normalize('NFC');
    out.push(composed === '\u00a0' ? ' ' : composed, i, end);
    i = end;
  }
  return out.build();
}
