import type { AddedSource } from './imported-sources.ts';

/** A document of the workspace, as the duplicate check and new ids need it. */
export interface WorkspaceDocument {
  id: string;
  title: string;
  sha256: string | null;
}

/**
 * What the warehouse holds as shipped (read once after it is loaded): with the sources users added,
 * which the import area keeps itself, it says what the workspace holds without asking DuckDB,
 * whose one queue may be busy with a pivot for seconds. (User SQL cannot change these tables:
 * the workspace puts them back after every statement.)
 */
export interface ShippedContents {
  documents: readonly WorkspaceDocument[];
  indicators: ReadonlySet<string>;
}

/** Ids of every document in the workspace, and the title of the one (if any) whose file has this SHA-256. */
export function documentsNow(
  shipped: ShippedContents,
  added: readonly AddedSource[],
  sha256: string,
): { ids: Set<string>; sameFile: string | null } {
  const documents = [
    ...shipped.documents,
    ...added.map(({ document }) => ({
      id: String(document.doc_id),
      title: String(document.title ?? document.doc_id),
      sha256: typeof document.sha256 === 'string' ? document.sha256 : null,
    })),
  ];
  return {
    ids: new Set(documents.map((document) => document.id)),
    sameFile: documents.find((document) => document.sha256 === sha256)?.title ?? null,
  };
}

/** Indicator ids in the workspace: the warehouse's and those the added sources brought. */
export function indicatorsNow(shipped: ShippedContents, added: readonly AddedSource[]): Set<string> {
  const ids = new Set(shipped.indicators);
  for (const source of added) for (const row of source.indicators) ids.add(String(row.indicator_id));
  return ids;
}
