/**
 * A libSQL client that lets one operation at a time reach the connection. Embedded replicas (and
 * in-memory databases) have a single connection, and an open transaction holds it: without this, a
 * request that reads while another request's write transaction is open fails with TRANSACTION_ACTIVE.
 * Here it waits its turn instead.
 */
import type { Client, Transaction } from '@libsql/client';

export function serializedClient(inner: Client): Client {
  let tail: Promise<void> = Promise.resolve();
  const lock = (): Promise<() => void> => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ready = tail.then(() => release);
    tail = tail.then(() => held);
    return ready;
  };
  const exclusive =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const release = await lock();
      try {
        return await fn(...args);
      } finally {
        release();
      }
    };

  async function transaction(...args: Parameters<Client['transaction']>): Promise<Transaction> {
    const release = await lock();
    let tx: Transaction;
    try {
      tx = await inner.transaction(...args);
    } catch (error) {
      release();
      throw error;
    }
    let released = false;
    const done = () => {
      if (!released) {
        released = true;
        release();
      }
    };
    return new Proxy(tx, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop === 'commit' || prop === 'rollback') {
          return async () => {
            try {
              return await (value as () => Promise<void>).call(target);
            } finally {
              done();
            }
          };
        }
        if (prop === 'close') {
          return () => {
            try {
              (value as () => void).call(target);
            } finally {
              done();
            }
          };
        }
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  const wrapped: Partial<Client> = {
    execute: exclusive(inner.execute.bind(inner)) as Client['execute'],
    batch: exclusive(inner.batch.bind(inner)),
    migrate: exclusive(inner.migrate.bind(inner)),
    executeMultiple: exclusive(inner.executeMultiple.bind(inner)),
    sync: exclusive(inner.sync.bind(inner)),
    transaction,
  };
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop in wrapped) return wrapped[prop as keyof Client];
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
