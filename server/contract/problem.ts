/** The one error shape every API failure has: a stable code, a sentence for people, and details. */
import { z } from 'zod/mini';

export const problemBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.optional(z.unknown()),
});
export type ProblemBody = z.infer<typeof problemBodySchema>;

/** The catalogue's codes (server/problems.ts, their one home), which the client's sentences are keyed by. */
export type { ProblemCode } from '../problems.ts';
