/**
 * The outbox's periodic upload, on the same paced timer as the assignment refresh
 * (client/sync/refresh-timer.ts): a flush every CONFIG.outboxFlush.intervalMs while the app is visible
 * and online; none while it is hidden or offline (the radio and battery sleep), and the due one at once
 * when it comes back (`wake()` on `visibilitychange`; the `online` event flushes by itself and reports
 * it with `ranElsewhere`). Nothing queued is skipped: a paused flush only waits, each interview keeps its
 * state and backoff in the outbox machine (client/sync/outbox-machine.ts), and the flush when an
 * interview is finished, "sync now" and the `online` flush do not go through this timer.
 */
import { CONFIG } from '../config.ts';
import type { RefreshSchedule, RefreshTimer } from './refresh-timer.ts';
import { startRefreshTimer } from './refresh-timer.ts';
import type { Uploader } from './uploader.ts';

export function startOutboxTimer(
  uploader: Pick<Uploader, 'flush'>,
  canRun: () => boolean,
  schedule: RefreshSchedule = CONFIG.outboxFlush,
): RefreshTimer {
  // each interview's failures back off in the outbox machine; the timer itself keeps its interval
  return startRefreshTimer(
    schedule,
    async () => {
      await uploader.flush();
      return 'ok';
    },
    canRun,
  );
}
