import { formatFigure } from '../../lib/format/format-number.ts';
import type { Locale } from '../../lib/format/locale.ts';
import type { MessageKey } from '../../lib/i18n/dictionary.ts';
import type { FigurePatch } from '../../lib/review/correction.ts';
import type { FigureIdentity } from '../../lib/review/figure-identity.ts';
import type { FigureDetail } from './review-queries.ts';

/** What a quote needs of a figure: its sentence as quoted and both spans in the document's text. */
export type QuotedSpan = Pick<
  FigureDetail,
  'quote' | 'charStart' | 'charEnd' | 'sentenceStart' | 'sentenceEnd'
>;

/** Whether `text` holds the figure's sentence, its number inside it, where the spans say. */
export function spansInside(span: QuotedSpan, text: string | null): text is string {
  return (
    text !== null &&
    span.sentenceStart <= span.charStart &&
    span.charEnd <= span.sentenceEnd &&
    span.sentenceEnd <= text.length
  );
}

/**
 * A corrected figure's quote: today's text of its document when that still reads the number at the
 * correction's span (footnotes then raised), otherwise the stored quote with its number found by text.
 */
export function identityQuote(
  figure: FigureIdentity,
  text: string | null,
): { span: QuotedSpan; text: string | null } {
  const {
    quote,
    char_start: charStart,
    char_end: charEnd,
    sentence_start: start,
    sentence_end: end,
  } = figure;
  if (
    text !== null &&
    start !== undefined &&
    end !== undefined &&
    text.slice(charStart, charEnd) === figure.number_text
  )
    return { span: { quote, charStart, charEnd, sentenceStart: start, sentenceEnd: end }, text };
  const at = quote.indexOf(figure.number_text);
  const span = {
    quote,
    charStart: at,
    charEnd: at + figure.number_text.length,
    sentenceStart: 0,
    sentenceEnd: quote.length,
  };
  return { span, text: at < 0 ? null : quote };
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
