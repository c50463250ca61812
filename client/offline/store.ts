/** Small typed operations over the tablet's database, shared by the screens and the uploader. */

import type { Assignment } from '../../server/contract/assignments.ts';
import type { SurveyDetail } from '../../server/contract/geography.ts';
import { type AnyEnvelope, isSealed } from '../../server/contract/sealed-envelope.ts';
import { nextState } from '../sync/outbox-machine.ts';
import {
  type Draft,
  type MorabezaDb,
  type NoticeItem,
  type OutboxItem,
  outboxKey,
  questionnaireKey,
  type StoredSession,
  type SyncLogLevel,
  type Verifier,
} from './db.ts';

const SYNC_LOG_KEEP = 500;

export async function getMeta<T>(db: MorabezaDb, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMeta(db: MorabezaDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

/** A stable id for this device, minted once. */
export async function deviceId(db: MorabezaDb): Promise<string> {
  const existing = await getMeta<string>(db, 'deviceId');
  if (existing) return existing;
  const id = `tablet-${crypto.randomUUID()}`;
  await setMeta(db, 'deviceId', id);
  return id;
}

export const getSession = (db: MorabezaDb) => getMeta<StoredSession>(db, 'session');
export const setSession = (db: MorabezaDb, s: StoredSession | null) => setMeta(db, 'session', s);
export const getVerifier = (db: MorabezaDb, username: string) =>
  getMeta<Verifier>(db, `verifier:${username.toLowerCase()}`);
export const setVerifier = (db: MorabezaDb, v: Verifier) =>
  setMeta(db, `verifier:${v.username.toLowerCase()}`, v);

export async function saveQuestionnaire(
  db: MorabezaDb,
  id: string,
  version: number,
  json: Record<string, unknown>,
): Promise<void> {
  await db.questionnaires.put({
    key: questionnaireKey(id, version),
    id,
    version,
    json,
    fetchedAt: Date.now(),
  });
}

/** A survey's profile and geography, kept offline (in `meta`) for the interviews of its assignments. */
export const saveSurvey = (db: MorabezaDb, detail: SurveyDetail) =>
  setMeta(db, `survey:${detail.profile.id}`, detail);
export const getSurvey = (db: MorabezaDb, id: string) => getMeta<SurveyDetail>(db, `survey:${id}`);

export async function getQuestionnaire(db: MorabezaDb, id: string, version: number) {
  return db.questionnaires.get(questionnaireKey(id, version));
}

export async function replaceAssignments(db: MorabezaDb, list: Assignment[]): Promise<void> {
  await db.transaction('rw', db.assignments, async () => {
    await db.assignments.clear();
    await db.assignments.bulkPut(list);
  });
}

export async function saveDraft(db: MorabezaDb, draft: Draft): Promise<void> {
  await db.drafts.put({ ...draft, updatedAt: Date.now() });
}

/** Completing an interview: the draft is marked completed and its envelope queued, atomically. */
export async function queueEnvelope(db: MorabezaDb, envelope: AnyEnvelope, now = Date.now()) {
  const item: OutboxItem = {
    key: outboxKey(envelope.interviewId, envelope.revision),
    interviewId: envelope.interviewId,
    revision: envelope.revision,
    assignmentId: envelope.assignmentId,
    envelope,
    state: 'queued',
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    createdAt: now,
    updatedAt: now,
  };
  await db.transaction('rw', db.outbox, db.drafts, async () => {
    await db.outbox.put(item);
    const draft = await db.drafts.get(envelope.interviewId);
    if (draft)
      await db.drafts.put({
        ...draft,
        status: 'completed',
        completedAt: envelope.completedAt,
        updatedAt: now,
      });
  });
  return item;
}

/**
 * A rejected upload (422/413: the server stored nothing) goes back to being a draft the enumerator can
 * fix; the answers live on in the draft, so dropping the outbox copy loses nothing.
 */
export async function reopenRejected(db: MorabezaDb, key: string): Promise<string | null> {
  return db.transaction('rw', db.outbox, db.drafts, async () => {
    const item = await db.outbox.get(key);
    if (!item || nextState(item.state, 'reopen') !== 'draft') return null;
    const draft = await db.drafts.get(item.interviewId);
    if (!draft) return null;
    await db.drafts.put({
      ...draft,
      // a sealed envelope's answers are ciphertext: the draft's own (saved on every answer) are the same
      answers: isSealed(item.envelope) ? draft.answers : item.envelope.answers,
      status: 'in_progress',
      completedAt: null,
      updatedAt: Date.now(),
    });
    await db.outbox.delete(key);
    return item.interviewId;
  });
}

/**
 * Deletes a draft the enumerator chose to discard (the screen asks first), only while it was never
 * finished and nothing of it waits in the outbox; the sync log keeps that it happened, and a notice for
 * the office (assignment, interview, why: the assignment's state on the tablet) is queued in the same
 * transaction, for the uploader to send. False if refused.
 */
export async function discardDraft(db: MorabezaDb, interviewId: string, at = Date.now()): Promise<boolean> {
  return db.transaction('rw', [db.drafts, db.outbox, db.notices, db.assignments, db.syncLog], async () => {
    const draft = await db.drafts.get(interviewId);
    if (draft?.status !== 'in_progress') return false;
    const queued = await db.outbox.where('interviewId').equals(interviewId).toArray();
    if (queued.some((o) => o.state !== 'accepted')) return false;
    const assignment = await db.assignments.get(draft.assignmentId);
    await db.drafts.delete(interviewId);
    const noticeId = crypto.randomUUID();
    const notice: NoticeItem = {
      key: noticeId,
      notice: {
        noticeId,
        assignmentId: draft.assignmentId,
        interviewId,
        reason: assignment?.status === 'reassigned' ? 'reassigned' : 'cancelled',
        discardedAt: new Date(at).toISOString(),
      },
      state: 'queued',
      attempts: 0,
      nextAttemptAt: null,
      lastError: null,
      createdAt: at,
      updatedAt: at,
    };
    await db.notices.put(notice);
    await log(db, 'info', 'discarded', draft.assignmentId, interviewId, at);
    return true;
  });
}

export async function log(
  db: MorabezaDb,
  level: SyncLogLevel,
  event: string,
  detail: string | null = null,
  interviewId: string | null = null,
  at = Date.now(),
): Promise<void> {
  await db.syncLog.add({ at, level, event, detail, interviewId });
  const count = await db.syncLog.count();
  if (count > SYNC_LOG_KEEP) {
    const old = await db.syncLog
      .orderBy('at')
      .limit(count - SYNC_LOG_KEEP)
      .primaryKeys();
    await db.syncLog.bulkDelete(old);
  }
}

export async function recentLog(db: MorabezaDb, limit = 100) {
  return db.syncLog.orderBy('id').reverse().limit(limit).toArray();
}

/** Asks the browser not to evict our storage; returns whether it agreed. */
export async function persistStorage(): Promise<boolean> {
  try {
    return (await globalThis.navigator?.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

/** Storage use as a fraction of the quota, or null when the browser does not say. */
export async function storageUse(): Promise<number | null> {
  try {
    const est = await globalThis.navigator?.storage?.estimate?.();
    if (!est?.quota || est.usage === undefined) return null;
    return est.usage / est.quota;
  } catch {
    return null;
  }
}
