/** Tunables of the tablet app. */
export const CONFIG = {
  apiBase: '',
  requestTimeoutMs: 20_000,
  /**
   * Flush the outbox this often while the app is visible and online, as well as on start, on `online`,
   * when an interview is finished and from "sync now" (client/sync/outbox-timer.ts). Each interview's
   * own backoff is the outbox machine's, so this timer never backs off itself.
   */
  outboxFlush: { intervalMs: 60_000, retryBaseMs: 60_000, retryMaxMs: 60_000 },
  backoff: { baseMs: 3_000, maxMs: 10 * 60_000 },
  /**
   * Download assignments (and questionnaires, profiles, returned interviews) this often while the app
   * is visible and online; after a failure sooner, then further apart (client/sync/refresh-timer.ts).
   */
  assignmentRefresh: { intervalMs: 15 * 60_000, retryBaseMs: 60_000, retryMaxMs: 60 * 60_000 },
  gpsTimeoutMs: 15_000,
  /** How often the network badge asks the server (GET /api/health), and how long it waits. */
  healthIntervalMs: 30_000,
  healthTimeoutMs: 5_000,
  /** Warn the enumerator when the browser's storage is this full. */
  storageWarnFraction: 0.9,
} as const;
