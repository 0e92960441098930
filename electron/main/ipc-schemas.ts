import { z } from 'zod';

const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[a-z0-9*]{1,10}$/i))
    .min(1)
    .max(20),
});

export const appSettingsSchema = z.object({ locale: z.enum(['vi', 'en']) }).strict();

// A file name only: no folders, so the dialog cannot be steered somewhere unexpected.
const fileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !/[\\/\0]/.test(name) && name !== '.' && name !== '..', 'must be a plain file name');

// Collection names become file names in userData/collections: lowercase letters, digits, dashes.
const collectionNameSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a collection name');
const itemIdSchema = z.string().min(1).max(200);

// Stored items are small JSON objects with an id: a saved query, a history entry, never a dataset.
const MAX_WRITE_BYTES = 8 * 1024 * 1024;
const storedItemSchema = z
  .record(z.string(), z.json())
  .refine((item) => itemIdSchema.safeParse(item.id).success, 'needs a string id');
const collectionChangesSchema = z
  .object({
    collection: collectionNameSchema,
    put: z.array(storedItemSchema).max(1000),
    delete: z.array(itemIdSchema).max(1000),
  })
  .strict();

/** Payload schemas per operation: every request is checked in main before anything is done. */
export const requestSchemas = {
  appInfo: z.undefined(),
  saveFile: z
    .object({
      defaultName: fileNameSchema,
      filters: z.array(fileFilterSchema).max(10),
      bytes: z
        .instanceof(Uint8Array)
        .refine((bytes) => bytes.byteLength <= 512 * 1024 * 1024, 'file too large'),
    })
    .strict(),
  openFile: z.object({ filters: z.array(fileFilterSchema).max(10) }).strict(),
  readSettings: z.undefined(),
  writeSettings: appSettingsSchema,
  readCollection: z.object({ collection: collectionNameSchema }).strict(),
  writeCollections: z
    .object({ changes: z.array(collectionChangesSchema).min(1).max(50) })
    .strict()
    .refine((request) => JSON.stringify(request).length <= MAX_WRITE_BYTES, 'write too large'),
} as const;
