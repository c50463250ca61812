/**
 * The tablet's periodic work paced to the app being on screen and online: the download of assignments,
 * questionnaires, profiles and returned interviews (besides the downloads at start, after a login and
 * when the network returns; CONFIG.assignmentRefresh) and the outbox's upload (client/sync/outbox-timer.ts,
 * CONFIG.outboxFlush), so a hidden tablet's radio and battery sleep. One timer at a time, chained (the next is set when a refresh ends, so two never overlap); every
 * `intervalMs` after a refresh that worked; after a failure sooner, then further apart (retryBaseMs,
 * doubled at each failure in a row, at most retryMaxMs), back to the interval after a success. While
 * the app is hidden or offline (`canRun` false) a due refresh waits: `wake()` (on `visibilitychange`,
 * and after the `online` event's own download) runs it at once if it is due, and otherwise does
 * nothing; a download made elsewhere (a login's, the `online` event's, "Download updates") times the
 * next from its end (`ranElsewhere`). The settings' one home is client/config.ts.
 */

export interface RefreshSchedule {
  intervalMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

/** What one refresh did: 'failed' backs off; 'ok' and 'skipped' (nothing to do now) wait the interval. */
export type RefreshResult = 'ok' | 'failed' | 'skipped';

export interface RefreshTimer {
  /** The app became visible or the network returned: runs a due refresh now. */
  wake(): void;
  /**
   * A download ran elsewhere (a login's, the `online` event's, "Download updates") with this result:
   * the next is timed from now. Ignored while the timer's own refresh runs (that download is its own).
   */
  ranElsewhere(result: RefreshResult): void;
  stop(): void;
}

/** The delay before the next refresh after `failures` failures in a row (0: the interval). */
export function nextDelay(schedule: RefreshSchedule, failures: number): number {
  if (failures === 0) return schedule.intervalMs;
  return Math.min(schedule.retryMaxMs, schedule.retryBaseMs * 2 ** (failures - 1));
}

export function startRefreshTimer(
  schedule: RefreshSchedule,
  refresh: () => Promise<RefreshResult>,
  canRun: () => boolean,
): RefreshTimer {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let due = false;
  let running = false;
  let stopped = false;

  const arm = () => {
    if (stopped) return;
    timer = setTimeout(tick, nextDelay(schedule, failures));
  };

  async function tick(): Promise<void> {
    timer = null;
    if (!canRun()) {
      due = true; // waits for wake()
      return;
    }
    due = false;
    running = true;
    let result: RefreshResult;
    try {
      result = await refresh();
    } catch {
      result = 'failed';
    }
    running = false;
    settle(result);
  }

  function settle(result: RefreshResult): void {
    failures = result === 'failed' ? failures + 1 : 0;
    arm();
  }

  arm();
  return {
    wake() {
      if (stopped || running || !due || !canRun()) return;
      void tick();
    },
    ranElsewhere(result) {
      if (stopped || running) return;
      if (timer) clearTimeout(timer);
      due = false;
      settle(result);
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

/**
 * `work` never run twice at once: a call while it runs waits for it, then runs it once more (callers
 * arriving meanwhile share that one run), so the timer, the `online` event, a login and "Download
 * updates" never download twice at once, and each caller's download starts after it asked.
 */
export function oneAtATime<T>(work: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const run = work().finally(() => {
      if (running === run) running = null;
    });
    running = run;
    return run;
  };
  return () => {
    if (!running) return start();
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return start();
      });
    return queued;
  };
}
