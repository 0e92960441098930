import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchDatabase } from '../../../renderer/src/lib/db/database.ts';
import { appObject } from '../../../renderer/src/lib/db/sql.ts';
import { parseCatalogue } from '../../../renderer/src/lib/extraction/catalogue.ts';
import { inferHints } from '../../../renderer/src/lib/import/document-hints.ts';
import {
  extractImportedDocument,
  importedDocId,
  proposeDetails,
  type ExtractedDocument,
} from '../../../renderer/src/lib/import/imported-document.ts';
import { additionsFor, userTableIndicators } from '../../../renderer/src/lib/import/imported-sources.ts';
import { userTableObservations } from '../../../renderer/src/lib/import/user-observations.ts';
import { loadUserTable } from '../../../renderer/src/lib/import/user-table.ts';
import type { Workspace } from '../../../renderer/src/lib/warehouse/workspace.ts';
import { openWarehouseDatabase } from '../../../scripts/lib/node-duckdb.ts';

const REAL = '/work/shared/real-documents/2025-11_son-la_ke-hoach-xuat-khau-2026-2030.txt';
const text = readFileSync(process.env.REAL_DOCUMENT ?? REAL, 'utf8');
const catalogue = parseCatalogue(JSON.parse(readFileSync('data/indicators.json', 'utf8')));

let db: WorkbenchDatabase;
let workspace: Workspace;
let extracted: ExtractedDocument;
let shippedFigures: number;

async function scalar(sql: string, params: (string | number)[] = []): Promise<unknown> {
  const result = await db.query(sql, params);
  if (!result.ok) throw new Error(result.error.message);
  return Object.values(result.value.toArray()[0] ?? {})[0];
}

async function knownIndicators(): Promise<Set<string>> {
  const result = await db.queryRows(`SELECT indicator_id FROM ${appObject('indicators')}`, [], (row) =>
    String(row.indicator_id),
  );
  if (!result.ok) throw new Error(result.error.message);
  return new Set(result.value);
}

beforeAll(async () => {
  ({ db, workspace } = await openWarehouseDatabase());
  shippedFigures = Number(await scalar(`SELECT count(*) FROM ${appObject('observations')}`));
  const details = proposeDetails(text, inferHints(text, 'txt'), 'son-la.txt');
  extracted = await extractImportedDocument(
    { docId: 'son-la', text, sha256: 'f'.repeat(64), details },
    catalogue,
  );
}, 120_000);

afterAll(() => db.close());

describe('an imported document', () => {
  it('proposes the details its header gives', () => {
    const details = proposeDetails(text, inferHints(text, 'txt'), 'son-la.txt');
    expect(details.title).toContain('KẾ HOẠCH XUẤT KHẨU SẢN PHẨM HÀNG HÓA TỈNH SƠN LA');
    expect(details.issuedOn).toBe('2025-11-20');
    expect(details.docType).toBe('quyet_dinh');
    expect(details.issuer).toContain('Sơn La');
  });

  it('is extracted with provenance into its own text, the confirmed details in its document row', () => {
    expect(extracted.document).toMatchObject({
      doc_id: 'son-la',
      issued_on: '2025-11-20',
      sha256: 'f'.repeat(64),
      source_path: 'imported/son-la.txt',
      char_count: text.length,
    });
    expect(extracted.observations.length).toBeGreaterThan(100);
    for (const row of extracted.observations) {
      const number = text.slice(Number(row.char_start), Number(row.char_end));
      expect(number, String(row.obs_id)).toMatch(/\d/u);
      expect(text.slice(Number(row.sentence_start), Number(row.sentence_end))).toContain(number);
    }
    expect(extracted.indicators.every((row) => row.catalogued === false)).toBe(true);
  });

  it('takes an id from its file name that no document has', () => {
    expect(importedDocId('Kế hoạch 2026.docx', new Set())).toBe('ke-hoach-2026');
    expect(importedDocId('Kế hoạch 2026.docx', new Set(['ke-hoach-2026']))).toBe('ke-hoach-2026-2');
    expect(importedDocId('".docx', new Set())).toBe('tai-lieu');
  });
});

describe('additions laid into the workspace', () => {
  it('appends documents, figures and new indicators once, and the meaning layer reads them', async () => {
    const known = await knownIndicators();
    const base = Number(await scalar(`SELECT count(*) FROM ${appObject('observations')}`));
    // The same document twice: its derived indicators must still be added once.
    const twice = { ...extracted, document: { ...extracted.document, doc_id: 'son-la-2' } };
    const applied = await workspace.setAdditions(
      additionsFor([extracted, { ...twice, observations: [] }], known),
    );
    expect(applied.ok).toBe(true);
    expect(Number(await scalar(`SELECT count(*) FROM ${appObject('observations')}`))).toBe(
      base + extracted.observations.length,
    );
    expect(
      Number(await scalar(`SELECT count(*) FROM ${appObject('v_observations')} WHERE doc_id = 'son-la'`)),
    ).toBe(extracted.observations.length);
    // Every imported figure joins exactly one indicator row.
    expect(
      Number(
        await scalar(
          `SELECT count(*) FROM ${appObject('observations')} o JOIN ${appObject('indicators')} i USING (indicator_id) WHERE doc_id = 'son-la'`,
        ),
      ),
    ).toBe(extracted.observations.length);
    expect(
      Number(await scalar(`SELECT count(*) FROM ${appObject('preferred_figures')}('son-la')`)),
    ).toBeGreaterThan(50);
    expect(await scalar(`SELECT title FROM ${appObject('documents')} WHERE doc_id = 'son-la-2'`)).toContain(
      'SƠN LA',
    );
  });

  it('are put back when a user statement damages the warehouse, and kept through a reset', async () => {
    const before = Number(await scalar(`SELECT count(*) FROM ${appObject('observations')}`));
    expect((await db.userQuery("DELETE FROM observations WHERE doc_id = 'son-la'")).ok).toBe(true);
    const protectedResult = await workspace.protect();
    expect(protectedResult.ok && protectedResult.value).toEqual(['observations']);
    expect(Number(await scalar(`SELECT count(*) FROM ${appObject('observations')}`))).toBe(before);
    expect((await workspace.reset()).ok).toBe(true);
    expect(Number(await scalar(`SELECT count(*) FROM ${appObject('observations')}`))).toBe(before);
  });

  it('turn a mapped user table into figures of a user source beside the documents', async () => {
    const csv = 'Chỉ tiêu;Năm;Giá trị\nTỷ lệ che phủ rừng;2023;63,5\nSố hợp tác xã mới;2024;12\n';
    const table = await loadUserTable(db, 'thong-ke.csv', new TextEncoder().encode(csv));
    expect(table.ok).toBe(true);
    const source = await userTableObservations(
      db,
      { table: 'thong_ke', indicator: 'Chỉ tiêu', year: 'Năm', value: 'Giá trị' },
      'Cục Thống kê',
    );
    if (!source.ok) throw new Error(source.error.message);
    const indicators = userTableIndicators(source.value.observations);
    expect(indicators.map((row) => row.name_vi)).toEqual(['Số hợp tác xã mới']);
    // One more source appended to what is there.
    const added = additionsFor([{ ...source.value, indicators }], await knownIndicators());
    const applied = await workspace.addRows(new Map([...added].map(([table, [bytes]]) => [table, bytes!])));
    expect(applied.ok).toBe(true);
    const row = await db.queryRows(
      `SELECT indicator_id, value_low, doc_type FROM ${appObject('v_observations')} WHERE doc_id = 'user:thong_ke' ORDER BY 1`,
      [],
      (found) => ({ ...found }),
    );
    expect(row.ok && row.value).toEqual([
      { indicator_id: 'forest_cover_rate', value_low: 63.5, doc_type: 'bang_nguoi_dung' },
      { indicator_id: 'x_so_hop_tac_xa_moi', value_low: 12, doc_type: 'bang_nguoi_dung' },
    ]);
    // Appended rows are restored like the rest after a user statement damages them.
    expect((await db.userQuery("DELETE FROM observations WHERE doc_id = 'user:thong_ke'")).ok).toBe(true);
    expect((await workspace.protect()).ok).toBe(true);
    expect(
      Number(
        await scalar(`SELECT count(*) FROM ${appObject('observations')} WHERE doc_id = 'user:thong_ke'`),
      ),
    ).toBe(2);
  });

  it('are gone when set to none: the warehouse as shipped', async () => {
    expect((await workspace.setAdditions(new Map())).ok).toBe(true);
    expect(Number(await scalar(`SELECT count(*) FROM ${appObject('observations')}`))).toBe(shippedFigures);
    expect(
      Number(await scalar(`SELECT count(*) FROM ${appObject('documents')} WHERE doc_id LIKE 'son-la%'`)),
    ).toBe(0);
  });
});
