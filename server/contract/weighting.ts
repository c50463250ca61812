/** Wire shape of the weighting runs (GET/POST /api/weighting/:survey, GET .../runs). */
import { z } from 'zod';
import { WEIGHTING_DETAIL_KEYS } from '../../analysis/weighting/errors.ts';
import { WEIGHTING_FAILURES } from '../problems.ts';

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

/**
 * A failed run's error: a code of the one catalogue (server/problems.ts, which the staff screens
 * translate), its English sentence, and the pipeline's own words naming the cell, margin or EA: in
 * English (`details`) and, when the pipeline gave it, structured (`detail`: a key and the values it
 * names, analysis/weighting/errors.ts), which the staff screens say in their language
 * (analysis/weighting/failure-text.ts).
 */
export const runErrorSchema = z.object({
  code: z.enum(WEIGHTING_FAILURES),
  message: z.string(),
  details: z.string(),
  detail: z
    .object({ key: z.enum(WEIGHTING_DETAIL_KEYS), params: z.record(z.string(), z.unknown()) })
    .optional(),
});

export const RUN_STATES = ['queued', 'running', 'done', 'failed'] as const;

export const weightingStatusSchema = z.object({
  survey: z.string(),
  state: z.enum(['none', ...RUN_STATES]),
  /** The latest run (the one `state` describes), or null if the survey was never weighted. */
  runId: z.number().int().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Why the last run failed (see runErrorSchema). */
  error: runErrorSchema.nullable(),
  /** The last finished run (possibly older than a failed or running one). */
  last: weighingSummarySchema.nullable(),
  lastRunId: z.number().int().nullable(),
});

/** One run as its row says: who, when, on which interviews, with which design and recipe. */
export const weightingRunSchema = z.object({
  id: z.number().int(),
  survey: z.string(),
  state: z.enum(RUN_STATES),
  startedBy: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: runErrorSchema.nullable(),
  /** sha256 of the sorted "interview id:revision" list the run read, and its length. */
  inputHash: z.string().nullable(),
  inputCount: z.number().int().nullable(),
  /** sha256 of design.json and weighting.json when the run started. */
  designVersion: z.string().nullable(),
  recipeVersion: z.string().nullable(),
  summary: weighingSummarySchema.nullable(),
});

export type RunError = z.infer<typeof runErrorSchema>;
export type WeighingSummary = z.infer<typeof weighingSummarySchema>;
export type WeightingStatus = z.infer<typeof weightingStatusSchema>;
export type WeightingRun = z.infer<typeof weightingRunSchema>;

/** GET /api/weighting/:survey/report?format=json: the report as blocks (analysis/weighting/report-document.ts). */
export const weightingReportSchema = z.object({
  blocks: z.array(
    z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('heading'),
        level: z.union([z.literal(1), z.literal(2)]),
        text: z.string(),
      }),
      z.object({
        kind: z.literal('text'),
        lines: z.array(z.string()),
        items: z.array(z.string()).optional(),
      }),
      z.object({
        kind: z.literal('table'),
        head: z.array(z.string()),
        right: z.array(z.boolean()),
        rows: z.array(z.array(z.string())),
      }),
    ]),
  ),
});
export type WeightingReportBlocks = z.infer<typeof weightingReportSchema>;
