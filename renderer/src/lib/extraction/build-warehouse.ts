import type { WarehouseRow } from '../warehouse/columns.ts';
import type { WarehouseTable } from '../warehouse/tables.ts';
import type { Catalogue, IndicatorKind } from './catalogue.ts';
import { cleanIndicatorName } from './derived-indicator.ts';
import { documentProfile } from './document-profile.ts';
import { extractFigures } from './extract-figures.ts';
import type { Manifest } from './manifest.ts';
import { quoteWindow } from './quote-window.ts';
import { sha256Hex, type SourceDocument } from './source-document.ts';
import { unitRows } from '../units/units-sql.ts';

export type WarehouseRows = Record<WarehouseTable, WarehouseRow[]>;

/** Turns the corpus into the warehouse tables; pure and deterministic (documents in id order). */
export async function buildWarehouse(
  sources: readonly SourceDocument[],
  manifest: Manifest | null,
  catalogue: Catalogue,
): Promise<WarehouseRows> {
  const ordered = [...sources].sort((a, b) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0));
  const documents: WarehouseRow[] = [];
  const observations: WarehouseRow[] = [];
  for (const source of ordered) {
    const entry = manifest?.documents.find((doc) => doc.doc_id === source.docId);
    // Without a manifest entry, the document's header says what it is.
    const profile = documentProfile(source.text.normalize('NFC'), entry);
    documents.push({
      doc_id: source.docId,
      title: profile.title ?? source.docId,
      doc_type: profile.genre,
      issuer: profile.issuer,
      issued_on: profile.issuedOn,
      char_count: source.text.length,
      sha256: await sha256Hex(source.bytes),
      source_path: `sources/${source.docId}.txt`,
    });
    for (const observation of extractFigures(source, catalogue, entry, profile)) {
      observations.push({ ...observation, quote: quoteWindow(observation.quote, source.text, observation) });
    }
  }
  return { documents, indicators: indicatorRows(catalogue, observations), observations, units: unitRows() };
}

function indicatorRows(catalogue: Catalogue, observations: readonly WarehouseRow[]): WarehouseRow[] {
  const rows: WarehouseRow[] = catalogue.indicators.map((entry) => ({
    indicator_id: entry.id,
    name_vi: entry.name_vi,
    name_en: entry.name_en,
    domain: entry.domain,
    group: entry.group,
    unit: entry.unit,
    kind: entry.kind,
    higher_is_better: entry.higher_is_better,
    phrasings: entry.phrasings.join(' | '),
    catalogued: true,
  }));
  const known = new Set(catalogue.indicators.map((entry) => entry.id));
  for (const observation of observations) {
    const id = String(observation.indicator_id);
    if (known.has(id)) continue;
    known.add(id);
    rows.push({
      indicator_id: id,
      name_vi: cleanIndicatorName(String(observation.label_vi), String(observation.unit ?? '')),
      name_en: null,
      domain: null,
      group: null,
      unit: observation.unit ?? null,
      kind: derivedKind(observation.unit),
      higher_is_better: null,
      phrasings: String(observation.label_vi),
      catalogued: false,
    });
  }
  return rows.sort((a, b) => (String(a.indicator_id) < String(b.indicator_id) ? -1 : 1));
}

/** The kind an uncatalogued figure's unit suggests: a rank, a rate (%, x/y), an amount or a count. */
function derivedKind(unit: unknown): IndicatorKind {
  const text = typeof unit === 'string' ? unit : '';
  if (text === 'hạng') return 'rank';
  if (text === '%' || text.includes('/')) return 'rate';
  return MEASURED_UNIT.test(text) ? 'level' : 'count';
}

// Units of amounts (money, area, mass, length, power) rather than of counted things.
const MEASURED_UNIT = /đồng|USD|\bha\b|tấn|\bkm|\bm[23]?\b|MW|kg/u;
