/** The states of a row set's rank shared between the calling thread and the rank workers (rank-pool.ts). */
export const FREE = 0;
export const CLAIMED_BY_WORKER = 1;
export const CLAIMED_BY_CALLER = 2;
export const DONE = 3;
export const FAILED = 4;
