/**
 * The uploader: sends queued interviews one at a time (a fresh upload before the retries, see
 * outbox-machine.ts nextToSend), deletes a copy only after a 2xx, backs off on
 * transient failures, and writes a sync log the enumerator can read. The same stored envelope (same
 * interview id and revision, same bytes) is sent on every retry, so the server's idempotency holds.
 * After the interviews it sends the notices for the office (a discarded draft), moved by the same state
 * machine and retried the same way, each with its own id so the office records it once.
 */
import type { MorabezaDb, NoticeItem, OutboxItem } from '../offline/db.ts';
import { log } from '../offline/store.ts';
import { problemNote } from '../problem-note.ts';
import type { ApiClient, ApiResult } from './api-client.ts';
import { applyEvent, type BackoffPolicy, nextToSend, type OutboxEvent } from './outbox-machine.ts';

export interface UploaderOptions {
  db: MorabezaDb;
  api: Pick<ApiClient, 'putInterview' | 'postDraftDiscard'>;
  policy?: BackoffPolicy;
  now?: () => number;
  random?: () => number;
  /** Called after every stored change, so screens can refresh. */
  onChange?: () => void;
  /** Called when the server answered 401: the session must be renewed. */
  onUnauthorized?: () => void;
  /**
   * Called after each pass that reached the server: with the failure that stopped it (a 5xx, a timeout,
   * no network, an answer that is not JSON; retried later), or null when nothing is left to retry.
   */
  onTrouble?: (failure: TransientFailure | null) => void;
  /**
   * Whether a waiting retry may be sent when its backoff ends (the app visible and online); when not,
   * it waits for wake() (the app back on screen or online) or the periodic upload's next run
   * (client/sync/outbox-timer.ts), whichever comes first. Always, when absent.
   */
  canRun?: () => boolean;
}

/** A failure the uploader retries, as the API client returned it. */
export type TransientFailure = Extract<ApiResult<unknown>, { kind: 'transient' }>;

export interface FlushSummary {
  sent: number;
  failed: number;
  stoppedBy: 'done' | 'transient' | 'unauthorized' | 'locked';
}

const LOCKED: FlushSummary = { sent: 0, failed: 0, stoppedBy: 'locked' };

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 10 * 60_000 };

export class Uploader {
  private readonly db: MorabezaDb;
  private readonly opts: UploaderOptions;
  private readonly policy: BackoffPolicy;
  private readonly now: () => number;
  private readonly random: () => number;
  private running: Promise<FlushSummary> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** When the waiting retry falls due (kept while the app is hidden or offline, for wake()); null: none. */
  private retryAt: number | null = null;

  constructor(opts: UploaderOptions) {
    this.opts = opts;
    this.db = opts.db;
    this.policy = opts.policy ?? DEFAULT_BACKOFF;
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
  }

  /** One pass over the outbox. Concurrent calls share the pass that is running. */
  flush(manual = false): Promise<FlushSummary> {
    if (this.running) return this.running;
    this.running = this.pass(manual).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** After a fresh login: items parked by a 401 go back in the queue, then flush. */
  async resumeAfterLogin(): Promise<FlushSummary> {
    if (!this.db.keyHold.unlocked) return LOCKED;
    for (const item of await this.db.outbox.where('state').equals('auth_wait').toArray()) {
      await this.apply(item, { type: 'loggedIn' });
    }
    for (const item of await this.db.notices.where('state').equals('auth_wait').toArray()) {
      await this.applyNotice(item, { type: 'loggedIn' });
    }
    return this.flush();
  }

  /** An upload cut short by a crash or closed tab is retried: nothing is assumed delivered. */
  async recoverInterrupted(): Promise<void> {
    if (!this.db.keyHold.unlocked) return;
    for (const item of await this.db.outbox.where('state').equals('sending').toArray()) {
      const next = await this.apply(item, { type: 'transient', message: 'interrupted' });
      await this.db.outbox.update(next.key, { nextAttemptAt: this.now() });
      await log(this.db, 'warn', 'interrupted', null, item.interviewId, this.now());
    }
    for (const item of await this.db.notices.where('state').equals('sending').toArray()) {
      const next = await this.applyNotice(item, { type: 'transient', message: 'interrupted' });
      await this.db.notices.update(next.key, { nextAttemptAt: this.now() });
    }
  }

  /**
   * The app is back on screen or online: a retry that fell due meanwhile (its timer found the app
   * hidden or offline, or has not fired yet) goes now, not at the periodic upload's next run (up to
   * CONFIG.outboxFlush.intervalMs later). Nothing (null) when no retry is due or the app still cannot
   * run; else the pass it started, for a caller that waits on it (the app does not).
   */
  wake(): Promise<FlushSummary> | null {
    if (this.retryAt === null || this.retryAt > this.now() || !(this.opts.canRun?.() ?? true)) return null;
    this.stop();
    return this.flush();
  }

  /** Drops the waiting retry's timer (on sign-out, retirement, and before each new one). */
  stop(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retryAt = null;
  }

  private async apply(item: OutboxItem, event: OutboxEvent): Promise<OutboxItem> {
    const next = {
      ...item,
      ...applyEvent(item, event, this.now(), this.policy, this.random),
      updatedAt: this.now(),
    };
    await this.db.outbox.put(next);
    this.opts.onChange?.();
    return next;
  }

  private async applyNotice(item: NoticeItem, event: OutboxEvent): Promise<NoticeItem> {
    const next = {
      ...item,
      ...applyEvent(item, event, this.now(), this.policy, this.random),
      updatedAt: this.now(),
    };
    await this.db.notices.put(next);
    this.opts.onChange?.();
    return next;
  }

  /**
   * The notices for the office, oldest first, after the interviews: a 2xx (first time or duplicate)
   * deletes the notice; a refusal (409, 4xx) keeps it in that state with the reason, logged; a 401 or
   * a transient failure stops the pass like an interview's.
   */
  private async sendNotices(
    manual: boolean,
  ): Promise<Pick<FlushSummary, 'stoppedBy'> & { trouble?: TransientFailure }> {
    const now = this.now();
    for (const item of await this.db.notices.where('state').equals('retry_wait').toArray()) {
      if (manual) await this.applyNotice(item, { type: 'syncNow' });
      else if ((item.nextAttemptAt ?? 0) <= now) await this.applyNotice(item, { type: 'due' });
    }
    for (const item of await this.db.notices.where('state').equals('queued').sortBy('createdAt')) {
      const sending = await this.applyNotice(item, { type: 'send' });
      const result = await this.opts.api.postDraftDiscard(sending.notice);
      const at = this.now();
      const id = item.notice.interviewId;
      if (result.kind === 'ok') {
        await this.applyNotice(sending, { type: 'accepted' });
        await this.db.notices.delete(item.key);
        await log(this.db, 'info', 'discardReported', item.notice.assignmentId, id, at);
        continue;
      }
      if (result.kind === 'conflict' || result.kind === 'rejected') {
        const detail = describeRejection(result.kind === 'rejected' ? result.status : 409, result.problem);
        await this.applyNotice(sending, { type: result.kind, message: detail });
        await log(this.db, 'error', 'discardRefused', detail, id, at);
      } else if (result.kind === 'unauthorized') {
        await this.applyNotice(sending, { type: 'unauthorized' });
        await log(this.db, 'warn', 'unauthorized', null, id, at);
        this.opts.onUnauthorized?.();
        return { stoppedBy: 'unauthorized' };
      } else {
        const waiting = await this.applyNotice(sending, { type: 'transient', message: result.message });
        const event =
          result.status === null ? (result.message === 'timeout' ? 'timeout' : 'offline') : 'serverError';
        const secs = Math.round(((waiting.nextAttemptAt ?? at) - at) / 1000);
        await log(this.db, 'warn', event, `${result.message}; retry in ${secs}s`, id, at);
        return { stoppedBy: 'transient', trouble: result };
      }
    }
    return { stoppedBy: 'done' };
  }

  private async pass(manual: boolean): Promise<FlushSummary> {
    // Locked: the outbox cannot be read (it is sealed and the key is not in memory); it waits.
    if (!this.db.keyHold.unlocked) return LOCKED;
    // The browser knows it is offline: don't burn attempts; the `online` event flushes again.
    if (!manual && globalThis.navigator?.onLine === false)
      return { sent: 0, failed: 0, stoppedBy: 'transient' };
    const now = this.now();
    for (const item of await this.db.outbox.where('state').equals('retry_wait').toArray()) {
      if (manual) await this.apply(item, { type: 'syncNow' });
      else if ((item.nextAttemptAt ?? 0) <= now) await this.apply(item, { type: 'due' });
    }
    let sent = 0;
    let failed = 0;
    let stoppedBy: FlushSummary['stoppedBy'] = 'done';
    let trouble: TransientFailure | null = null;
    const tried = new Set<string>();
    for (;;) {
      // a fresh upload before the backlog of retries (outbox-machine.ts nextToSend)
      const queued = await this.db.outbox.where('state').equals('queued').toArray();
      const item = nextToSend(queued.filter((i) => !tried.has(i.key)));
      if (!item) break;
      tried.add(item.key);
      const sending = await this.apply(item, { type: 'send' });
      const result = await this.opts.api.putInterview(sending.envelope);
      const at = this.now();
      const id = item.interviewId;
      if (result.kind === 'ok') {
        await this.apply(sending, { type: 'accepted' });
        await this.db.transaction('rw', this.db.outbox, this.db.drafts, async () => {
          await this.db.outbox.delete(item.key);
          const draft = await this.db.drafts.get(id);
          if (draft && draft.revision === item.revision)
            await this.db.drafts.update(id, { status: 'submitted' });
        });
        await log(
          this.db,
          'info',
          result.data.duplicate ? 'duplicate' : 'accepted',
          `r${item.revision}`,
          id,
          at,
        );
        sent++;
        this.opts.onChange?.();
        continue;
      }
      failed++;
      if (result.kind === 'conflict') {
        const message = result.problem?.message ?? 'conflict';
        await this.apply(sending, { type: 'conflict', message });
        await log(this.db, 'error', 'conflict', message, id, at);
      } else if (result.kind === 'rejected') {
        const detail = describeRejection(result.status, result.problem);
        await this.apply(sending, { type: 'rejected', message: detail });
        await log(this.db, 'error', result.status === 413 ? 'tooLarge' : 'rejected', detail, id, at);
      } else if (result.kind === 'unauthorized') {
        await this.apply(sending, { type: 'unauthorized' });
        await log(this.db, 'warn', 'unauthorized', null, id, at);
        stoppedBy = 'unauthorized';
        this.opts.onUnauthorized?.();
        break;
      } else {
        const waiting = await this.apply(sending, { type: 'transient', message: result.message });
        const event =
          result.status === null ? (result.message === 'timeout' ? 'timeout' : 'offline') : 'serverError';
        const secs = Math.round(((waiting.nextAttemptAt ?? at) - at) / 1000);
        await log(this.db, 'warn', event, `${result.message}; retry in ${secs}s`, id, at);
        stoppedBy = 'transient';
        trouble = result;
        break;
      }
    }
    if (stoppedBy === 'done') {
      // the summary counts interviews; a notice's trouble shows in the sync log and in stoppedBy
      const notices = await this.sendNotices(manual);
      stoppedBy = notices.stoppedBy;
      trouble = notices.trouble ?? null;
    }
    // a 401 is the session's banner, not the upload's
    if (stoppedBy !== 'unauthorized') this.opts.onTrouble?.(trouble);
    await this.scheduleRetry();
    return { sent, failed, stoppedBy };
  }

  private async scheduleRetry(): Promise<void> {
    this.stop();
    const waiting = [
      ...(await this.db.outbox.where('state').equals('retry_wait').toArray()),
      ...(await this.db.notices.where('state').equals('retry_wait').toArray()),
    ];
    const due = Math.min(...waiting.map((i) => i.nextAttemptAt ?? this.now()));
    if (!Number.isFinite(due)) return;
    // hidden or offline, the retry waits: wake() sends it when the app is back (else the periodic upload)
    this.retryAt = due;
    this.retryTimer = setTimeout(
      () => {
        this.retryTimer = null;
        if (this.opts.canRun?.() ?? true) void this.flush();
      },
      Math.max(0, due - this.now()),
    );
  }
}

function describeRejection(
  status: number,
  problem: { code: string; message: string; details?: unknown } | null,
) {
  return problem ? problemNote(problem) : `HTTP ${status}`;
}
