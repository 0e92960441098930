import { describe, expect, it } from 'vitest';
import { appObject } from '../../../renderer/src/lib/db/sql.ts';
import { readPlanPeriods } from '../../../renderer/src/lib/meaning/plan-periods.ts';
import { DEFAULT_PIVOT_CONFIG } from '../../../renderer/src/lib/pivot/pivot-config.ts';
import { buildPivotQuery } from '../../../renderer/src/lib/pivot/pivot-query.ts';
import { readPivot } from '../../../renderer/src/lib/pivot/pivot-rows.ts';
import { otherUnitFigures } from '../../../renderer/src/lib/units/other-units.ts';
import { joinsIndicatorRow, unitFit } from '../../../renderer/src/lib/units/unit-fit.ts';
import { useWarehouseDatabase } from '../../support/warehouse-database.ts';

describe('units the table cannot convert are never mixed into an indicator’s row', () => {
  const warehouse = useWarehouseDatabase();

  it('tells the same unit, a conversion, no unit and another unit apart', () => {
    expect(unitFit('tỷ USD', 'tỷ USD')).toBe('same');
    expect(unitFit('tỷ USD', 'triệu USD')).toBe('converts');
    expect(unitFit('trường', 'trường học')).toBe('converts');
    expect(unitFit('nghìn lượt', 'lượt người')).toBe('converts');
    // Counted nouns are dimensions of their own: households are not people, communes not units.
    expect(unitFit('hộ', 'người')).toBe('other');
    expect(unitFit('đơn vị hành chính', 'xã')).toBe('other');
    expect(unitFit('hợp tác xã', 'liên hiệp hợp tác xã')).toBe('other');
    // Money in đồng and in USD share no rate in the table.
    expect(unitFit('tỷ đồng', 'triệu USD')).toBe('other');
    expect(unitFit('hạng', '')).toBe('unstated');
    expect(unitFit('', '')).toBe('same');
    expect(unitFit('ha', 'dặm vuông')).toBe('other');
    expect(joinsIndicatorRow('tỷ USD', 'triệu USD')).toBe(true);
    expect(joinsIndicatorRow('hộ', 'người')).toBe(false);
    expect(joinsIndicatorRow('hạng', null)).toBe(false);
  });

  it('is the rule display_unit follows over every target and result of the warehouse', async () => {
    const result = await warehouse.db.queryRows(
      `SELECT i.unit AS catalogue_unit, o.unit, o.display_unit
       FROM ${appObject('v_observations')} o JOIN ${appObject('indicators')} i ON i.indicator_id = o.indicator_id
       WHERE o.measure IN ('target', 'actual')`,
      [],
      (row) => ({
        catalogue: String(row.catalogue_unit ?? ''),
        written: String(row.unit ?? ''),
        shown: String(row.display_unit ?? ''),
      }),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.length).toBeGreaterThan(500);
    const disagreeing = result.value.filter(
      (row) => joinsIndicatorRow(row.catalogue, row.written) !== (row.shown === row.catalogue),
    );
    expect(disagreeing).toEqual([]);
  });

  it('finds the real cases and keeps each in a pivot row of its own, in the unit written', async () => {
    const found = await otherUnitFigures(warehouse.db);
    if (!found.ok) throw new Error(found.error.message);
    const byKey = new Map(found.value.map((item) => [`${item.indicatorId}|${item.unit}`, item]));
    expect(byKey.get('meritorious_households_housing_supported|người')?.catalogueUnit).toBe('hộ');
    expect(byKey.get('communes_merged|xã')?.catalogueUnit).toBe('đơn vị hành chính');
    expect(byKey.get('cooperatives_total|liên hiệp hợp tác xã')?.catalogueUnit).toBe('hợp tác xã');
    expect(byKey.get('zoning_plan_tasks|quy hoạch')?.catalogueUnit).toBe('nhiệm vụ quy hoạch');
    // Wordings of the catalogue's unit join its row: the list had 18 entries before they did, 9 after.
    const synonyms = [
      'industrial_parks|khu công nghiệp',
      'international_agreements|thoả thuận',
      'international_agreements|thỏa thuận',
      'corruption_cases_handled|vụ án',
      'corruption_cases_monitored|vụ án',
      'admin_procedures_integrated|thủ tục hành chính',
      'bank_transaction_offices|phòng giao dịch',
      'corruption_legal_entities_prosecuted|pháp nhân thương mại',
      'international_agreements_signed|bản ghi nhớ',
      'social_housing_units|căn nhà',
    ];
    expect(synonyms.filter((key) => byKey.has(key))).toEqual([]);
    // What stays is the four pairs of different things and five figures with no unit written.
    expect(found.value.filter((item) => item.unit !== '')).toHaveLength(4);
    expect(found.value).toHaveLength(9);
    // Every entry is a real mismatch by the rule, with the figures behind it.
    for (const item of found.value) {
      expect(joinsIndicatorRow(item.catalogueUnit, item.unit)).toBe(false);
      expect(item.obsIds.length).toBeGreaterThan(0);
    }
    const periods = await readPlanPeriods(warehouse.db);
    if (!periods.ok) throw new Error(periods.error.message);
    const query = buildPivotQuery({ ...DEFAULT_PIVOT_CONFIG, expandYears: true }, periods.value);
    const pivot = await warehouse.db.query(query.sql, query.params);
    if (!pivot.ok) throw new Error(pivot.error.message);
    const rows = readPivot(pivot.value, query.columns);
    const cooperatives = rows
      .filter((row) => row.indicatorId === 'cooperatives_total')
      .map((row) => row.unit);
    expect(cooperatives).toEqual(expect.arrayContaining(['hợp tác xã', 'liên hiệp hợp tác xã']));
    // 2 khu and 7 khu công nghiệp are one row, and so are both spellings of thỏa thuận.
    for (const [indicator, unit] of [
      ['industrial_parks', 'khu'],
      ['international_agreements', 'thỏa thuận'],
      ['social_housing_units', 'căn'],
    ]) {
      expect(rows.filter((row) => row.indicatorId === indicator).map((row) => row.unit)).toEqual([unit]);
    }
    // No pivot row holds a unit that neither is the catalogue's nor is listed as another unit.
    const listed = new Set(byKey.keys());
    const catalogueUnits = new Map(found.value.map((item) => [item.indicatorId, item.catalogueUnit]));
    const stray = rows.filter(
      (row) =>
        catalogueUnits.has(row.indicatorId) &&
        row.unit !== catalogueUnits.get(row.indicatorId) &&
        !listed.has(`${row.indicatorId}|${row.unit}`),
    );
    expect(stray).toEqual([]);
  });
});
