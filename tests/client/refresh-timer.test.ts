/**
 * The tablet's periodic assignment refresh (client/sync/refresh-timer.ts) on fake timers: every
 * interval while visible and online (the setting's default 15 minutes); none while hidden or offline,
 * and the due one at once when the app comes back (not before it is due); never two at once, however
 * long one takes; sooner after a failure and then further apart up to the cap, the interval again after
 * a success; a refresh made by the `online` event times the next; stop ends it; and downloads run one
 * at a time, a caller arriving meanwhile served by one more run after the current one.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONFIG } from '../../client/config.ts';
import {
  nextDelay,
  oneAtATime,
  type RefreshResult,
  startRefreshTimer,
} from '../../client/sync/refresh-timer.ts';

const MIN = 60_000;
const schedule = CONFIG.assignmentRefresh;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A refresh that records its calls and answers `result` (or waits for `release`). */
function refresher(result: () => RefreshResult | Promise<RefreshResult> = () => 'ok') {
  const calls: number[] = [];
  const refresh = async () => {
    calls.push(Date.now());
    return result();
  };
  return { calls, refresh };
}

describe('the periodic assignment refresh', () => {
  it('the setting: every 15 minutes, retries from 1 minute up to an hour', () => {
    expect(schedule).toEqual({ intervalMs: 15 * MIN, retryBaseMs: MIN, retryMaxMs: 60 * MIN });
    expect([0, 1, 2, 3, 4, 5, 6, 7, 12].map((n) => nextDelay(schedule, n) / MIN)).toEqual([
      15, 1, 2, 4, 8, 16, 32, 60, 60,
    ]);
  });

  it('runs every interval while visible and online, never before', async () => {
    const { calls, refresh } = refresher();
    const timer = startRefreshTimer(schedule, refresh, () => true);
    await vi.advanceTimersByTimeAsync(15 * MIN - 1);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(30 * MIN);
    expect(calls).toHaveLength(3);
    timer.stop();
    await vi.advanceTimersByTimeAsync(60 * MIN);
    expect(calls).toHaveLength(3);
  });

  it('waits while hidden or offline; coming back runs the due refresh at once, and only a due one', async () => {
    const { calls, refresh } = refresher();
    let visibleAndOnline = false;
    const timer = startRefreshTimer(schedule, refresh, () => visibleAndOnline);
    await vi.advanceTimersByTimeAsync(3 * 60 * MIN);
    expect(calls).toHaveLength(0);
    timer.wake(); // still hidden: nothing
    expect(calls).toHaveLength(0);
    visibleAndOnline = true;
    const back = Date.now();
    timer.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([back]);
    // not due again yet: waking does nothing; the next comes an interval later
    timer.wake();
    await vi.advanceTimersByTimeAsync(15 * MIN - 1);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    timer.stop();
  });

  it('never runs two at once: a refresh slower than the interval is not overlapped', async () => {
    let release: (r: RefreshResult) => void = () => undefined;
    let running = 0;
    let most = 0;
    const { calls, refresh } = refresher(async () => {
      running++;
      most = Math.max(most, running);
      const r = await new Promise<RefreshResult>((resolve) => {
        release = resolve;
      });
      running--;
      return r;
    });
    const start = Date.now();
    const timer = startRefreshTimer(schedule, refresh, () => true);
    await vi.advanceTimersByTimeAsync(15 * MIN);
    expect(calls).toHaveLength(1);
    timer.wake();
    await vi.advanceTimersByTimeAsync(60 * MIN); // the refresh hangs for an hour
    expect(calls).toHaveLength(1);
    release('ok');
    const ended = Date.now();
    await vi.advanceTimersByTimeAsync(15 * MIN);
    expect(calls).toEqual([start + 15 * MIN, ended + 15 * MIN]);
    expect(most).toBe(1);
    timer.stop();
  });

  it('backs off after failures (1, 2, 4 ... minutes up to an hour) and returns to the interval after a success', async () => {
    let result: RefreshResult = 'failed';
    const { calls, refresh } = refresher(() => result);
    const start = Date.now();
    const timer = startRefreshTimer(schedule, refresh, () => true);
    await vi.advanceTimersByTimeAsync(15 * MIN + (1 + 2 + 4 + 8 + 16 + 32 + 60 + 60) * MIN);
    const gaps = calls.map((t, i) => (t - (i ? calls[i - 1] : start)) / MIN);
    expect(gaps).toEqual([15, 1, 2, 4, 8, 16, 32, 60, 60]);
    result = 'ok';
    await vi.advanceTimersByTimeAsync(60 * MIN); // the next try succeeds
    await vi.advanceTimersByTimeAsync(15 * MIN);
    expect((calls[10] - calls[9]) / MIN).toBe(15);
    timer.stop();
  });

  it('a thrown refresh counts as a failure', async () => {
    const { calls, refresh } = refresher(() => Promise.reject(new Error('QuotaExceededError')));
    const timer = startRefreshTimer(schedule, refresh, () => true);
    await vi.advanceTimersByTimeAsync(16 * MIN);
    expect(calls).toHaveLength(2);
    timer.stop();
  });

  it("the online event's refresh times the next one from its end", async () => {
    const { calls, refresh } = refresher();
    const timer = startRefreshTimer(schedule, refresh, () => true);
    await vi.advanceTimersByTimeAsync(10 * MIN);
    timer.ranElsewhere('ok');
    await vi.advanceTimersByTimeAsync(14 * MIN);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1 * MIN);
    expect(calls).toHaveLength(1);
    timer.ranElsewhere('failed');
    await vi.advanceTimersByTimeAsync(1 * MIN);
    expect(calls).toHaveLength(2);
    timer.stop();
  });
});

describe('the periodic refresh and the downloads made elsewhere', () => {
  it("its own download's report (made while it runs) arms no second timer; a skipped refresh waits the interval", async () => {
    let report: ((r: RefreshResult) => void) | null = null;
    const { calls, refresh } = refresher(() => {
      // the download inside the refresh tells the timer, as services.ts downloadOnce does
      report?.('failed');
      return 'skipped';
    });
    const timer = startRefreshTimer(schedule, refresh, () => true);
    report = (r) => timer.ranElsewhere(r);
    await vi.advanceTimersByTimeAsync(15 * MIN);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(15 * MIN - 1);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    timer.stop();
  });
});

describe('one download at a time', () => {
  it('a caller while one runs waits for it, then one more run serves every caller that waited', async () => {
    let started = 0;
    let running = 0;
    let most = 0;
    const finishers: Array<() => void> = [];
    const download = oneAtATime(async () => {
      const n = ++started;
      running++;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => finishers.push(resolve));
      running--;
      return n;
    });
    const a = download();
    const b = download();
    const c = download();
    expect(started).toBe(1);
    finishers[0]();
    expect(await a).toBe(1);
    // b and c asked after the first began: they get a run of their own, shared
    await vi.waitFor(() => expect(started).toBe(2));
    finishers[1]();
    expect(await b).toBe(2);
    expect(await c).toBe(2);
    expect(most).toBe(1);
    // nothing running: the next call starts at once
    const d = download();
    expect(started).toBe(3);
    finishers[2]();
    expect(await d).toBe(3);
  });

  it('a failed run does not stop the one waiting', async () => {
    let n = 0;
    const download = oneAtATime(async () => {
      n++;
      await Promise.resolve();
      if (n === 1) throw new Error('offline');
      return n;
    });
    const a = download();
    const b = download();
    await expect(a).rejects.toThrow('offline');
    expect(await b).toBe(2);
  });
});
