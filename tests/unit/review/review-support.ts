import { readFileSync } from 'node:fs';
import { extractFigures } from '../../../renderer/src/lib/extraction/extract-figures.ts';
import { parseManifest } from '../../../renderer/src/lib/extraction/manifest.ts';
import { decodeSource, sha256Hex } from '../../../renderer/src/lib/extraction/source-document.ts';
import type { Correction } from '../../../renderer/src/lib/review/correction.ts';
import {
  identifyFigures,
  identityOf,
  type BaseFigure,
  type IdentifiedFigure,
} from '../../../renderer/src/lib/review/figure-identity.ts';
import { catalogue } from '../../support/extraction.ts';

export const DOC_ID = '2025-12-10_nghi-quyet-67-hdnd_ke-hoach-2026';
const manifest = parseManifest(readFileSync('data/sources/manifest.json', 'utf8'));

/** A real corpus document's text, as committed. */
export const documentText = readFileSync(`data/sources/${DOC_ID}.txt`, 'utf8');

/** Extracts a document text as the corpus document, with identities, as the app would before applying a review. */
export async function extractIdentified(
  text: string,
): Promise<{ figures: IdentifiedFigure[]; documents: Map<string, { sha256: string; text: string }> }> {
  const source = decodeSource(DOC_ID, new TextEncoder().encode(text));
  const entry = manifest.documents.find((doc) => doc.doc_id === DOC_ID);
  const rows = extractFigures(source, catalogue, entry).map((row) => ({ ...row }) as unknown as BaseFigure);
  const documents = new Map([[DOC_ID, { sha256: await sha256Hex(source.bytes), text }]]);
  return { figures: identifyFigures(rows, documents), documents };
}

let counter = 0;

/** A correction of `figure` made by a reviewer at `createdAt`. */
export function correctionOf(
  figure: IdentifiedFigure,
  kind: Correction['kind'],
  after: Correction['after'] = {},
  createdAt = '2026-12-01T08:00:00.000Z',
  note = '',
): Correction {
  counter++;
  return {
    id: `c${counter}`,
    kind,
    figure: identityOf(figure),
    before: { value_low: Number(figure.value_low), unit: String(figure.unit) },
    after,
    note,
    created_at: createdAt,
  };
}
