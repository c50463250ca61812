/**
 * The tablet's periodic sync switch (client/sync/sync-timers.ts) on fake timers, with the real paced
 * timers (refresh-timer.ts, outbox-timer.ts) and the settings' intervals: signed in, an upload every
 * minute and a download every 15 minutes; signed out or retired (stop), no upload, no download and no
 * upload retry however long, and the app's return wakes nothing; signed in again, both run again, timed
 * from the sign-in; starting twice never doubles them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONFIG } from '../../client/config.ts';
import { startOutboxTimer } from '../../client/sync/outbox-timer.ts';
import { startRefreshTimer } from '../../client/sync/refresh-timer.ts';
import { syncTimers } from '../../client/sync/sync-timers.ts';

const MIN = 60_000;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(visible = () => true) {
  const flushes: number[] = [];
  const downloads: number[] = [];
  const uploader = { wake: vi.fn(), stop: vi.fn() };
  const timers = syncTimers({
    refresh: () =>
      startRefreshTimer(
        CONFIG.assignmentRefresh,
        async () => {
          downloads.push(Date.now());
          return 'ok';
        },
        visible,
      ),
    outbox: () =>
      startOutboxTimer(
        {
          flush: async () => {
            flushes.push(Date.now());
            return { sent: 0, failed: 0, stoppedBy: 'done' };
          },
        },
        visible,
      ),
    uploader,
  });
  return { timers, flushes, downloads, uploader };
}

describe('the periodic sync runs from sign-in to sign-out or retirement', () => {
  it('the settings: an upload every minute, a download every 15 minutes', () => {
    expect(CONFIG.outboxFlush.intervalMs).toBe(MIN);
    expect(CONFIG.assignmentRefresh.intervalMs).toBe(15 * MIN);
  });

  it('signed in: uploads every minute and downloads every 15 minutes', async () => {
    const { timers, flushes, downloads } = setup();
    const t0 = Date.now();
    timers.start();
    await vi.advanceTimersByTimeAsync(15 * MIN);
    expect(flushes).toEqual(Array.from({ length: 15 }, (_, i) => t0 + (i + 1) * MIN));
    expect(downloads).toEqual([t0 + 15 * MIN]);
    timers.stop();
  });

  it('signed out (or retired): nothing for hours, the waiting retry dropped, the return wakes nothing', async () => {
    const { timers, flushes, downloads, uploader } = setup();
    timers.start();
    await vi.advanceTimersByTimeAsync(MIN);
    expect(flushes).toHaveLength(1);
    timers.stop();
    expect(timers.running()).toBe(false);
    expect(uploader.stop).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3 * 60 * MIN);
    timers.wake(); // the app back on screen, or the network back
    await vi.advanceTimersByTimeAsync(0);
    expect(flushes).toHaveLength(1);
    expect(downloads).toHaveLength(0);
    expect(uploader.wake).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('signed in again: both run again, timed from the sign-in', async () => {
    const { timers, flushes, downloads } = setup();
    timers.start();
    await vi.advanceTimersByTimeAsync(10 * MIN);
    timers.stop();
    await vi.advanceTimersByTimeAsync(7 * MIN + 30_000);
    const signIn = Date.now();
    flushes.length = 0;
    timers.start();
    await vi.advanceTimersByTimeAsync(MIN - 1);
    expect(flushes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(15 * MIN);
    expect(flushes[0]).toBe(signIn + MIN);
    expect(downloads).toEqual([signIn + 15 * MIN]);
    timers.stop();
  });

  it('a second start (a login while signed in) does not double the timers', async () => {
    const { timers, flushes } = setup();
    timers.start();
    await vi.advanceTimersByTimeAsync(30_000);
    timers.start();
    await vi.advanceTimersByTimeAsync(4 * MIN + 30_000);
    expect(flushes).toHaveLength(5);
    expect(vi.getTimerCount()).toBe(2);
    timers.stop();
  });

  it('signed in, the return wakes the retry and the timers: a periodic run due while hidden goes at once', async () => {
    let visible = true;
    const { timers, flushes, downloads, uploader } = setup(() => visible);
    timers.start();
    visible = false;
    await vi.advanceTimersByTimeAsync(20 * MIN);
    expect(flushes).toHaveLength(0);
    expect(downloads).toHaveLength(0);
    visible = true;
    const back = Date.now();
    timers.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(uploader.wake).toHaveBeenCalledTimes(1);
    expect(flushes).toEqual([back]);
    expect(downloads).toEqual([back]);
    timers.stop();
  });
});
