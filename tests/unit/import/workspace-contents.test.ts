import { describe, expect, it } from 'vitest';
import type { AddedSource } from '../../../renderer/src/lib/import/imported-sources.ts';
import { documentsNow, indicatorsNow } from '../../../renderer/src/lib/import/workspace-contents.ts';

const shipped = {
  documents: [{ id: 'bao-cao', title: 'Báo cáo 5 năm', sha256: 'a'.repeat(64) }],
  indicators: new Set(['grdp_growth', 'poverty_rate']),
};
const imported: AddedSource = {
  document: { doc_id: 'ke-hoach', title: 'Kế hoạch huyện', sha256: 'b'.repeat(64) },
  observations: [],
  indicators: [{ indicator_id: 'x_ty_le_mau' }],
};
const userTable: AddedSource = {
  document: { doc_id: 'user:so_lieu', title: 'Số liệu', sha256: null },
  observations: [],
  indicators: [{ indicator_id: 'x_so_lieu' }, { indicator_id: 'poverty_rate' }],
};

describe('what the workspace holds, known without asking DuckDB', () => {
  it('finds the same file among the shipped and the imported documents, and every id', () => {
    expect(documentsNow(shipped, [imported, userTable], 'a'.repeat(64)).sameFile).toBe('Báo cáo 5 năm');
    expect(documentsNow(shipped, [imported, userTable], 'b'.repeat(64)).sameFile).toBe('Kế hoạch huyện');
    const other = documentsNow(shipped, [imported, userTable], 'c'.repeat(64));
    expect(other.sameFile).toBeNull();
    expect([...other.ids].sort()).toEqual(['bao-cao', 'ke-hoach', 'user:so_lieu']);
  });

  it('does not take a user source without a hash for a duplicate', () => {
    expect(documentsNow(shipped, [userTable], '').sameFile).toBeNull();
  });

  it('lists the warehouse indicators and those the added sources brought, once each', () => {
    expect([...indicatorsNow(shipped, [imported, userTable])].sort()).toEqual([
      'grdp_growth',
      'poverty_rate',
      'x_so_lieu',
      'x_ty_le_mau',
    ]);
    expect(shipped.indicators.size).toBe(2);
  });
});
