/** Wire shape of the weighting runs (GET/POST /api/weighting/:survey, GET .../runs). */
import { z } from 'zod/mini';
import { WEIGHTING_DETAIL_KEYS } from '../../analysis/weighting/errors.ts';
import { WEIGHTING_FAILURES } from '../problems.ts';

export const weighingSummarySchema = z.object({
  survey: z.string(),
  generatedAt: z.string(),
  seconds: z.number(),
  households: z.number().check(z.int()),
  respondents: z.number().check(z.int()),
  eligiblePersons: z.number().check(z.int()),
  individualRespondents: z.number().check(z.int()),
  replicates: z.number().check(z.int()),
  failedReplicates: z.number().check(z.int()),
  unboundedReplicates: z.number().check(z.int()),
  /** Largest |weighted total - control| over every calibration control. */
  maxControlDifference: z.number(),
  skipped: z.number().check(z.int()),
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
  detail: z.optional(
    z.object({ key: z.enum(WEIGHTING_DETAIL_KEYS), params: z.record(z.string(), z.unknown()) }),
  ),
});

export const RUN_STATES = ['queued', 'running', 'done', 'failed'] as const;

export const weightingStatusSchema = z.object({
  survey: z.string(),
  state: z.enum(['none', ...RUN_STATES]),
  /** The latest run (the one `state` describes), or null if the survey was never weighted. */
  runId: z.nullable(z.number().check(z.int())),
  startedAt: z.nullable(z.string()),
  finishedAt: z.nullable(z.string()),
  /** Why the last run failed (see runErrorSchema). */
  error: z.nullable(runErrorSchema),
  /** The last finished run (possibly older than a failed or running one). */
  last: z.nullable(weighingSummarySchema),
  lastRunId: z.nullable(z.number().check(z.int())),
});

/** One run as its row says: who, when, on which interviews, with which design and recipe. */
export const weightingRunSchema = z.object({
  id: z.number().check(z.int()),
  survey: z.string(),
  state: z.enum(RUN_STATES),
  startedBy: z.nullable(z.string()),
  startedAt: z.string(),
  finishedAt: z.nullable(z.string()),
  error: z.nullable(runErrorSchema),
  /** sha256 of the sorted "interview id:revision" list the run read, and its length. */
  inputHash: z.nullable(z.string()),
  inputCount: z.nullable(z.number().check(z.int())),
  /** sha256 of design.json and weighting.json when the run started. */
  designVersion: z.nullable(z.string()),
  recipeVersion: z.nullable(z.string()),
  summary: z.nullable(weighingSummarySchema),
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
        items: z.optional(z.array(z.string())),
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
/** One block of the report as the screen receives it (the shape of analysis/weighting/report-document.ts). */
export type WeightingReportBlock = WeightingReportBlocks['blocks'][number];

/**
 * What the staff screens need to say a failed run in their language, from the homes the server uses
 * too: the catalogue's weighting codes (server/problems.ts) and the sentences of the pipeline's
 * structured details (analysis/weighting/failure-text.ts). The client reaches them only through here.
 */
export { detailText, isWeightingDetail } from '../../analysis/weighting/failure-text.ts';
export type { WeightingFailure } from '../problems.ts';
