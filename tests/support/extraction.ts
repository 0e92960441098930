import { readFileSync } from 'node:fs';
import { parseCatalogue, type Catalogue } from '../../renderer/src/lib/extraction/catalogue.ts';
import { extractFigures } from '../../renderer/src/lib/extraction/extract-figures.ts';
import type { ManifestEntry } from '../../renderer/src/lib/extraction/manifest.ts';
import type { Observation } from '../../renderer/src/lib/extraction/observation.ts';
import { decodeSource } from '../../renderer/src/lib/extraction/source-document.ts';

/** The committed indicator catalogue. */
export const catalogue: Catalogue = parseCatalogue(JSON.parse(readFileSync('data/indicators.json', 'utf8')));

/** Extracts figures from a piece of text as if it were a whole document issued on `issuedOn`. */
export function extractText(text: string, entry: Partial<ManifestEntry> = {}): Observation[] {
  const manifestEntry: ManifestEntry = {
    doc_id: 'test',
    title: 'test',
    doc_type: 'test',
    issuer: 'test',
    issued_on: '2025-12',
    ...entry,
  };
  return extractFigures(decodeSource('test', new TextEncoder().encode(text)), catalogue, manifestEntry);
}
