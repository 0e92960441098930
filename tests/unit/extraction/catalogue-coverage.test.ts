import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractCorpus } from '../../../scripts/lib/extract-corpus.ts';
import type { WarehouseRows } from '../../../renderer/src/lib/extraction/build-warehouse.ts';
import {
  INDICATOR_DOMAINS,
  INDICATOR_GROUPS,
  parseCatalogue,
} from '../../../renderer/src/lib/extraction/catalogue.ts';
import { GROUP_LABELS, groupLabel } from '../../../renderer/src/lib/i18n/domains.ts';

const catalogueJson: unknown = JSON.parse(readFileSync('data/indicators.json', 'utf8'));

describe('the indicator catalogue on a fresh extraction of the embedded corpus', () => {
  let tables: WarehouseRows;

  // Extracting the corpus is the heavy part; on a loaded machine it takes longer than the default hook limit.
  beforeAll(async () => {
    ({ tables } = await extractCorpus());
  }, 120_000);

  it('catalogues at least 90% of the figures', () => {
    const figures = tables.observations;
    const catalogued = figures.filter((row) => row.catalogued === true);
    expect(figures.length).toBeGreaterThan(900);
    expect(catalogued.length / figures.length).toBeGreaterThanOrEqual(0.9);
  });

  it('files every catalogued indicator under a group and one of the six domains', () => {
    for (const row of tables.indicators) {
      if (row.catalogued !== true) {
        expect(row.group, String(row.indicator_id)).toBeNull();
        continue;
      }
      expect(INDICATOR_GROUPS, String(row.indicator_id)).toContain(row.group);
      expect(INDICATOR_DOMAINS, String(row.indicator_id)).toContain(row.domain);
    }
  });

  it('keeps the ids the app and its tests rely on', () => {
    const ids = new Set(tables.indicators.map((row) => row.indicator_id));
    for (const id of ['grdp_growth', 'grdp_per_capita', 'budget_revenue_total', 'new_rural_communes'])
      expect(ids).toContain(id);
  });
});

describe('the catalogue file', () => {
  const catalogue = parseCatalogue(catalogueJson);

  it('labels every group in Vietnamese and English', () => {
    for (const group of INDICATOR_GROUPS) {
      expect(GROUP_LABELS[group].vi.length).toBeGreaterThan(0);
      expect(GROUP_LABELS[group].en.length).toBeGreaterThan(0);
    }
    expect(groupLabel('y_te', 'vi')).toBe('Y tế');
    expect(groupLabel('not_a_group', 'vi')).toBeNull();
    expect(groupLabel(null, 'en')).toBeNull();
  });

  it('states each unit at most once in a name', () => {
    for (const entry of catalogue.indicators) {
      if (entry.unit === '') continue;
      const mentions = entry.name_vi.split(`(${entry.unit})`).length - 1;
      expect(mentions, entry.id).toBeLessThanOrEqual(1);
    }
  });

  it('gives every national comparison indicator the province indicator it compares with', () => {
    const ids = new Set(catalogue.indicators.map((entry) => entry.id));
    const national = catalogue.indicators.filter((entry) => entry.id.endsWith('_national'));
    expect(national.length).toBeGreaterThan(0);
    for (const entry of national) expect(ids, entry.id).toContain(entry.id.replace(/_national$/, ''));
  });

  it('rejects an entry without a group, and one with an unknown group', () => {
    const [first] = catalogue.indicators;
    const withoutGroup = { ...first, group: undefined };
    expect(() => parseCatalogue({ indicators: [withoutGroup] })).toThrow();
    expect(() => parseCatalogue({ indicators: [{ ...first, group: 'kinh_te' }] })).toThrow();
  });
});
