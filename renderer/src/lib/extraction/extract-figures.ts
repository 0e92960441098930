import type { Catalogue, CatalogueEntry } from './catalogue.ts';
import { endsCarriedPeriod } from './choose-period.ts';
import { withoutFootnoteRefs } from './clean-line.ts';
import { deriveLabel, derivedIndicatorId } from './derived-indicator.ts';
import { documentProfile, type DocumentProfile } from './document-profile.ts';
import { readFigure, type FigureReadingWithReason, type Frame } from './figure-context.ts';
import {
  AFTER_REACH,
  IndicatorMatcher,
  type IndicatorMatch,
  type IndicatorQuery,
} from './indicator-matcher.ts';
import type { ManifestEntry } from './manifest.ts';
import { blockedRanges } from './non-figures.ts';
import type { Observation } from './observation.ts';
import { findPeriods, normaliseRange, termLabel, type PeriodMention } from './periods.ts';
import { outsideRanges, scanMentions, type Mention } from './scan-mentions.ts';
import { sentenceFacts } from './sentence-facts.ts';
import type { ScannedText } from './phrase-index.ts';
import { footnoteMarkers, segmentDocument, type Segment } from './segment-document.ts';
import { clauseEndAfter, clauseStartAt, splitSentences, type Sentence } from './sentences.ts';
import type { SourceDocument } from './source-document.ts';
import { subYearBefore } from './sub-year.ts';
import { readTables } from './table-reader.ts';

const ACTUAL_HEADING = /kết quả|thành tựu|đánh giá|tình hình|hạn chế|nguyên nhân|bài học|bối cảnh/iu;
const TARGET_HEADING = /phương hướng|mục tiêu|chỉ tiêu|nhiệm vụ|giải pháp|kế hoạch năm|dự báo|định hướng/iu;
const STRONG_TARGET_HEADING =
  /phương hướng|mục tiêu|chỉ tiêu chủ yếu|các chỉ tiêu|kế hoạch năm|dự báo|định hướng/iu;

const CLAUSE_WINDOW = 400;
// Rules that fall back on the document's frame: a sub-year period written in the sentence overrides them.
const FRAME_RULES = new Set(['level_at_the_end_of_the_frame', 'rate_or_flow_over_the_frame', 'written_year']);

/** What a footnote inherits from the sentence that references it. */
interface FootnoteParent {
  frame: Frame;
  indicator: IndicatorMatch | null;
  /** How the figure the marker is glued to was read: a footnote detailing it takes its reading. */
  reading: FigureReadingWithReason | null;
  /** What the sentence a marker ends speaks of, when it has no figure of its own. */
  subject: { text: string; indicator: IndicatorMatch | null } | null;
}

// Between the figures of a yearly series: only years and verbs ("Năm 2020 đạt 1,3%, năm 2021 đạt …").
const BARE_SERIES_WINDOW =
  /^[\s,;.:]*(?:(?:đạt|ước|dự kiến|dự ước|và)[\s,;.:]+)*năm\s+\d{4}(?:[\s,;.:]+(?:đạt|ước|dự kiến|dự ước))*[\s,;.:]*$/iu;
const CHANGE_RIGHT_AFTER =
  /^[\s,(]*(?:(?:tăng|giảm)(?:\s+(?:thêm|trên|hơn|khoảng|gần))?|gấp(?:\s+(?:khoảng|hơn|gần))?)\s*$/iu;
const SERIES_YEAR_TAIL = /^\s*:?\s*(?:xếp hạng|xếp thứ|đạt|ước đạt|là)?\s*(?:thứ\s*)?$/iu;
// Where the subject of a sentence ends and what is said of it begins.
const PREDICATE_START =
  /\s(?:tăng|giảm|đạt|có|là|tiếp tục|được|chuyển|duy trì|ngày càng|luôn|từng bước)(?=\s|$)/iu;

/** Every figure of one document, in text order; `profile` is the document's, when the caller read it already. */
export function extractFigures(
  document: SourceDocument,
  catalogue: Catalogue,
  entry?: ManifestEntry,
  profile: DocumentProfile = documentProfile(document.text.normalize('NFC'), entry),
): Observation[] {
  const matcher = IndicatorMatcher.of(catalogue);
  const [body, ...footnotes] = segmentDocument(document.text);
  const parents = new Map<number, FootnoteParent>();
  const observations: Observation[] = [];
  if (body) {
    const markers = footnoteMarkers(body.text.text, footnotes.length);
    extractSegment(body, { document, profile, matcher, observations, markers, parents });
  }
  for (const footnote of footnotes) {
    const parent = parents.get(footnote.footnote ?? -1);
    extractSegment(footnote, {
      document,
      profile,
      matcher,
      observations,
      markers: new Map(),
      parents,
      parent,
    });
  }
  // Tables are read cell by cell (segmentDocument leaves them out of the prose).
  observations.push(...readTables({ document, profile, matcher }));
  const seen = new Set<string>();
  return observations
    .sort((a, b) => a.char_start - b.char_start || a.char_end - b.char_end)
    .filter((observation) => !seen.has(observation.obs_id) && seen.add(observation.obs_id) !== undefined);
}

interface SegmentContext {
  document: SourceDocument;
  profile: DocumentProfile;
  matcher: IndicatorMatcher;
  observations: Observation[];
  /** Footnote number by the offset of its marker in the body text. */
  markers: Map<number, number>;
  parents: Map<number, FootnoteParent>;
  parent?: FootnoteParent | undefined;
}

function extractSegment(segment: Segment, context: SegmentContext): void {
  const { text } = segment.text;
  const blocked = blockedRanges(text);
  const mentions = outsideRanges(scanMentions(text), blocked);
  let frame: Frame = context.parent?.frame ?? {
    mode: context.profile.targetsOnly ? 'target' : 'actual',
    period: context.profile.targetsOnly ? context.profile.targets : context.profile.results,
    issueYear: context.profile.issueYear,
  };
  let carriedPeriod: PeriodMention | null = null;
  let previousSentenceEnd = 0;
  // Mentions and sentences are both in text order: one pointer walks the mentions once.
  let nextMention = 0;
  for (const sentence of splitSentences(text)) {
    const sentenceText = text.slice(sentence.start, sentence.end);
    // A new line (a list item, a paragraph) starts afresh.
    if (text.slice(previousSentenceEnd, sentence.start).includes('\n') || endsCarriedPeriod(sentenceText))
      carriedPeriod = null;
    previousSentenceEnd = sentence.end;
    if (segment.kind === 'body') frame = headingFrame(sentenceText, frame, context.profile);
    while (nextMention < mentions.length && mentions[nextMention]!.start < sentence.start) nextMention++;
    const inSentence: Mention[] = [];
    for (let at = nextMention; at < mentions.length && mentions[at]!.start < sentence.end; at++)
      if (mentions[at]!.end <= sentence.end) inSentence.push(mentions[at]!);
    let lastIndicator: IndicatorMatch | null = context.parent?.indicator ?? null;
    let previousInClause: { clause: number; start: number } | null = null;
    let previousEnd: number | null = null;
    let previousReading: FigureReadingWithReason | null = null;
    let firstBasis: string | null = null;
    let previousMatch: IndicatorMatch | null = null;
    let previousLabel: string | null = null;
    let seriesName: string | null = null;
    const figuresBefore: { end: number; match: IndicatorMatch | null; reading: FigureReadingWithReason }[] =
      [];
    // Periods named in the sentence (not comparison bases): the same scan its figures' cues read.
    const sentencePeriods = sentenceFacts(sentenceText).periods.filter(
      (period) => period.role !== 'baseline',
    );
    const wholePeriodStarts = sentencePeriods.map((period) => period.start);
    // One quote string for all the sentence's figures: a long sentence is not copied per figure.
    let quote: string | null = null;
    // The catalogue's phrases in the sentence, found once for all its figures.
    let phrases: ScannedText | null = null;
    const sentenceHead = inSentence[0] ? text.slice(sentence.start, inSentence[0].start) : sentenceText;
    for (const mention of inSentence) {
      // A clause is read at most CLAUSE_WINDOW back: work per figure stays bounded in any text.
      const clauseStart = Math.max(clauseStartAt(sentence, mention.start), mention.start - CLAUSE_WINDOW);
      const clauseEnd = clauseEndAfter(sentence, mention.start);
      const clauseBefore = text.slice(clauseStart, mention.start);
      const sentenceBeforeStart = Math.max(sentence.start, mention.start - CLAUSE_WINDOW);
      const sentenceBefore = text.slice(sentenceBeforeStart, mention.start);
      const windowStart = Math.max(previousEnd ?? sentence.start, clauseStart);
      // Scanned as far as the matcher reads after the last figure (the rest of a longer stretch is scanned on its own).
      phrases ??= context.matcher.scanSentence(sentenceText, afterReach(sentence, inSentence.at(-1)!));
      const after = text.slice(mention.numberEnd, clauseEnd).replace(/^\s*%/, '');
      const query: IndicatorQuery = {
        windowBefore: text.slice(windowStart, mention.start),
        clauseBefore,
        sentenceBefore,
        after,
        previous: previousInClause?.clause === clauseStart ? previousMatch : null,
        unit: mention.unit,
        isChange: false,
        isLevel: false,
        within: {
          sentence: phrases,
          figure: mention.start - sentence.start,
          windowBefore: windowStart - sentence.start,
          clauseBefore: clauseStart - sentence.start,
          sentenceBefore: sentenceBeforeStart - sentence.start,
          after: clauseEnd - after.length - sentence.start,
        },
      };
      const named = context.matcher.match(query);
      const reading = readFigure(
        {
          sentence: sentenceText,
          start: mention.start - sentence.start,
          end: mention.end - sentence.start,
          clauseStart: clauseStart - sentence.start,
          clauseEnd: clauseEnd - sentence.start,
          previousFigureInClause:
            previousInClause && previousInClause.clause === clauseStart
              ? previousInClause.start - sentence.start
              : null,
          previousFigureEnd: previousEnd === null ? null : previousEnd - sentence.start,
          sentenceHead,
          unitKind: mention.unitKind,
          unit: mention.unit,
          growthIndicator: named !== null && isGrowthRate(named.entry),
          previousReading,
          footnoteOf: segment.kind === 'footnote' ? (context.parent?.reading ?? null) : null,
          carriedPeriod,
        },
        frame,
      );
      // "Vùng rau đạt 9.735 ha, tăng 18%": a change said right after a figure is that figure's.
      const changeOfPrevious =
        reading.measure === 'change' &&
        previousInClause?.clause === clauseStart &&
        CHANGE_RIGHT_AFTER.test(query.windowBefore);
      // "Chỉ số SIPAS: Năm 2020: 39/63; năm 2021: 31/63": figures after a year label are one series.
      const sinceLast = text.slice(previousEnd ?? sentence.start, mention.start);
      const opened = seriesOpening(sinceLast, previousEnd !== null);
      if (opened) seriesName = opened;
      const yearLabelled = opened !== null || BARE_SERIES_WINDOW.test(sinceLast);
      previousInClause = { clause: clauseStart, start: mention.start };
      previousEnd = mention.end;
      previousReading = reading;
      firstBasis ??= reading.basis;
      const own =
        (reading.measure === 'change' || reading.isLevel
          ? context.matcher.match({
              ...query,
              isChange: reading.measure === 'change',
              isLevel: reading.isLevel,
            })
          : named) ??
        // A footnote's figures are of what it explains, when their unit can be.
        (segment.kind === 'footnote' &&
        !changeOfPrevious &&
        lastIndicator &&
        context.matcher.fits(lastIndicator, mention.unit, reading.measure === 'change')
          ? lastIndicator
          : null);
      // A bare yearly series in a footnote is of what the sentence its marker ends speaks of.
      const seriesOf =
        own === null && BARE_SERIES_WINDOW.test(query.windowBefore) ? context.parent?.subject : null;
      const match: IndicatorMatch | null = own ?? seriesOf?.indicator ?? null;
      previousMatch = match;
      figuresBefore.push({ end: mention.end, match, reading });
      if (match) lastIndicator = match;
      const label: string =
        match?.label.trim() ||
        (changeOfPrevious ? previousLabel : null) ||
        seriesOf?.text ||
        (match === null && yearLabelled ? seriesName : null) ||
        deriveLabel(clauseBefore, mention.unit, sentenceBefore, query.after);
      previousLabel = label;
      const [charStart, charEnd] = segment.text.rawSpan(mention.start, mention.end);
      const [sentenceStart, sentenceEnd] = segment.text.rawSpan(sentence.start, sentence.end);
      const sign = reading.negative ? -1 : 1;
      // "9 tháng năm 2025 …": a sub-year figure keeps its year and says which part of it.
      const subYear = subYearBefore(sentenceText, mention.start - sentence.start, wholePeriodStarts);
      if (
        subYear?.year &&
        reading.periodStart === reading.periodEnd &&
        FRAME_RULES.has(reading.rules[0] ?? '')
      )
        reading.periodStart = reading.periodEnd = subYear.year;
      context.observations.push({
        obs_id: `${context.document.docId}:${charStart}-${charEnd}`,
        doc_id: context.document.docId,
        char_start: charStart,
        char_end: charEnd,
        quote: (quote ??= withoutFootnoteRefs(sentenceText).replace(/\s+/g, ' ').trim()),
        sentence_start: sentenceStart,
        sentence_end: sentenceEnd,
        indicator_id: match?.entry.id ?? derivedIndicatorId(label),
        label_vi: label,
        value_low: sign * (sign < 0 ? mention.high : mention.low),
        value_high: sign * (sign < 0 ? mention.low : mention.high),
        unit: mention.unit,
        comparator: reading.comparator,
        measure: reading.measure,
        is_estimate: reading.isEstimate,
        period_start: reading.periodStart,
        period_end: reading.periodEnd,
        term: termLabel(reading.periodStart, reading.periodEnd),
        basis: reading.basis,
        period_note: subYear?.note ?? null,
        base_year: reading.baseYear,
        denominator: mention.denominator,
        in_footnote: segment.kind === 'footnote',
        catalogued: match !== null,
      });
    }
    recordFootnoteParents(text, sentence, context, frame, figuresBefore);
    // "Hết năm 2024, …" sets the period of what follows until another period is named.
    // It dates what it opened: "Đến hết năm 2019, đã triển khai …" flows, "Hết năm 2024, … có" stocks.
    const opening = openingUntil(sentenceText, sentencePeriods);
    if (opening) carriedPeriod = { ...opening, datesFlows: firstBasis === 'total' };
    else if (sentencePeriods.length > 0) carriedPeriod = null;
  }
}

/** How far into its sentence the matcher reads after `mention`: to the end of its clause, at most AFTER_REACH past its number. */
function afterReach(sentence: Sentence, mention: Mention): number {
  return Math.min(clauseEndAfter(sentence, mention.start), mention.numberEnd + AFTER_REACH) - sentence.start;
}

/** "Đến hết năm 2019, …", "Kết quả …: Hết năm 2024, …": a sentence or clause opened by the date its figures run to. */
function openingUntil(sentence: string, periods: readonly PeriodMention[]): PeriodMention | null {
  const opening = periods.find(
    (period) =>
      period.role === 'until' &&
      /(?:^|:)\s*(?:[-+•*]\s*)?(?:tính\s+|dự ước\s+|ước\s+)?$/iu.test(sentence.slice(0, period.start)) &&
      /^\s*,/u.test(sentence.slice(period.end)),
  );
  return opening ? { ...opening, start: -1, end: -1 } : null;
}

/** A growth-rate indicator, tracked as an indicator of its own (DATA-CONTRACT.md). */
function isGrowthRate(entry: CatalogueEntry): boolean {
  return entry.kind === 'growth';
}

// A footnote explains the figure its marker is glued to, or the last one before the marker.
function recordFootnoteParents(
  text: string,
  sentence: Sentence,
  context: SegmentContext,
  frame: Frame,
  figures: readonly { end: number; match: IndicatorMatch | null; reading: FigureReadingWithReason }[],
): void {
  for (const [offset, number] of context.markers) {
    if (offset < sentence.start || offset > sentence.end) continue;
    if (figures.length > 0) {
      const before = figures.filter((figure) => figure.end <= offset).at(-1);
      context.parents.set(number, {
        frame,
        indicator: (before ?? figures.at(-1))?.match ?? null,
        reading: (before ?? figures.at(-1))?.reading ?? null,
        subject: null,
      });
      continue;
    }
    // "Tỷ lệ đóng góp của ngành du lịch vào GRDP tăng qua các năm²³": the footnote gives the figures.
    const subject = sentenceSubject(text.slice(sentence.start, offset));
    const named = subject
      ? context.matcher.match({
          windowBefore: subject,
          clauseBefore: subject,
          sentenceBefore: subject,
          after: '',
          previous: null,
          unit: '',
          isChange: false,
          isLevel: false,
        })
      : null;
    context.parents.set(number, {
      frame,
      indicator: null,
      reading: null,
      subject: subject ? { text: subject, indicator: named } : null,
    });
  }
}

/** The name a yearly series opens with: "Chỉ số PAR INDEX: Năm 2020 xếp hạng" names "Chỉ số PAR INDEX". */
function seriesOpening(sinceLastFigure: string, afterFigure: boolean): string | null {
  const year = [...sinceLastFigure.matchAll(/năm\s+\d{4}/giu)].at(-1);
  if (!year || !SERIES_YEAR_TAIL.test(sinceLastFigure.slice(year.index + year[0].length))) return null;
  const pieces = sinceLastFigure
    .slice(0, year.index)
    .split(/[:;.]/u)
    .map((piece) => piece.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  // Right after a figure, the first piece is still that figure's ("36/63 tỉnh, thành phố; năm 2021").
  if (afterFigure && pieces.length < 2) return null;
  const name = pieces.at(-1);
  return name && name.split(' ').length >= 2 && !/\d/.test(name) ? name : null;
}

function sentenceSubject(sentence: string): string | null {
  const plain = withoutFootnoteRefs(sentence).replace(/\s+/g, ' ').trim();
  const predicate = PREDICATE_START.exec(plain);
  const words = (predicate ? plain.slice(0, predicate.index) : plain)
    .replace(/^[\s\-+•*–]+/, '')
    .split(' ')
    .filter(Boolean);
  return words.length >= 2 && words.length <= 16 ? words.join(' ') : null;
}

/** Updates the reading frame at a heading: results sections read as actuals, plan sections as targets. */
function headingFrame(sentence: string, frame: Frame, profile: DocumentProfile): Frame {
  const trimmed = sentence.trim();
  if (trimmed.length > 200) return frame;
  // Without a word of either kind (every strong target word holds a target word) nothing changes.
  if (!ACTUAL_HEADING.test(trimmed) && !TARGET_HEADING.test(trimmed)) return frame;
  const letters = trimmed.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  const major =
    upper >= letters.length * 0.6 || /^(?:phần\b|[IVX]{1,4}\s*[.\-–]|[A-Z]\s*[-.–]\s)/u.test(trimmed);
  const numbered = /^\d{1,2}(?:\.\d{1,2})*\.\s/u.test(trimmed);
  if (!major && !numbered) return frame;
  // A numbered sub-heading switches frame only on strong words: "1. Công tác xây dựng Đảng …
  // đáp ứng yêu cầu nhiệm vụ" stays in its results section.
  const targetWords = major ? TARGET_HEADING : STRONG_TARGET_HEADING;
  const mode = ACTUAL_HEADING.test(trimmed) ? 'actual' : targetWords.test(trimmed) ? 'target' : null;
  if (!mode) return frame;
  const written = findPeriods(trimmed).find((period) => period.role !== 'baseline');
  let period: [number, number] = mode === 'actual' ? profile.results : profile.targets;
  if (written) period = normaliseRange(written.from, written.to);
  return { mode, period, issueYear: profile.issueYear };
}
