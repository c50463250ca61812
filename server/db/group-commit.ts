/**
 * Group commit: write work queued while a transaction is committing is run together in the next
 * transaction, each piece in its own savepoint, and every caller is answered only after the commit
 * that holds its writes. One fsync then acknowledges many uploads, and a failure in one piece rolls
 * back that piece alone. libSQL has a single writer, so nothing is lost by running writes one
 * transaction at a time in this process.
 */
import type { Db } from './client.ts';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type WriteWork<T> = (tx: Tx) => Promise<T>;

interface Pending {
  work: WriteWork<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export function createGroupCommit(db: Db, maxBatch = 256): <T>(work: WriteWork<T>) => Promise<T> {
  let queue: Pending[] = [];
  let running = false;

  async function drain(): Promise<void> {
    running = true;
    while (queue.length) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
      try {
        await db.transaction(async (tx) => {
          for (const item of batch) {
            try {
              outcomes.push({ ok: true, value: await tx.transaction((sp) => item.work(sp)) });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
        });
      } catch (error) {
        for (const item of batch) item.reject(error);
        continue;
      }
      batch.forEach((item, i) => {
        const outcome = outcomes[i];
        if (outcome.ok) item.resolve(outcome.value);
        else item.reject(outcome.error);
      });
    }
    running = false;
  }

  return <T>(work: WriteWork<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!running) void drain();
    });
}
