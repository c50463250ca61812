/**
 * The tablet's periodic sync as one switch: the assignment refresh (CONFIG.assignmentRefresh,
 * refresh-timer.ts) and the outbox's upload (CONFIG.outboxFlush, outbox-timer.ts) run while someone is
 * signed in, and stop, with the uploader's waiting retry, on sign-out and when the tablet is retired
 * (wiped), so a signed-out or wiped tablet asks the server nothing by itself; a sign-in starts them
 * again, each timed afresh from then. wake() passes the app's return (`visibilitychange`, `online`) to
 * both timers and to the uploader's retry, so whatever fell due while the app was away runs at once.
 */
import type { RefreshResult, RefreshTimer } from './refresh-timer.ts';
import type { Uploader } from './uploader.ts';

export interface SyncTimerParts {
  /** Starts the periodic assignment refresh. */
  refresh: () => RefreshTimer;
  /** Starts the periodic outbox upload. */
  outbox: () => RefreshTimer;
  uploader: Pick<Uploader, 'wake' | 'stop'>;
}

export interface SyncTimers {
  /** Signed in: starts both timers (nothing when they run already). */
  start(): void;
  /** Signed out or retired: stops both timers and the uploader's waiting retry. */
  stop(): void;
  running(): boolean;
  /** The app is back on screen or online: whatever fell due meanwhile runs now. */
  wake(): void;
  /** A download ran elsewhere (a login's, the `online` event's, "Download updates"). */
  refreshRanElsewhere(result: RefreshResult): void;
  /** An upload ran elsewhere (the `online` event's). */
  outboxRanElsewhere(result: RefreshResult): void;
}

export function syncTimers(parts: SyncTimerParts): SyncTimers {
  let timers: { refresh: RefreshTimer; outbox: RefreshTimer } | null = null;
  return {
    start() {
      timers ??= { refresh: parts.refresh(), outbox: parts.outbox() };
    },
    stop() {
      timers?.refresh.stop();
      timers?.outbox.stop();
      timers = null;
      parts.uploader.stop();
    },
    running: () => timers !== null,
    wake() {
      if (!timers) return;
      parts.uploader.wake();
      timers.refresh.wake();
      timers.outbox.wake();
    },
    refreshRanElsewhere: (result) => timers?.refresh.ranElsewhere(result),
    outboxRanElsewhere: (result) => timers?.outbox.ranElsewhere(result),
  };
}
