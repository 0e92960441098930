import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanLine } from '../../../renderer/src/lib/extraction/clean-line.ts';
import { MappedTextBuilder } from '../../../renderer/src/lib/extraction/mapped-text.ts';
import { isBlocked } from '../../../renderer/src/lib/extraction/non-figures.ts';
import { outsideRanges, type Mention } from '../../../renderer/src/lib/extraction/scan-mentions.ts';
import { canonicalVietnamese } from '../../../renderer/src/lib/extraction/vietnamese-text.ts';

// Pieces that reach every branch of the line cleaner: markup, marks, surrogates, odd case mappings.
const pieces = fc.constantFrom(
  'a',
  'o',
  'u',
  'Ho',
  'á',
  'é',
  'ý',
  'ỹ',
  'Á',
  'hoá',
  'thuỷ',
  'sỹ',
  'e\u0301',
  'o\u0323\u0302',
  '\u0301',
  '<sup>12</sup>',
  '<b>',
  '<',
  '**',
  '*',
  '__',
  '_',
  '$',
  '\\geq',
  '\\%',
  '\\',
  '1',
  '9',
  '\u00a0',
  ' ',
  '\t',
  '# ',
  'İ',
  'Σ',
  '\u2126',
  '\u0344',
  '🙂',
  '\ud800',
  '\udc00',
);
const text = fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(''));

/** The line cleaner as it was before its verbatim fast path: one cluster at a time. */
function referenceCleanLine(raw: string, lineStart: number, lineEnd: number) {
  const rules: readonly [RegExp, (match: RegExpExecArray) => string][] = [
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
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (piece: string, from: number, to: number): void => {
    for (const unit of piece.split('')) {
      chars.push(unit);
      starts.push(from);
      ends.push(to);
    }
  };
  let i = lineStart;
  const heading = /^#{1,6}\s+/.exec(raw.slice(lineStart, lineEnd));
  if (heading) i += heading[0].length;
  while (i < lineEnd) {
    const char = raw[i] ?? '';
    if ('<\\$*_'.includes(char)) {
      const rest = raw.slice(i, Math.min(lineEnd, i + 24));
      const rule = rules.find(([pattern]) => pattern.test(rest));
      const match = rule?.[0].exec(rest);
      if (rule && match) {
        const replacement = rule[1](match);
        const between =
          replacement === '' && /\d/.test(chars.at(-1) ?? '') && /\d/.test(raw[i + match[0].length] ?? '');
        push(between ? ' ' : replacement, i, i + match[0].length);
        i += match[0].length;
        continue;
      }
    }
    let end = i + 1;
    if (char >= '\ud800' && char <= '\udbff') end++;
    while (end < lineEnd && /\p{M}/u.test(raw[end] ?? '')) end++;
    const composed = raw.slice(i, end).normalize('NFC');
    push(composed === '\u00a0' ? ' ' : composed, i, end);
    i = end;
  }
  return { text: chars.join(''), starts, ends };
}

/** canonicalVietnamese without its shortcut: all four rewrites, always. */
function referenceCanonical(value: string): string {
  const onO: Record<string, string> = { á: 'ó', à: 'ò', ả: 'ỏ', ã: 'õ', ạ: 'ọ' };
  const onU: Record<string, string> = { ý: 'ú', ỳ: 'ù', ỷ: 'ủ', ỹ: 'ũ', ỵ: 'ụ' };
  const onOE: Record<string, string> = { é: 'ó', è: 'ò', ẻ: 'ỏ', ẽ: 'õ', ẹ: 'ọ' };
  return value
    .toLowerCase()
    .replace(/o([áàảãạ])/g, (_w, v: string) => `${onO[v] ?? 'o'}a`)
    .replace(/u([ýỳỷỹỵ])/g, (_w, v: string) => `${onU[v] ?? 'u'}y`)
    .replace(/o([éèẻẽẹ])/g, (_w, v: string) => `${onOE[v] ?? 'o'}e`)
    .replace(/ỹ/g, 'ĩ');
}

describe('the line cleaner copies plain text in runs', () => {
  it('gives the same text and raw offsets as cleaning one cluster at a time', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (raw, a, b) => {
        const start = Math.min(a, b) % (raw.length + 1);
        const end = Math.max(start, Math.max(a, b) % (raw.length + 1));
        const cleaned = cleanLine(raw, start, end);
        const reference = referenceCleanLine(raw, start, end);
        expect(cleaned.text).toBe(reference.text);
        expect(Array.from(cleaned.rawStart)).toEqual(reference.starts);
        expect(Array.from(cleaned.rawEnd)).toEqual(reference.ends);
      }),
      { numRuns: 500 },
    );
  });

  it('maps a decomposed letter, a surrogate pair and a superscript marker to their raw spans', () => {
    const raw = 'Te\u0301t 🙂<sup>3</sup>';
    const cleaned = cleanLine(raw, 0, raw.length);
    expect(cleaned.text).toBe('Tét 🙂\u20633\u2063');
    expect(Array.from(cleaned.rawStart)).toEqual([0, 1, 3, 4, 5, 5, 7, 7, 7]);
    expect(Array.from(cleaned.rawEnd)).toEqual([1, 3, 4, 5, 7, 7, 19, 19, 19]);
  });
});

describe('the mapped-text builder', () => {
  it('keeps every unit of a pushed, verbatim or appended piece with its raw range', () => {
    const part = new MappedTextBuilder(1);
    part.push('xy', 40, 42);
    const builder = new MappedTextBuilder(2);
    builder.push('', 0, 1);
    builder.pushVerbatim('abcdef', 1, 4);
    builder.push('🙂', 10, 12);
    builder.append(part.build());
    const built = builder.build();
    expect(built.text).toBe('bcd🙂xy');
    expect(Array.from(built.rawStart)).toEqual([1, 2, 3, 10, 10, 40, 40]);
    expect(Array.from(built.rawEnd)).toEqual([2, 3, 4, 12, 12, 42, 42]);
    expect(builder.lastChar()).toBe('y');
    expect(built.rawSpan(3, 5)).toEqual([10, 12]);
    expect(built.slice(5, 7).text).toBe('xy');
  });

  it('builds an empty text when nothing was pushed', () => {
    const built = new MappedTextBuilder().build();
    expect(built.text).toBe('');
    expect(built.rawSpan(0, 0)).toEqual([0, 0]);
  });
});

describe('the canonical Vietnamese shortcut', () => {
  it('equals the four rewrites on any text', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string()), (value) => {
        expect(canonicalVietnamese(value)).toBe(referenceCanonical(value));
      }),
      { numRuns: 500 },
    );
  });
});

describe('mentions outside the blocked ranges', () => {
  const span = fc.tuple(fc.nat(200), fc.nat(30)).map(([start, length]) => [start, start + length] as const);
  const mention = (start: number, end: number): Mention => ({
    start,
    end,
    numberEnd: end,
    low: 1,
    high: 1,
    unit: '',
    unitKind: 'none',
    denominator: null,
  });

  it('keeps exactly the mentions that overlap no range, in order', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), fc.array(span, { maxLength: 30 }), (spans, blocked) => {
        const mentions = spans.map(([start, end]) => mention(start, end)).sort((a, b) => a.start - b.start);
        const ranges = blocked.map(([start, end]) => [start, end] as [number, number]);
        expect(outsideRanges(mentions, ranges)).toEqual(
          mentions.filter((item) => !isBlocked(ranges, item.start, item.end)),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('drops a mention touched by a range that starts early and ends late, and keeps one beside it', () => {
    const mentions = [mention(10, 14), mention(20, 22), mention(30, 35)];
    const ranges: [number, number][] = [
      [0, 21],
      [14, 15],
      [35, 40],
    ];
    expect(outsideRanges(mentions, ranges).map((item) => item.start)).toEqual([30]);
  });
});
