/** Wire shape of the releases (GET/POST /api/releases/:survey): a finished weighting run, published. */
import { z } from 'zod';

export const releaseSchema = z.object({
  id: z.number().int(),
  survey: z.string(),
  runId: z.number().int(),
  name: z.string(),
  /** The release date the publisher gives (YYYY-MM-DD). */
  date: z.string(),
  note: z.string(),
  publishedBy: z.string().nullable(),
  publishedAt: z.string(),
  /** Set once someone retired it: no table, model or file is served from it any more. */
  retiredAt: z.string().nullable(),
});

export const publishRequestSchema = z.object({
  /** The weighting run to publish (it must be done). */
  run: z.number().int().positive(),
  name: z.string().trim().min(1).max(80),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD'),
  note: z.string().max(2000).default(''),
});

export type Release = z.infer<typeof releaseSchema>;
export type PublishRequest = z.infer<typeof publishRequestSchema>;
