import { z } from 'zod';
import glossesJson from '../../../../data/document-glosses.json';
import type { Locale } from '../format/locale.ts';

const glossFileSchema = z.object({ about: z.string(), titles_en: z.record(z.string(), z.string().min(1)) });

/** English glosses of the embedded documents' titles (data/document-glosses.json), by doc_id. */
export const TITLE_GLOSSES: ReadonlyMap<string, string> = new Map(
  Object.entries(glossFileSchema.parse(glossesJson).titles_en),
);

/** A document's title for a reader of `locale`: the English gloss when there is one, else as published. */
export function documentTitle(docId: string, title: string, locale: Locale): string {
  return locale === 'en' ? (TITLE_GLOSSES.get(docId) ?? title) : title;
}
