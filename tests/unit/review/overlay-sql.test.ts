import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { addedId, applyCorrections } from '../../../renderer/src/lib/review/apply-corrections.ts';
import type { Correction } from '../../../renderer/src/lib/review/correction.ts';
import {
  identifyFigures,
  identityOf,
  type BaseFigure,
  type IdentifiedFigure,
} from '../../../renderer/src/lib/review/figure-identity.ts';
import { EFFECTIVE_OBSERVATIONS_VIEW, loadOverlay } from '../../../renderer/src/lib/review/overlay-sql.ts';
import { WAREHOUSE_COLUMNS } from '../../../renderer/src/lib/warehouse/columns.ts';
import { openWarehouseDatabase } from '../../../scripts/lib/node-duckdb.ts';
import { correctionOf } from './review-support.ts';

let db: WorkbenchDatabase;
let figures: IdentifiedFigure[];
let documents: Map<string, { sha256: string; text: string }>;

const rows = async (sql: string): Promise<Record<string, unknown>[]> => {
  const result = await db.queryRows(sql, [], (row) => ({ ...row }));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

beforeAll(async () => {
  ({ db } = await openWarehouseDatabase());
  documents = new Map(
    (await rows('SELECT doc_id, sha256 FROM main.documents')).map((doc) => [
      String(doc.doc_id),
      { sha256: String(doc.sha256), text: readFileSync(`data/sources/${String(doc.doc_id)}.txt`, 'utf8') },
    ]),
  );
  const base = (await rows('SELECT * FROM main.observations')) as BaseFigure[];
  figures = identifyFigures(base, documents);
}, 120_000);

afterAll(() => db.close());

const COLUMNS = [
  ...WAREHOUSE_COLUMNS.observations.map((column) => column.name),
  'reviewed',
  'correction_note',
  'user_preferred',
];
const project = (row: Record<string, unknown>) =>
  Object.fromEntries(COLUMNS.map((name) => [name, row[name] ?? null]));
const byObsId = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  String(a.obs_id) < String(b.obs_id) ? -1 : 1;

describe('effective_observations in DuckDB-WASM', () => {
  it('equals the base observations with reviewed = false before any review', async () => {
    const loaded = await loadOverlay(db, applyCorrections(figures, { corrections: [], preferences: [] }));
    expect(loaded).toEqual({ ok: true, value: 0 });
    const effective = await rows(`SELECT * FROM main.${EFFECTIVE_OBSERVATIONS_VIEW.name} ORDER BY obs_id`);
    expect(effective).toHaveLength(figures.length);
    expect(effective.every((row) => row.reviewed === false && row.correction_note === null)).toBe(true);
  });

  it('gives the same rows as applyCorrections for a review of every kind, including orphans', async () => {
    const at = figures[40]!;
    const corrections: Correction[] = [
      correctionOf(
        figures[0]!,
        'correct',
        { value_low: 8.5, unit: 'tỷ đồng' },
        '2026-12-01T08:00:00Z',
        'đơn vị',
      ),
      correctionOf(figures[0]!, 'correct', { period_start: 2019, period_end: 2019 }, '2026-12-01T09:00:00Z'),
      correctionOf(figures[1]!, 'correct', { period_start: 2040, period_end: 2040, indicator_id: 'x_moi' }),
      correctionOf(figures[2]!, 'not_a_figure', {}, '2026-12-01T08:00:00Z', 'số văn bản'),
      correctionOf(figures[3]!, 'not_a_figure', {}, '2026-12-01T08:00:00Z'),
      correctionOf(figures[3]!, 'accept', {}, '2026-12-01T10:00:00Z', 'vẫn là số liệu'),
      correctionOf(figures[4]!, 'accept'),
      {
        ...correctionOf(at, 'add', {
          value_low: 3,
          unit: 'xã',
          indicator_id: 'x_xa_moi',
          measure: 'actual',
          basis: 'level',
        }),
        figure: {
          ...identityOf(at),
          char_start: at.char_start + 1,
          char_end: at.char_end + 1,
          number_text: 'x',
        },
      },
      {
        ...correctionOf(figures[5]!, 'correct', { unit: '%' }),
        figure: { ...identityOf(figures[5]!), quote: 'đã mất', char_start: 0, char_end: 1 },
      },
    ];
    const preferences = [
      { id: 'p1', figure: identityOf(figures[6]!), note: '', created_at: '2026-12-01T08:00:00Z' },
    ];
    const result = applyCorrections(figures, { corrections, preferences }, documents);
    expect(result.orphaned).toHaveLength(1);
    const loaded = await loadOverlay(db, result);
    expect(loaded).toEqual({ ok: true, value: corrections.length + preferences.length });

    const effective = await rows(`SELECT * FROM main.effective_observations ORDER BY obs_id`);
    expect(effective.map(project)).toEqual(result.rows.map(project).sort(byObsId));
    expect(effective.find((row) => row.obs_id === addedId(corrections[7]!))).toMatchObject({
      reviewed: true,
      unit: 'xã',
    });
    expect(effective.find((row) => row.obs_id === figures[1]!.obs_id)).toMatchObject({
      term: null,
      catalogued: false,
    });
    const orphans = await rows(`SELECT correction_id FROM main.corrections WHERE status = 'orphaned'`);
    expect(orphans.map((row) => row.correction_id)).toEqual([corrections[8]!.id]);
  });
});
