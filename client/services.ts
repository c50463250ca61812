/** The app's singletons: the device database, the API client, the session and the uploader. */
import { CONFIG } from './config.ts';
import { openDb } from './offline/db.ts';
import { storageUse } from './offline/store.ts';
import { ApiClient } from './sync/api-client.ts';
import { type DownloadResult, downloadAll } from './sync/download.ts';
import { startOutboxTimer } from './sync/outbox-timer.ts';
import { oneAtATime, type RefreshResult, startRefreshTimer } from './sync/refresh-timer.ts';
import { afterRenewal } from './sync/renewal.ts';
import { type RetireResult, retireDevice } from './sync/retire.ts';
import { SessionManager } from './sync/session.ts';
import { syncTimers } from './sync/sync-timers.ts';
import { SyncTroubles } from './sync/sync-trouble.ts';
import { Uploader } from './sync/uploader.ts';

type Listener = () => void;
const listeners = new Set<Listener>();
export const notify = (): void => {
  for (const l of listeners) l();
};
export const subscribe = (l: Listener): (() => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export const db = openDb();
export const session: SessionManager = new SessionManager(db, () => api);
export const api = new ApiClient({
  baseUrl: CONFIG.apiBase,
  token: session.token,
  timeoutMs: CONFIG.requestTimeoutMs,
});

export const ui: { sessionExpired: boolean; storageFull: boolean; retired: RetireResult | null } = {
  sessionExpired: false,
  storageFull: false,
  retired: null,
};

/** What the background work could not do: one banner per step (client/sync-trouble-banner.tsx). */
export const troubles = new SyncTroubles(notify);

/** The app is on screen and the network is up: the periodic refresh and upload, and an upload's retry, may run. */
const visibleAndOnline = (): boolean =>
  globalThis.document?.visibilityState !== 'hidden' && globalThis.navigator?.onLine !== false;

export const uploader = new Uploader({
  db,
  api,
  policy: CONFIG.backoff,
  onChange: notify,
  onUnauthorized: () => {
    session.expire();
    void renewAndResume();
  },
  onTrouble: (failure) => (failure ? troubles.failed('upload', failure) : troubles.over('upload')),
  canRun: visibleAndOnline,
});

/**
 * On 401 or when the network returns: renew silently if we can; else ask for a login, or, when the server
 * could not be reached, say so (not "Session expired") and try again later (sync/renewal.ts).
 */
export async function renewAndResume(): Promise<void> {
  if (afterRenewal(await session.renew(), ui, troubles)) await uploader.resumeAfterLogin();
  notify();
}

/**
 * Asks the server about this tablet (an unlocked enumerator, online): a revoked tablet sends what is
 * unsent and, when nothing unsent is left, deletes its data and keys and locks (sync/retire.ts).
 */
export async function retireIfRevoked(): Promise<void> {
  if (session.user?.role !== 'enumerator' || !db.keyHold.unlocked || !session.hasValidToken()) return;
  const device = await session.deviceKey();
  if (device?.status !== 'revoked') return;
  ui.retired = await retireDevice(db, uploader, api, device.deviceId);
  if (ui.retired === 'wiped') {
    // a wiped tablet asks the server nothing more until someone signs in again
    stopSync();
    session.lock();
  }
  notify();
}

/**
 * The tablet's work (assignments, returned interviews, the outbox) is an enumerator's: staff and
 * analysts' screens never call the enumerators' endpoints (each such call was a 403 at every login).
 */
export const doesFieldwork = (): boolean => (session.user?.role ?? 'enumerator') === 'enumerator';

/**
 * Downloads assignments, questionnaires, profiles and returned interviews, and keeps its outcome as the
 * refresh's trouble (cleared by a success): a failure is never silent, and told once however often the
 * automatic refresh retries. A 401 is the session's banner (renewed if the password is in memory).
 */
export const downloadAndRecord: () => Promise<DownloadResult> = oneAtATime(downloadOnce);

/** The periodic refresh and upload: running from a sign-in (startSync) to a sign-out or retirement (stopSync). */
const timers = syncTimers({
  refresh: () => startRefreshTimer(CONFIG.assignmentRefresh, refreshIfOnline, visibleAndOnline),
  outbox: () => startOutboxTimer(uploader, visibleAndOnline),
  uploader,
});

/**
 * One download (downloadAndRecord: never two at once, whoever asks). Whoever asked (a login, the
 * `online` event, "Download updates"), the periodic refresh times its next one from here.
 */
async function downloadOnce(): Promise<DownloadResult> {
  let result: DownloadResult;
  try {
    result = await downloadAll(db, api);
  } catch (err) {
    // the tablet's storage (full, or closed) refused what came
    troubles.failed('refresh', err);
    timers.refreshRanElsewhere('failed');
    throw err;
  }
  if (result === 'ok') troubles.succeeded('refresh');
  else if (result.kind !== 'unauthorized') troubles.failed('refresh', result);
  timers.refreshRanElsewhere(result === 'ok' ? 'ok' : 'failed');
  return result;
}

/** Pull assignments, questionnaires and returned interviews when online with a valid session. */
export async function refreshIfOnline(): Promise<RefreshResult> {
  if (!doesFieldwork()) return 'skipped';
  if (globalThis.navigator?.onLine === false || !session.hasValidToken() || !db.keyHold.unlocked)
    return 'skipped';
  await retireIfRevoked();
  if (!db.keyHold.unlocked) return 'skipped';
  const result = await downloadAndRecord().catch(() => null);
  if (result !== null && result !== 'ok' && result.kind === 'unauthorized') {
    session.expire();
    await renewAndResume();
  }
  notify();
  return result === 'ok' ? 'ok' : 'failed';
}

let started = false;
/**
 * Signed in (a login, or a session restored at start): flush on start, on `online`, every
 * CONFIG.outboxFlush.intervalMs while visible and online (sync/outbox-timer.ts); "sync now" calls
 * uploader.flush(true). Download on start, on `online` and every CONFIG.assignmentRefresh.intervalMs
 * while visible and online (sync/refresh-timer.ts). Back on screen, what fell due meanwhile (a periodic
 * run, an upload's retry) runs at once. The timers run until stopSync; the start's work and the event
 * listeners are set up once per page.
 */
export function startSync(): void {
  timers.start();
  if (started) return;
  started = true;
  void (async () => {
    await uploader.recoverInterrupted();
    if (!session.hasValidToken()) await renewAndResume();
    await uploader.resumeAfterLogin();
    await refreshIfOnline();
    const use = await storageUse();
    ui.storageFull = use !== null && use > CONFIG.storageWarnFraction;
    notify();
  })();
  globalThis.addEventListener?.('online', () => {
    // signed out or retired: the tablet asks the server nothing by itself
    if (!timers.running()) return;
    void (async () => {
      if (!session.hasValidToken()) await renewAndResume();
      // the periodic upload that fell due offline is this one; the next is timed from its end
      await uploader.flush(true).finally(() => timers.outboxRanElsewhere('ok'));
      await refreshIfOnline();
      // a periodic refresh that fell due offline: done by the download above, else tried now
      timers.wake();
    })();
  });
  globalThis.document?.addEventListener?.('visibilitychange', () => timers.wake());
}

/** Sign-out or retirement: the periodic refresh and upload and the upload's waiting retry stop until the next sign-in. */
export function stopSync(): void {
  timers.stop();
}
