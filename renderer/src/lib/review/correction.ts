import { z } from 'zod';
import { figureIdentitySchema } from './figure-identity.ts';

/** The figure fields a reviewer may set; a field left out keeps the extracted value. */
export const figurePatchSchema = z
  .object({
    value_low: z.number().finite(),
    value_high: z.number().finite(),
    unit: z.string(),
    comparator: z.enum(['=', '~', '>=', '>', '<=', '<']),
    indicator_id: z.string().min(1),
    label_vi: z.string(),
    measure: z.enum(['actual', 'target', 'change']),
    is_estimate: z.boolean(),
    period_start: z.number().int().min(1900).max(2100),
    period_end: z.number().int().min(1900).max(2100),
    basis: z.enum(['level', 'annual_avg', 'each_year', 'total']),
    base_year: z.number().int().min(1900).max(2100),
  })
  .partial()
  .strict();

export type FigurePatch = z.infer<typeof figurePatchSchema>;

/** The fields a patch may carry, in the order the overlay table lists them. */
export const PATCH_FIELDS = Object.keys(figurePatchSchema.shape) as (keyof FigurePatch)[];

/**
 * One reviewer action on one figure (Vietnamese UI: "hiệu đính"): accept it as extracted, correct
 * some of its fields, mark it "không phải số liệu", or add a figure the extractor missed at a span
 * of the document. `before` is what the reviewer saw, kept for the record.
 */
export const correctionSchema = z
  .object({
    id: z.string().min(1),
    kind: z.enum(['accept', 'correct', 'not_a_figure', 'add']),
    figure: figureIdentitySchema,
    before: figurePatchSchema,
    after: figurePatchSchema,
    note: z.string().default(''),
    created_at: z.iso.datetime({ offset: true }),
  })
  .superRefine((correction, context) => {
    const after = correction.after;
    if (correction.kind === 'add') {
      for (const field of ['value_low', 'unit', 'indicator_id', 'measure', 'basis'] as const) {
        if (after[field] === undefined)
          context.addIssue({ code: 'custom', path: ['after', field], message: 'required for add' });
      }
    }
    if (correction.kind === 'correct' && Object.keys(after).length === 0) {
      context.addIssue({
        code: 'custom',
        path: ['after'],
        message: 'a correction changes at least one field',
      });
    }
    if (correction.figure.char_end <= correction.figure.char_start) {
      context.addIssue({ code: 'custom', path: ['figure', 'char_end'], message: 'must be after char_start' });
    }
  });

export type Correction = z.infer<typeof correctionSchema>;

/** The user's choice of which document's figure the pivot uses for that figure's indicator and period. */
export const sourcePreferenceSchema = z.object({
  id: z.string().min(1),
  figure: figureIdentitySchema,
  note: z.string().default(''),
  created_at: z.iso.datetime({ offset: true }),
});

export type SourcePreference = z.infer<typeof sourcePreferenceSchema>;

/** A whole review: every correction and source preference, the unit that is saved and shared. */
export interface Review {
  corrections: Correction[];
  preferences: SourcePreference[];
}
