/**
 * Throttles repeated failed logins per username and per client address: after `maxFailures` within the
 * window, further attempts are refused (429) until the window has passed. Kept in memory: a restart
 * forgets it, which only shortens a lock-out.
 */
export interface LoginThrottle {
  /** Seconds to wait, or 0 when an attempt is allowed. */
  retryAfter(keys: string[], now?: number): number;
  fail(keys: string[], now?: number): void;
  succeed(keys: string[]): void;
}

export function createLoginThrottle(maxFailures = 5, windowMs = 15 * 60_000): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const times = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
    if (times.length) failures.set(key, times);
    else failures.delete(key);
    return times;
  };
  return {
    retryAfter(keys, now = Date.now()) {
      let wait = 0;
      for (const key of keys) {
        const times = recent(key, now);
        if (times.length >= maxFailures) wait = Math.max(wait, Math.ceil((times[0] + windowMs - now) / 1000));
      }
      return wait;
    },
    fail(keys, now = Date.now()) {
      for (const key of keys) failures.set(key, [...recent(key, now), now]);
    },
    succeed(keys) {
      for (const key of keys) failures.delete(key);
    },
  };
}
