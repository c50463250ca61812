/**
 * Group commit: write work queued while a transaction is committing runs together in the next
 * transaction, and every caller is answered only after the commit that holds its writes, so one fsync
 * acknowledges many uploads. If any piece of a group fails, the group is rolled back and each piece is
 * run again in a transaction of its own, so one bad piece never takes others' writes with it. libSQL has
 * a single writer, so running writes one transaction at a time in this process loses nothing.
 */
import type { Db } from './client.ts';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type WriteWork<T> = (tx: Tx) => Promise<T>;

interface Pending {
  work: WriteWork<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export function createGroupCommit(db: Db, maxBatch = 128): <T>(work: WriteWork<T>) => Promise<T> {
  let queue: Pending[] = [];
  let running = false;

  async function runGroup(batch: Pending[]): Promise<void> {
    const values = await db.transaction(async (tx) => {
      const out: unknown[] = [];
      for (const item of batch) out.push(await item.work(tx));
      return out;
    });
    for (const [i, item] of batch.entries()) item.resolve(values[i]);
  }

  async function runAlone(item: Pending): Promise<void> {
    try {
      item.resolve(await db.transaction((tx) => item.work(tx)));
    } catch (error) {
      item.reject(error);
    }
  }

  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  async function drain(): Promise<void> {
    // let the event loop read every request that has arrived before the group is closed: the database
    // calls are synchronous underneath, so without this each group would hold one upload
    await nextTurn();
    while (queue.length) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      if (batch.length === 1) {
        await runAlone(batch[0]);
        await nextTurn();
        continue;
      }
      try {
        const t0 = performance.now();
        await runGroup(batch);
        if (process.env.GC_DEBUG)
          console.error(`group ${batch.length} ${(performance.now() - t0).toFixed(1)}ms`);
      } catch {
        for (const item of batch) await runAlone(item);
      }
      await nextTurn();
    }
    running = false;
  }

  return <T>(work: WriteWork<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!running) {
        running = true;
        void drain();
      }
    });
}
