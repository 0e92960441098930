import { z } from 'zod';

const glossesSchema = z.object({
  documents: z.array(z.object({ doc_id: z.string(), title_en: z.string().min(1).optional() })),
});

/** The manifest's English glosses of document titles (`title_en`) by `doc_id`; empty when it has none or cannot be read. */
export function titleGlosses(manifestText: string): Map<string, string> {
  let json: unknown;
  try {
    json = JSON.parse(manifestText);
  } catch {
    return new Map();
  }
  const parsed = glossesSchema.safeParse(json);
  if (!parsed.success) return new Map();
  return new Map(
    parsed.data.documents.flatMap((doc) => (doc.title_en ? [[doc.doc_id, doc.title_en] as const] : [])),
  );
}
