import { formatFigure } from '../../lib/format/format-number.ts';
import type { Locale } from '../../lib/format/locale.ts';
import type { MessageKey } from '../../lib/i18n/dictionary.ts';
import type { FigurePatch } from '../../lib/review/correction.ts';
import type { FigureDetail } from './review-queries.ts';

/** A figure's sentence in three parts, the number in the middle, whitespace collapsed. */
export interface SentenceParts {
  before: string;
  number: string;
  after: string;
}

/** What a quote needs of a figure: its sentence as quoted and both spans in the document's text. */
export type QuotedSpan = Pick<
  FigureDetail,
  'quote' | 'charStart' | 'charEnd' | 'sentenceStart' | 'sentenceEnd'
>;

const collapse = (text: string): string => text.replace(/\s+/gu, ' ');

/** The sentence around a figure, cut from its document's text; the quote when the text is missing. */
export function sentenceParts(detail: FigureDetail, text: string | null): SentenceParts {
  const inside =
    text !== null &&
    detail.sentenceStart <= detail.charStart &&
    detail.charEnd <= detail.sentenceEnd &&
    detail.sentenceEnd <= text.length;
  if (!inside) return { before: detail.quote, number: '', after: '' };
  return {
    before: collapse(text.slice(detail.sentenceStart, detail.charStart)).trimStart(),
    number: text.slice(detail.charStart, detail.charEnd),
    after: collapse(text.slice(detail.charEnd, detail.sentenceEnd)).trimEnd(),
  };
}

/**
 * Why the pivot uses the first of these figures (they are in preference order), in the words of
 * the rule in meaning-layer.ts: the user's choice, an official document over news, the latest
 * document, a result over an estimate.
 */
export function preferenceReason(details: readonly FigureDetail[]): MessageKey {
  const [used, ...others] = details;
  if (!used || others.length === 0) return 'drill.why.only';
  if (used.userPreferred) return 'drill.why.user';
  if (used.sourceRank > 1) return 'drill.why.news';
  const sameDocument = others.every((other) => other.docId === used.docId);
  if (sameDocument && !used.isEstimate && others.some((other) => other.isEstimate)) return 'drill.why.result';
  return 'drill.why.official';
}

/** `2021–2025`, `2025`, or empty. */
export function periodText(detail: Pick<FigureDetail, 'periodStart' | 'periodEnd'>): string {
  if (detail.periodStart === null) return '';
  return detail.periodEnd === null || detail.periodEnd === detail.periodStart
    ? String(detail.periodStart)
    : `${detail.periodStart}–${detail.periodEnd}`;
}

/** One line of a correction's before or after: a label and its value (as text, or a key to translate). */
export interface PatchLine {
  key: MessageKey;
  text: string;
  textKey?: MessageKey;
}

/**
 * A correction's before or after as the reviewer reads it: the value with its unit, then each
 * other field it names, as dictionary keys with their shown values.
 */
export function patchLines(patch: FigurePatch, locale: Locale): PatchLine[] {
  const lines: PatchLine[] = [];
  if (patch.value_low !== undefined || patch.unit !== undefined) {
    const value = formatFigure(
      {
        low: patch.value_low ?? null,
        high: patch.value_high ?? null,
        comparator: patch.comparator ?? null,
        unit: patch.unit ?? '',
      },
      locale,
      6,
    );
    lines.push({ key: 'form.value', text: value || (patch.unit ?? '') });
  }
  if (patch.indicator_id !== undefined)
    lines.push({ key: 'form.indicator', text: patch.label_vi || patch.indicator_id });
  if (patch.measure !== undefined)
    lines.push({ key: 'drill.measure', text: '', textKey: `report.measure.${patch.measure}` });
  if (patch.period_start !== undefined || patch.period_end !== undefined)
    lines.push({
      key: 'drill.period',
      text: periodText({ periodStart: patch.period_start ?? null, periodEnd: patch.period_end ?? null }),
    });
  if (patch.basis !== undefined)
    lines.push({ key: 'drill.basis', text: '', textKey: `basis.${patch.basis}` });
  return lines;
}
