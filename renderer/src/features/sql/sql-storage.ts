import { z } from 'zod';

const id = z.string().min(1).max(200);

/** A saved query as stored: exactly what the library shows. */
export const savedQuerySchema = z.object({
  id,
  name: z.string().trim().min(1).max(500),
  folder: z.string().trim().min(1).max(500),
  sql: z.string(),
});

/** One run in the history. */
export const historyEntrySchema = z.object({
  id,
  sql: z.string(),
  at: z.iso.datetime(),
  durationMs: z.number().nonnegative(),
  rows: z.number().int().nonnegative().nullable(),
  error: z.string().nullable(),
});

/** An open tab; `position` keeps the tabs in the order they were opened. */
export const storedTabSchema = z.object({
  id,
  title: z.string().max(500),
  text: z.string(),
  position: z.number().int().nonnegative(),
});

/** Which tab was in front (a collection of one item, id `active`). */
export const activeTabSchema = z.object({ id: z.literal('active'), tabId: id });
