import { segmentDocument } from '../extraction/segment-document.ts';
import { splitSentences } from '../extraction/sentences.ts';
import { countedNounAfter, readUnit } from '../extraction/units.ts';
import { parseVietnameseNumber } from '../extraction/vietnamese-number.ts';
import type { FigureIdentity } from './figure-identity.ts';

/**
 * A figure the user is adding from a selection in the reader, as far as the text tells: the
 * number's span and value (vi-VN), the unit written after it, its sentence and a period named there.
 */
export interface FigureDraft {
  docId: string;
  charStart: number;
  charEnd: number;
  /** The number as the document writes it (`12.450`, `10 - 11`). */
  numberText: string;
  valueLow: number;
  valueHigh: number;
  /** The unit written after the number; empty when none is recognised. */
  unit: string;
  sentenceStart: number;
  sentenceEnd: number;
  /** The sentence, whitespace collapsed, as the warehouse quotes figures. */
  quote: string;
  /** Among the sentence's numbers with the same text, the how-manieth (0-based). */
  occurrence: number;
  periodStart: number | null;
  periodEnd: number | null;
}

// One Vietnamese number, or a range of two ("10 - 11", "10–11").
const NUMBER = String.raw`\d+(?:[.,]\d+)*`;
const FIGURE = new RegExp(`(${NUMBER})(?:\\s*[-–]\\s*(${NUMBER}))?`, 'gu');

/**
 * The first number a selection `[start, end)` of `text` holds or cuts into, widened to the whole
 * number (a range kept whole), with its value read the Vietnamese way; null when there is none.
 */
export function numberInSelection(
  text: string,
  start: number,
  end: number,
): { start: number; end: number; numberText: string; low: number; high: number } | null {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  // A selection that starts or ends inside a number takes all of it.
  const digit = (at: number): boolean => /\d/u.test(text[at] ?? '');
  const mark = (at: number): boolean => /[.,]/u.test(text[at] ?? '');
  while (from > 0 && digit(from) && (digit(from - 1) || (mark(from - 1) && digit(from - 2)))) from--;
  while (to < text.length && digit(to - 1) && (digit(to) || (mark(to) && digit(to + 1)))) to++;
  const slice = text.slice(from, to);
  const found: { start: number; end: number; numberText: string; low: number; high: number }[] = [];
  for (const match of slice.matchAll(FIGURE)) {
    const [whole, first, second] = match;
    const low = parseVietnameseNumber(first ?? '');
    if (low === null) continue;
    const high = second === undefined ? null : parseVietnameseNumber(second);
    const numberText = high === null ? (first ?? '') : whole;
    const at = from + match.index;
    found.push({ start: at, end: at + numberText.length, numberText, low, high: high ?? low });
  }
  // A span around a figure often names its year too ("năm 2025 đạt 62,19%"): the figure is the other number.
  return found.find((candidate) => !isYear(candidate.numberText)) ?? found[0] ?? null;
}

function isYear(numberText: string): boolean {
  return /^(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?$/u.test(numberText);
}

/** The unit written right after a number (`%`, `tỷ đồng`, a counted noun such as `xã`), or ''. */
export function guessUnit(after: string): string {
  return readUnit(after)?.unit ?? countedNounAfter(after)?.unit ?? '';
}

/**
 * The sentence around `[start, end)` as the extractor reads sentences: in the segmenter's text
 * (wrapped lines joined, page breaks and footnotes apart), mapped back to raw offsets. A number
 * outside every segment (a table's line) has its line as its sentence.
 */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  for (const segment of segmentDocument(text)) {
    const mapped = segment.text;
    const at = indexOfRaw(mapped.rawStart, mapped.rawEnd, start);
    if (at < 0) continue;
    const sentence = splitSentences(mapped.text).find((item) => item.start <= at && at < item.end);
    if (!sentence) continue;
    const [from, to] = mapped.rawSpan(sentence.start, sentence.end);
    return { start: Math.min(from, start), end: Math.max(to, end) };
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  return { start: lineStart, end: lineEnd < 0 ? text.length : lineEnd };
}

// The index of the segment character that came from raw offset `offset`; -1 when none did.
function indexOfRaw(rawStart: ArrayLike<number>, rawEnd: ArrayLike<number>, offset: number): number {
  for (let index = 0; index < rawStart.length; index++) {
    if ((rawStart[index] ?? 0) <= offset && offset < (rawEnd[index] ?? 0)) return index;
  }
  return -1;
}

/** The period a sentence names: a range `2021 - 2025` (giai đoạn, nhiệm kỳ), else `năm 2025`; null when none. */
export function guessPeriod(sentence: string): { start: number; end: number } | null {
  const range = /(?<!\d)((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})(?!\d)/u.exec(sentence);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (from <= to) return { start: from, end: to };
  }
  const year = /năm\s+((?:19|20)\d{2})(?!\d)/iu.exec(sentence);
  return year ? { start: Number(year[1]), end: Number(year[1]) } : null;
}

/**
 * What a selection of a document says about a figure the extractor missed; null when the
 * selection holds no number. `fallbackYear` (the document's year) is the period when the
 * sentence names none.
 */
export function draftFromSelection(
  docId: string,
  text: string,
  start: number,
  end: number,
  fallbackYear: number | null = null,
): FigureDraft | null {
  const number = numberInSelection(text, start, end);
  if (!number) return null;
  const sentence = sentenceAround(text, number.start, number.end);
  const quote = text.slice(sentence.start, sentence.end).replace(/\s+/gu, ' ').trim();
  const period = guessPeriod(quote);
  return {
    docId,
    charStart: number.start,
    charEnd: number.end,
    numberText: number.numberText,
    valueLow: number.low,
    valueHigh: number.high,
    unit: guessUnit(text.slice(number.end, number.end + 60)),
    sentenceStart: sentence.start,
    sentenceEnd: sentence.end,
    quote,
    occurrence: countOf(text.slice(sentence.start, number.start), number.numberText),
    periodStart: period?.start ?? fallbackYear,
    periodEnd: period?.end ?? fallbackYear,
  };
}

function countOf(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) count++;
  return count;
}

/** The identity an added figure's correction records: its document's bytes, span and sentence. */
export function identityOfDraft(draft: FigureDraft, docSha256: string): FigureIdentity {
  return {
    doc_id: draft.docId,
    doc_sha256: docSha256,
    char_start: draft.charStart,
    char_end: draft.charEnd,
    number_text: draft.numberText,
    quote: draft.quote,
    occurrence: draft.occurrence,
    sentence_start: draft.sentenceStart,
    sentence_end: draft.sentenceEnd,
  };
}
