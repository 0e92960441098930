import { z } from 'zod';

const manifestEntrySchema = z.object({
  doc_id: z.string().min(1),
  title: z.string(),
  doc_type: z.string(),
  issuer: z.string(),
  issued_on: z.string(),
  covers: z.array(z.string()).optional(),
  format_note: z.string().optional(),
});

const manifestSchema = z.object({
  province: z.string().optional(),
  documents: z.array(manifestEntrySchema),
});

export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
export type Manifest = z.infer<typeof manifestSchema>;

/** Parses manifest.json text; throws an Error with a one-line reason when it is not a manifest. */
export function parseManifest(text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new Error(`manifest.json is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`manifest.json: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`.trim());
  }
  return parsed.data;
}
