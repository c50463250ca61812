import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { newDataKey } from '../../client/offline/crypto.ts';
import type { MorabezaDb } from '../../client/offline/db.ts';
import {
  deviceId,
  getQuestionnaire,
  log,
  queueEnvelope,
  recentLog,
  saveDraft,
  saveQuestionnaire,
} from '../../client/offline/store.ts';
import { draft, envelope, unlockedDb } from './fixtures.ts';

let db: MorabezaDb;
const fresh = async () => {
  db = await unlockedDb(`test-${crypto.randomUUID()}`);
  return db;
};
afterEach(async () => {
  await db.delete();
});

describe('drafts on IndexedDB', () => {
  it('keeps every answer and the current page across a reopen of the database', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const key = await newDataKey();
    db = await unlockedDb(name, key);
    const id = crypto.randomUUID();
    await saveDraft(db, draft(id, { answers: { a: 1 }, currentPage: 0 }));
    await saveDraft(db, draft(id, { answers: { a: 1, b: 'deux' }, currentPage: 2, locale: 'fr' }));
    db.close();
    db = await unlockedDb(name, key);
    const back = await db.drafts.get(id);
    expect(back).toMatchObject({
      answers: { a: 1, b: 'deux' },
      currentPage: 2,
      locale: 'fr',
      status: 'in_progress',
    });
  });

  it('queues an envelope and marks its draft completed in one transaction', async () => {
    await fresh();
    const env = envelope();
    await saveDraft(db, draft(env.interviewId));
    const item = await queueEnvelope(db, env);
    expect(item).toMatchObject({ state: 'queued', attempts: 0, key: `${env.interviewId}#1` });
    expect((await db.outbox.get(item.key))?.envelope).toEqual(env);
    expect((await db.drafts.get(env.interviewId))?.status).toBe('completed');
  });

  it('keeps two revisions of one interview as two outbox items', async () => {
    await fresh();
    const env = envelope();
    await queueEnvelope(db, env);
    await queueEnvelope(db, { ...env, revision: 2 });
    expect(await db.outbox.count()).toBe(2);
  });

  it('mints the device id once', async () => {
    await fresh();
    const first = await deviceId(db);
    expect(first).toMatch(/^tablet-/);
    expect(await deviceId(db)).toBe(first);
  });

  it('stores questionnaire versions separately', async () => {
    await fresh();
    await saveQuestionnaire(db, 'ipei-household', 1, { title: 'v1' });
    await saveQuestionnaire(db, 'ipei-household', 2, { title: 'v2' });
    expect((await getQuestionnaire(db, 'ipei-household', 1))?.json).toEqual({ title: 'v1' });
    expect(await getQuestionnaire(db, 'ipei-household', 3)).toBeUndefined();
  });

  it('the sync log returns newest first', async () => {
    await fresh();
    await log(db, 'info', 'accepted', null, 'x', 1);
    await log(db, 'warn', 'offline', 'network', 'x', 2);
    expect((await recentLog(db)).map((e) => e.event)).toEqual(['offline', 'accepted']);
  });
});
