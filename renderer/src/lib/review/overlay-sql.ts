import type { SqlParam, WorkbenchDatabase } from '../db/database.ts';
import type { DbResult } from '../db/db-error.ts';
import { appObject } from '../db/sql.ts';
import { WAREHOUSE_COLUMNS } from '../warehouse/columns.ts';
import type { AppliedCorrection, OverlayResult } from './apply-corrections.ts';
import { PATCH_FIELDS, type Correction, type SourcePreference } from './correction.ts';

/** Columns of the `corrections` table: one row per correction or source preference, applied or orphaned. */
export const CORRECTION_COLUMNS = [
  ['correction_id', 'VARCHAR', 'Mã hiệu đính'],
  ['kind', 'VARCHAR', 'accept, correct, not_a_figure, add, prefer (chọn nguồn)'],
  ['status', 'VARCHAR', 'applied (đã áp dụng) hoặc orphaned (không còn tìm thấy số liệu)'],
  ['seq', 'INTEGER', 'Thứ tự áp dụng (cũ trước)'],
  ['obs_id', 'VARCHAR', 'Số liệu được hiệu đính (trống nếu orphaned)'],
  ['match', 'VARCHAR', 'exact (đúng vị trí), sentence (theo câu), added (số liệu thêm)'],
  ['doc_id', 'VARCHAR', 'Tài liệu'],
  ['doc_sha256', 'VARCHAR', 'SHA-256 của tài liệu lúc hiệu đính'],
  ['char_start', 'INTEGER', 'Vị trí bắt đầu của số lúc hiệu đính'],
  ['char_end', 'INTEGER', 'Vị trí kết thúc của số lúc hiệu đính'],
  ['number_text', 'VARCHAR', 'Con số như tài liệu viết'],
  ['quote', 'VARCHAR', 'Câu chứa số liệu'],
  ['sentence_start', 'INTEGER', 'Vị trí bắt đầu của câu'],
  ['sentence_end', 'INTEGER', 'Vị trí kết thúc của câu'],
  ['value_low', 'DOUBLE', 'Giá trị mới (cận dưới)'],
  ['value_high', 'DOUBLE', 'Giá trị mới (cận trên)'],
  ['unit', 'VARCHAR', 'Đơn vị mới'],
  ['comparator', 'VARCHAR', 'So sánh mới'],
  ['indicator_id', 'VARCHAR', 'Chỉ tiêu mới'],
  ['label_vi', 'VARCHAR', 'Tên theo tài liệu mới'],
  ['measure', 'VARCHAR', 'Loại số liệu mới'],
  ['is_estimate', 'BOOLEAN', 'Số ước tính (mới)'],
  ['period_start', 'INTEGER', 'Năm đầu kỳ mới'],
  ['period_end', 'INTEGER', 'Năm cuối kỳ mới'],
  ['basis', 'VARCHAR', 'Cơ sở mới'],
  ['base_year', 'INTEGER', 'Năm gốc mới'],
  ['period_changed', 'BOOLEAN', 'Kỳ đã được sửa'],
  ['term', 'VARCHAR', 'Giai đoạn của kỳ mới ("" nếu ngoài các giai đoạn)'],
  ['catalogued', 'BOOLEAN', 'Chỉ tiêu mới có trong danh mục'],
  ['before_json', 'VARCHAR', 'Số liệu trước khi hiệu đính (JSON)'],
  ['after_json', 'VARCHAR', 'Số liệu sau khi hiệu đính (JSON)'],
  ['note', 'VARCHAR', 'Ghi chú'],
  ['created_at', 'VARCHAR', 'Thời điểm hiệu đính (ISO 8601)'],
] as const;

/** Creates the (empty) `corrections` table the overlay view reads. */
export const CREATE_CORRECTIONS_TABLE = `CREATE TABLE IF NOT EXISTS ${appObject('corrections')} (${CORRECTION_COLUMNS.map(
  ([name, type]) => `${name} ${type}`,
).join(', ')})`;

const PATCHED = new Set<string>([...PATCH_FIELDS, 'term', 'catalogued']);

const patchAggregates = [
  ...PATCH_FIELDS.map((field) => `arg_max(${field}, seq) FILTER (WHERE ${field} IS NOT NULL) AS ${field}`),
  'bool_or(period_changed) AS period_changed',
  `arg_max(term, seq) FILTER (WHERE period_changed) AS term`,
  'arg_max(catalogued, seq) FILTER (WHERE catalogued IS NOT NULL) AS catalogued',
  `arg_max(note, seq) FILTER (WHERE note <> '') AS note`,
  'arg_max(kind, seq) AS last_kind',
].join(',\n      ');

const observationColumns = WAREHOUSE_COLUMNS.observations.map((column) => column.name);

const effectiveColumns = observationColumns
  .map((name) => {
    if (name === 'term') return `CASE WHEN p.period_changed THEN nullif(p.term, '') ELSE b.term END AS term`;
    return PATCHED.has(name) ? `coalesce(p.${name}, b.${name}) AS ${name}` : `b.${name}`;
  })
  .join(', ');

const addedColumns = observationColumns
  .map((name) => {
    if (name === 'term') return `nullif(term, '') AS term`;
    if (name === 'denominator') return 'NULL::DOUBLE AS denominator';
    if (name === 'period_note') return 'NULL::VARCHAR AS period_note';
    if (name === 'in_footnote') return 'false AS in_footnote';
    return name;
  })
  .join(', ');

/**
 * `effective_observations`: the base observations with the review applied — corrected fields,
 * figures marked "không phải số liệu" left out, added figures in — and three columns more:
 * `reviewed` ("đã hiệu đính"), `correction_note` and `user_preferred` (the user picked this source).
 * Base data never changes; `preferred_observations` (the meaning layer) builds on this view.
 */
export const EFFECTIVE_OBSERVATIONS_VIEW = {
  name: 'effective_observations',
  vi: 'Số liệu sau hiệu đính: giá trị đã sửa, bỏ các số "không phải số liệu", thêm số liệu người dùng bổ sung',
  en: 'Figures after review: corrected values, non-figures left out, added figures in',
  sql: `CREATE OR REPLACE VIEW ${appObject('effective_observations')} AS
    WITH applied AS (SELECT * FROM ${appObject('corrections')} WHERE status = 'applied'),
    base AS (
      SELECT ${observationColumns.join(', ')} FROM ${appObject('observations')}
      UNION ALL
      SELECT ${addedColumns} FROM applied WHERE kind = 'add'),
    patch AS (
      SELECT obs_id,
      ${patchAggregates}
      FROM applied WHERE kind <> 'prefer' GROUP BY obs_id),
    preferred AS (SELECT DISTINCT obs_id FROM applied WHERE kind = 'prefer')
    SELECT ${effectiveColumns},
           p.obs_id IS NOT NULL AS reviewed, p.note AS correction_note, pr.obs_id IS NOT NULL AS user_preferred
    FROM base b
    LEFT JOIN patch p ON p.obs_id = b.obs_id
    LEFT JOIN preferred pr ON pr.obs_id = b.obs_id
    WHERE p.last_kind IS DISTINCT FROM 'not_a_figure'`,
} as const;

/** The rows of the `corrections` table for an applied review. */
export function correctionTableRows(result: OverlayResult): OverlayRow[] {
  const rows: OverlayRow[] = result.applied.map((entry) => appliedRow(entry));
  for (const correction of result.orphaned) rows.push(orphanRow(correction, correction.kind));
  result.preferences.applied.forEach(({ preference, obs_id, match }) =>
    rows.push({ ...orphanRow(preference, 'prefer'), status: 'applied', obs_id, match }),
  );
  for (const preference of result.preferences.orphaned) rows.push(orphanRow(preference, 'prefer'));
  return rows;
}

/** A row of the `corrections` table. */
export type OverlayRow = Record<(typeof CORRECTION_COLUMNS)[number][0], SqlParam>;

/** Replaces the `corrections` table's rows (creating the table if needed); the views over it stay. */
export async function fillCorrections(
  db: WorkbenchDatabase,
  rows: readonly OverlayRow[],
): Promise<DbResult<number>> {
  for (const statement of [CREATE_CORRECTIONS_TABLE, `DELETE FROM ${appObject('corrections')}`]) {
    const done = await db.query(statement);
    if (!done.ok) return done;
  }
  const names = CORRECTION_COLUMNS.map(([name]) => name);
  const placeholders = `(${names.map(() => '?').join(', ')})`;
  for (let at = 0; at < rows.length; at += 50) {
    const batch = rows.slice(at, at + 50);
    const inserted = await db.query(
      `INSERT INTO ${appObject('corrections')} (${names.join(', ')}) VALUES ${batch.map(() => placeholders).join(', ')}`,
      batch.flatMap((row) => names.map((name) => row[name])),
    );
    if (!inserted.ok) return inserted;
  }
  return { ok: true, value: rows.length };
}

/** Replaces the `corrections` table's rows with an applied review (creating the table and view if needed). */
export async function loadOverlay(db: WorkbenchDatabase, result: OverlayResult): Promise<DbResult<number>> {
  const filled = await fillCorrections(db, correctionTableRows(result));
  if (!filled.ok) return filled;
  const view = await db.query(EFFECTIVE_OBSERVATIONS_VIEW.sql);
  return view.ok ? filled : view;
}

function appliedRow({ correction, obs_id, match, seq, patch, span }: AppliedCorrection): OverlayRow {
  const row = { ...orphanRow(correction, correction.kind), ...span };
  for (const field of PATCH_FIELDS) row[field] = patch[field] ?? null;
  const periodChanged = 'term' in patch;
  return {
    ...row,
    status: 'applied',
    seq,
    obs_id,
    match,
    period_changed: periodChanged,
    term: periodChanged ? (patch.term ?? '') : null,
    catalogued: patch.catalogued ?? null,
  };
}

function orphanRow(item: Correction | SourcePreference, kind: string): OverlayRow {
  const figure = item.figure;
  const row = Object.fromEntries(CORRECTION_COLUMNS.map(([name]) => [name, null])) as OverlayRow;
  return {
    ...row,
    correction_id: item.id,
    kind,
    status: 'orphaned',
    doc_id: figure.doc_id,
    doc_sha256: figure.doc_sha256,
    char_start: figure.char_start,
    char_end: figure.char_end,
    number_text: figure.number_text,
    quote: figure.quote,
    sentence_start: figure.sentence_start ?? null,
    sentence_end: figure.sentence_end ?? null,
    period_changed: false,
    before_json: 'before' in item ? JSON.stringify(item.before) : null,
    after_json: 'after' in item ? JSON.stringify(item.after) : null,
    note: item.note,
    created_at: item.created_at,
  };
}
