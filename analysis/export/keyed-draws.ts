/**
 * Draws decided by a secret key: the random codes of a public-use file come from a stream of
 * HMAC-SHA256(key, label || counter) blocks, so the same key (one per weighting run, kept by the
 * server and never exported) always gives the same codes, another key other codes, and nothing
 * without the key maps a code back to the id it replaces. Each label (one per code book) has its own
 * stream, so the codes of one variable do not depend on how many draws another one took.
 */
import { createHmac } from 'node:crypto';

/** A uniform integer in [0, n), drawn from the key's stream for `label`. */
export type KeyedInt = (n: number) => number;

/** The stream of uniform integers of one label under a key (rejection keeps every value equally likely). */
export function keyedInts(key: Uint8Array, label: string): KeyedInt {
  if (key.length < 16) throw new Error('the public-use key must have at least 16 bytes');
  let block = new Uint32Array(0);
  let at = 0;
  let counter = 0;
  const next = (): number => {
    if (at === block.length) {
      const mac = createHmac('sha256', key).update(`${label}\u0000${counter++}`).digest();
      block = new Uint32Array(8);
      for (let i = 0; i < 8; i++) block[i] = mac.readUInt32LE(4 * i);
      at = 0;
    }
    return block[at++];
  };
  return (n: number) => {
    const limit = Math.floor(0x100000000 / n) * n;
    for (;;) {
      const x = next();
      if (x < limit) return x % n;
    }
  };
}
