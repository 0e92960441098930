import type { Catalogue } from './catalogue.ts';
import type { Observation } from './observation.ts';
import type { SourceDocument } from './source-document.ts';

/** Every figure of one document, in text order. */
export function extractFigures(document: SourceDocument, catalogue: Catalogue): Observation[] {
  void document;
  void catalogue;
  return [];
}
