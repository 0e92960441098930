import { termLabel } from '../extraction/periods.ts';
import type { CellValue } from '../warehouse/columns.ts';
import {
  PATCH_FIELDS,
  type Correction,
  type FigurePatch,
  type Review,
  type SourcePreference,
} from './correction.ts';
import type { IdentifiedFigure } from './figure-identity.ts';
import { FigureMatcher, relocateSpan, type MatchKind } from './match-figure.ts';

/** A figure after the review: its corrected fields and the marks the UI and exports show. */
export type EffectiveFigure = IdentifiedFigure & {
  /** "đã hiệu đính": some correction applies to it. */
  reviewed: boolean;
  correction_note: string | null;
  /** The user chose this figure as the source for its indicator and period. */
  user_preferred: boolean;
};

/** The changes a correction makes, completed (a point value's high end, the plan period of a new period). */
export type ResolvedPatch = FigurePatch & { term?: string | null; catalogued?: boolean };

export interface AppliedCorrection {
  correction: Correction;
  /** The figure it applies to (for `add`, the new figure's id). */
  obs_id: string;
  match: MatchKind | 'added';
  /** Order of application (oldest first), which decides between corrections of one figure. */
  seq: number;
  patch: ResolvedPatch;
  /** For `add`: where the new figure is now (moved when its document changed). */
  span?: { char_start: number; char_end: number; sentence_start: number; sentence_end: number };
}

export interface AppliedPreference {
  preference: SourcePreference;
  obs_id: string;
  match: MatchKind;
}

export interface OverlayResult {
  /** Every figure that counts: base figures corrected, plus added ones. */
  rows: EffectiveFigure[];
  /** Figures marked "không phải số liệu". */
  excluded: EffectiveFigure[];
  applied: AppliedCorrection[];
  /** Corrections whose figure can no longer be found: shown to the user, never dropped. */
  orphaned: Correction[];
  preferences: { applied: AppliedPreference[]; orphaned: SourcePreference[] };
}

/** The documents added figures belong to: their bytes' sha256 and text (to find a span again). */
export type OverlayDocuments = ReadonlyMap<string, { sha256: string; text?: string }>;

/**
 * Applies a review to the extracted figures; pure. Corrections apply oldest first, each to exactly
 * one figure or to none (then it is orphaned); applying the same review to its own output changes nothing.
 */
export function applyCorrections(
  figures: readonly IdentifiedFigure[],
  review: Review,
  documents: OverlayDocuments = new Map(),
): OverlayResult {
  const ordered = [...review.corrections].sort((a, b) =>
    a.created_at === b.created_at ? (a.id < b.id ? -1 : 1) : a.created_at < b.created_at ? -1 : 1,
  );
  const rows = new Map<string, EffectiveFigure>(
    figures.map((figure) => [
      figure.obs_id,
      { ...figure, reviewed: false, correction_note: null, user_preferred: false },
    ]),
  );
  const lastKind = new Map<string, Correction['kind']>();
  const applied: AppliedCorrection[] = [];
  const orphaned: Correction[] = [];
  // Added figures first join the figures they may be corrected as.
  for (const correction of ordered) {
    if (correction.kind !== 'add') continue;
    const added = addedFigure(correction, documents, figures);
    if (added && !rows.has(added.obs_id)) rows.set(added.obs_id, added);
  }
  const matcher = new FigureMatcher([...rows.values()]);
  ordered.forEach((correction, seq) => {
    const target =
      correction.kind === 'add'
        ? (rows.get(addedId(correction)) ?? null)
        : (matcher.find(correction.figure)?.figure ?? null);
    const row = target ? rows.get(target.obs_id) : undefined;
    if (!row) {
      orphaned.push(correction);
      return;
    }
    const match = correction.kind === 'add' ? 'added' : (matcher.find(correction.figure)?.match ?? 'exact');
    const after = correction.kind === 'add' ? { ...fieldsOf(row), ...correction.after } : correction.after;
    const patch = correction.kind === 'correct' || correction.kind === 'add' ? resolvePatch(row, after) : {};
    Object.assign(row, patch, {
      reviewed: true,
      correction_note: correction.note !== '' ? correction.note : row.correction_note,
    });
    lastKind.set(row.obs_id, correction.kind);
    const entry: AppliedCorrection = { correction, obs_id: row.obs_id, match, seq, patch };
    if (correction.kind === 'add') entry.span = spanOf(row);
    applied.push(entry);
  });
  const preferences = applyPreferences(matcher, review.preferences, rows);
  const all = [...rows.values()];
  return {
    rows: all.filter((row) => lastKind.get(row.obs_id) !== 'not_a_figure'),
    excluded: all.filter((row) => lastKind.get(row.obs_id) === 'not_a_figure'),
    applied,
    orphaned,
    preferences,
  };
}

/** The id an added figure gets in the warehouse. */
export function addedId(correction: Pick<Correction, 'id'>): string {
  return `user:${correction.id}`;
}

function applyPreferences(
  matcher: FigureMatcher,
  preferences: readonly SourcePreference[],
  rows: Map<string, EffectiveFigure>,
): OverlayResult['preferences'] {
  const result: OverlayResult['preferences'] = { applied: [], orphaned: [] };
  for (const preference of preferences) {
    const found = matcher.find(preference.figure);
    const row = found ? rows.get(found.figure.obs_id) : undefined;
    if (!found || !row) {
      result.orphaned.push(preference);
      continue;
    }
    row.user_preferred = true;
    result.applied.push({ preference, obs_id: row.obs_id, match: found.match });
  }
  return result;
}

// An added figure's own fields, so the overlay table can rebuild it whole.
function fieldsOf(row: Record<string, CellValue>): FigurePatch {
  return Object.fromEntries(
    PATCH_FIELDS.filter((field) => row[field] !== null && row[field] !== undefined).map((field) => [
      field,
      row[field],
    ]),
  ) as FigurePatch;
}

function spanOf(row: Record<string, CellValue>): NonNullable<AppliedCorrection['span']> {
  return {
    char_start: Number(row.char_start),
    char_end: Number(row.char_end),
    sentence_start: Number(row.sentence_start),
    sentence_end: Number(row.sentence_end),
  };
}

function resolvePatch(row: Record<string, CellValue>, after: FigurePatch): ResolvedPatch {
  const patch: ResolvedPatch = { ...after };
  // A point value corrected at its low end stays a point value.
  if (after.value_low !== undefined && after.value_high === undefined && row.value_low === row.value_high) {
    patch.value_high = after.value_low;
  }
  if (after.period_start !== undefined || after.period_end !== undefined) {
    const start = after.period_start ?? (row.period_start as number | null);
    const end = after.period_end ?? (row.period_end as number | null);
    patch.term = termLabel(start, end);
  }
  if (after.indicator_id !== undefined) patch.catalogued = !after.indicator_id.startsWith('x_');
  return patch;
}

function addedFigure(
  correction: Correction,
  documents: OverlayDocuments,
  figures: readonly IdentifiedFigure[],
): EffectiveFigure | null {
  const identity = correction.figure;
  const document = documents.get(identity.doc_id);
  const sha256 = document?.sha256 ?? figures.find((figure) => figure.doc_id === identity.doc_id)?.doc_sha256;
  if (sha256 === undefined) return null;
  let span: { start: number; end: number } | null = { start: identity.char_start, end: identity.char_end };
  if (sha256 !== identity.doc_sha256)
    span = document?.text === undefined ? null : relocateSpan(identity, document.text);
  if (!span) return null;
  const shift = span.start - identity.char_start;
  const after = correction.after;
  return {
    obs_id: addedId(correction),
    doc_id: identity.doc_id,
    char_start: span.start,
    char_end: span.end,
    quote: identity.quote,
    sentence_start: (identity.sentence_start ?? identity.char_start) + shift,
    sentence_end: (identity.sentence_end ?? identity.char_end) + shift,
    indicator_id: after.indicator_id ?? '',
    label_vi: after.label_vi ?? '',
    value_low: after.value_low ?? null,
    value_high: after.value_high ?? after.value_low ?? null,
    unit: after.unit ?? '',
    comparator: after.comparator ?? '=',
    measure: after.measure ?? 'actual',
    is_estimate: after.is_estimate ?? false,
    period_start: after.period_start ?? null,
    period_end: after.period_end ?? null,
    term: termLabel(after.period_start ?? null, after.period_end ?? null),
    period_note: null,
    basis: after.basis ?? 'level',
    base_year: after.base_year ?? null,
    denominator: null,
    in_footnote: false,
    catalogued: !(after.indicator_id ?? 'x_').startsWith('x_'),
    doc_sha256: sha256,
    number_text: identity.number_text,
    occurrence: identity.occurrence,
    reviewed: false,
    correction_note: null,
    user_preferred: false,
  };
}
