/**
 * Runs in a worker thread of the replicate pool (replicate-pool.ts): given the sample and the
 * recipe once, it prepares the same replicates as the main thread (replicateContext: the same code
 * on the same inputs, without the full-sample pass) and then weighs the replicates it is asked for,
 * one message each, sending their weights back as transferred buffers (bit for bit).
 */
import { parentPort } from 'node:worker_threads';
import {
  type PersonInput,
  type ReplicateContext,
  replicateContext,
  replicateOutcome,
  type UnitInput,
  type WeightingRecipe,
} from '../../analysis/weighting/index.ts';

export interface ReplicateSetup {
  households: UnitInput[];
  persons: PersonInput[];
  recipe: WeightingRecipe;
  design: unknown;
}

let start: ReplicateContext | null = null;

parentPort?.on('message', (m: { setup: ReplicateSetup } | { index: number }) => {
  try {
    if ('setup' in m) {
      const { households, persons, recipe, design } = m.setup;
      start = replicateContext(households, persons, recipe, design);
      parentPort?.postMessage({ ready: start.reps.replicates.length });
      return;
    }
    if (!start) throw new Error('replicate worker: no setup before the first replicate');
    const outcome = replicateOutcome(start, m.index);
    // a step the recipe leaves out passes its array on: each buffer is transferred once
    const buffers =
      'error' in outcome
        ? []
        : [...new Set([outcome.hh.buffer, outcome.roster.buffer, outcome.person.buffer])];
    parentPort?.postMessage({ index: m.index, outcome }, buffers as ArrayBuffer[]);
  } catch (error) {
    const e = error as Error & { code?: string; detail?: unknown };
    parentPort?.postMessage({ failed: e.message, code: e.code, detail: e.detail ?? null });
  }
});
