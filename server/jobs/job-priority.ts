/**
 * The job queue's order, in one place. Every job has a class, stored as an integer in `jobs.priority`
 * (so a restart keeps it): `revision` (0) is a returned interview sent again over the API, a
 * supervisor is waiting for it; `upload` (1) is any other upload arriving over the API from a tablet;
 * `background` (2) is bulk work nobody is watching: the demo seeding and `npm run simulate` (uploads
 * made in-process), the office's decryption batch, a quality-flags recomputation. A claim takes the
 * lowest class first, FIFO (job id) within a class, so a fresh upload is validated before a backlog
 * of 1,408 seeded ones. So that no class starves under a steady stream of uploads, one claim in
 * OLDEST_EVERY takes the oldest pending job of any class instead: the backlog still gets at least a
 * quarter of the job loops' time and drains, and an upload waits at most a third longer than alone.
 */

export const JOB_CLASSES = ['revision', 'upload', 'background'] as const;
export type JobClass = (typeof JOB_CLASSES)[number];

/** The stored `jobs.priority` of each class (lower runs first). */
export const JOB_PRIORITY: Readonly<Record<JobClass, number>> = { revision: 0, upload: 1, background: 2 };

/** One claim in this many takes the oldest pending job whatever its class (no starvation). */
export const OLDEST_EVERY = 4;

/** Where an upload came from: over the API (a tablet) or made in-process in bulk (seeding, simulation). */
export type UploadSource = 'api' | 'bulk';

/** The class of an upload's validation job. */
export function uploadClass(revision: number, source: UploadSource): JobClass {
  if (source === 'bulk') return 'background';
  return revision > 1 ? 'revision' : 'upload';
}

/** Whether the runner's `claims`-th claim (counted from 1) takes the oldest job of any class. */
export const takesOldest = (claims: number): boolean => claims % OLDEST_EVERY === 0;
