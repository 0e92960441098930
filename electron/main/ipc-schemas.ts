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

const storeKeySchema = z.enum([
  'query-history',
  'saved-queries',
  'sql-tabs',
  'pivot-config',
  'pivot-layouts',
]);

// Stored documents are JSON and small: a history or a list of saved queries, never a dataset.
const MAX_STORE_BYTES = 8 * 1024 * 1024;
const storeValueSchema = z
  .json()
  .refine((value) => JSON.stringify(value).length <= MAX_STORE_BYTES, 'document too large');

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
  readStore: z.object({ key: storeKeySchema }).strict(),
  writeStore: z.object({ key: storeKeySchema, value: storeValueSchema }).strict(),
} as const;
