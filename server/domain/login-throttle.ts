/**
 * Throttling password guessing, with the counters in the database so that every API node shares them.
 * The scheme, and why:
 * - Per account, a short exponential backoff: each attempt is counted *before* the slow password hash
 *   (so 20 parallel guesses cannot all reach the hash); from the 3rd attempt in 15 minutes the account
 *   waits 1, 2, 4 ... seconds, capped at 60 s. A guesser gets a few tries a minute, while failures
 *   sent from any number of addresses can never lock the account's owner out for longer than a minute.
 *   A successful login clears the account's counter.
 * - Per client address, a limit on attempts with usernames that are not accounts (20 in 15 minutes):
 *   it slows the search for usernames without locking the real accounts used behind that address (an
 *   office's shared connection).
 * The attempt is reserved in one write transaction (read, count, decide), so parallel requests see
 * each other's counts.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { loginThrottle } from '../db/schema.ts';

export const WINDOW_MS = 15 * 60_000;
/** Attempts per account before the backoff starts, and its cap. */
export const FREE_ATTEMPTS = 2;
export const MAX_BACKOFF_MS = 60_000;
/** Attempts with unknown usernames per address and window. */
export const UNKNOWN_PER_ADDRESS = 20;

export interface LoginAttempt {
  username: string;
  address: string;
  /** Whether the username is an account (unknown ones count against the address). */
  known: boolean;
}

export interface LoginThrottle {
  /** Counts an attempt before the password is checked; seconds to wait (nothing counted) or 0. */
  admit(attempt: LoginAttempt, now?: number): Promise<number>;
  /** The password was right: the account's counter starts again. */
  succeed(username: string): Promise<void>;
}

export function createLoginThrottle(database: Database): LoginThrottle {
  return {
    admit({ username, address, known }, now = Date.now()) {
      const key = known ? `user:${username.toLowerCase()}` : `addr:${address}`;
      return database.write(async (tx) => {
        const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key));
        const fresh = !row || now - row.windowStart >= WINDOW_MS;
        if (!fresh && row.blockedUntil > now) return Math.ceil((row.blockedUntil - now) / 1000);
        const failures = fresh ? 1 : row.failures + 1;
        let blockedUntil = 0;
        if (known && failures > FREE_ATTEMPTS) {
          blockedUntil = now + Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (failures - FREE_ATTEMPTS - 1));
        }
        if (!known && failures > UNKNOWN_PER_ADDRESS) {
          return Math.ceil((row.windowStart + WINDOW_MS - now) / 1000);
        }
        const values = { failures, windowStart: fresh ? now : row.windowStart, blockedUntil };
        await tx
          .insert(loginThrottle)
          .values({ key, ...values })
          .onConflictDoUpdate({ target: loginThrottle.key, set: values });
        return 0;
      });
    },
    async succeed(username) {
      await database.write((tx) =>
        tx.delete(loginThrottle).where(eq(loginThrottle.key, `user:${username.toLowerCase()}`)),
      );
    },
  };
}

/** No throttling: for trusted in-process callers only (the demo's simulated staff). */
export const unthrottled: LoginThrottle = {
  admit: async () => 0,
  succeed: async () => {},
};
