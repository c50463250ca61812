/** Wire shape of the weighting runs (GET/POST /api/weighting/:survey). */
import { z } from 'zod';

export const weighingSummarySchema = z.object({
  survey: z.string(),
  generatedAt: z.string(),
  seconds: z.number(),
  households: z.number().int(),
  respondents: z.number().int(),
  eligiblePersons: z.number().int(),
  individualRespondents: z.number().int(),
  replicates: z.number().int(),
  failedReplicates: z.number().int(),
  unboundedReplicates: z.number().int(),
  /** Largest |weighted total - control| over every calibration control. */
  maxControlDifference: z.number(),
  skipped: z.number().int(),
  files: z.array(z.string()),
});

export const weightingStatusSchema = z.object({
  survey: z.string(),
  state: z.enum(['none', 'running', 'done', 'failed']),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Why the last run failed (the pipeline's message names the cell, margin or EA and the fix). */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** The last finished run (possibly older than a failed or running one). */
  last: weighingSummarySchema.nullable(),
});

export type WeighingSummary = z.infer<typeof weighingSummarySchema>;
export type WeightingStatus = z.infer<typeof weightingStatusSchema>;
