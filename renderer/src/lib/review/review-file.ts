import { z } from 'zod';
import { ImportError, asResult, type ImportResult } from '../import/import-problem.ts';
import { correctionSchema, sourcePreferenceSchema, type Review } from './correction.ts';

/** The review file's format name and the one version this app writes and reads. */
export const REVIEW_FORMAT = 'chi-tieu-workbench/review';
export const REVIEW_VERSION = 1;

const reviewFileSchema = z.object({
  format: z.literal(REVIEW_FORMAT),
  version: z.literal(REVIEW_VERSION),
  exported_at: z.string().optional(),
  corrections: z.array(correctionSchema),
  preferences: z.array(sourcePreferenceSchema).default([]),
});

/** A review as a shareable JSON file. */
export function exportReview(review: Review, exportedAt = new Date()): string {
  const file = {
    format: REVIEW_FORMAT,
    version: REVIEW_VERSION,
    exported_at: exportedAt.toISOString(),
    corrections: review.corrections,
    preferences: review.preferences,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Reads a review file; a file that is not one gets a clear message naming what is wrong. */
export function importReview(name: string, text: string): Promise<ImportResult<Review>> {
  return asResult(async () => {
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/u, ''));
    } catch {
      throw new ImportError('review.notJson', { name });
    }
    const version = (json as { version?: unknown } | null)?.version;
    if (
      typeof json === 'object' &&
      json !== null &&
      typeof version === 'number' &&
      version !== REVIEW_VERSION
    ) {
      throw new ImportError('review.version', { name, version, supported: REVIEW_VERSION });
    }
    const parsed = reviewFileSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const detail = issue ? `${issue.path.join('.') || '(tệp)'}: ${issue.message}` : '';
      throw new ImportError('review.invalid', { name, detail });
    }
    const ids = new Set<string>();
    for (const item of [...parsed.data.corrections, ...parsed.data.preferences]) {
      if (ids.has(item.id))
        throw new ImportError('review.invalid', { name, detail: `id "${item.id}" appears twice` });
      ids.add(item.id);
    }
    return { corrections: parsed.data.corrections, preferences: parsed.data.preferences };
  });
}

/** A colleague's review merged into ours: theirs adds what we lack; on the same id ours stays. */
export function mergeReviews(ours: Review, theirs: Review): Review {
  const known = new Set([...ours.corrections, ...ours.preferences].map((item) => item.id));
  return {
    corrections: [...ours.corrections, ...theirs.corrections.filter((item) => !known.has(item.id))],
    preferences: [...ours.preferences, ...theirs.preferences.filter((item) => !known.has(item.id))],
  };
}
