/**
 * Batches uploads that arrive together into one write: they are decided in one transaction (one commit,
 * one fsync) and each caller is answered after that commit. If the batch fails as a whole, every upload
 * is decided again on its own, so one bad upload never costs the others.
 */
import type { Database } from '../db/client.ts';
import type { Tx } from '../db/group-commit.ts';

interface Waiting<U, D> {
  upload: U;
  resolve: (decision: D) => void;
  reject: (error: unknown) => void;
}

export interface IntakeBatcher<U, D> {
  submit(upload: U): Promise<D>;
}

export function createIntakeBatcher<U, D>(
  database: Database,
  decideMany: (tx: Tx, uploads: U[]) => Promise<D[]>,
  decideOne: (tx: Tx, upload: U) => Promise<D>,
  maxBatch = 200,
): IntakeBatcher<U, D> {
  let waiting: Waiting<U, D>[] = [];
  let scheduled = false;

  async function flush(): Promise<void> {
    scheduled = false;
    while (waiting.length) {
      const batch = waiting.slice(0, maxBatch);
      waiting = waiting.slice(batch.length);
      try {
        const decisions = await database.write((tx) =>
          decideMany(
            tx,
            batch.map((w) => w.upload),
          ),
        );
        for (const [i, w] of batch.entries()) w.resolve(decisions[i]);
      } catch {
        await Promise.all(
          batch.map((w) => database.write((tx) => decideOne(tx, w.upload)).then(w.resolve, w.reject)),
        );
      }
    }
  }

  return {
    submit(upload: U): Promise<D> {
      return new Promise<D>((resolve, reject) => {
        waiting.push({ upload, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => void flush());
        }
      });
    },
  };
}
