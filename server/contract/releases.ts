/** Wire shape of the releases (GET/POST /api/releases/:survey): a finished weighting run, published. */
import { z } from 'zod/mini';

export const releaseSchema = z.object({
  id: z.number().check(z.int()),
  survey: z.string(),
  runId: z.number().check(z.int()),
  name: z.string(),
  /** The release date the publisher gives (YYYY-MM-DD). */
  date: z.string(),
  note: z.string(),
  publishedBy: z.nullable(z.string()),
  publishedAt: z.string(),
  /** Set once someone retired it: no table, model or file is served from it any more. */
  retiredAt: z.nullable(z.string()),
});

export const publishRequestSchema = z.object({
  /** The weighting run to publish (it must be done). */
  run: z.number().check(z.int(), z.positive()),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')),
  note: z._default(z.string().check(z.maxLength(2000)), ''),
});

export type Release = z.infer<typeof releaseSchema>;
export type PublishRequest = z.infer<typeof publishRequestSchema>;
