/**
 * A tablet's interview for an assignment staff cancelled or reassigned to another enumerator: the table of what the card shows, every cell
 * (no draft or a sent one: hidden; a started draft: kept, may be finished or discarded; a finished one in
 * the outbox: kept until the server acknowledges it), and a sync on a fake IndexedDB whose list says
 * `cancelled` keeps the started draft, untouched, while a cancelled assignment never started is hidden;
 * discarding deletes only a draft never finished with nothing in the outbox, and the sync log says so.
 * A `reassigned` assignment (on the first enumerator's list) is treated the same, with its own state and
 * sentences in every app language.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_LANGUAGES, MESSAGES } from '../../client/i18n.ts';
import type { MorabezaDb } from '../../client/offline/db.ts';
import { discardDraft, saveDraft } from '../../client/offline/store.ts';
import type { ApiClient } from '../../client/sync/api-client.ts';
import {
  CANCELLED_WORK_TABLE,
  cancelledWork,
  mayDiscard,
  WITHDRAWN,
  withdrawnWords,
} from '../../client/sync/cancelled-work.ts';
import { downloadAll } from '../../client/sync/download.ts';
import { OUTBOX_STATES } from '../../client/sync/outbox-machine.ts';
import type { Assignment } from '../../server/contract/assignments.ts';
import { ASSIGNMENT_STATUSES } from '../../server/contract/vocabulary.ts';
import { draft, envelope, TEST_PROFILE, unlockedDb } from './fixtures.ts';

const assignment = (id: string, status: Assignment['status']): Assignment => ({
  id,
  survey: null,
  questionnaireId: 'q',
  questionnaireVersion: 1,
  status,
  enumeratorId: 'e1',
  ea: { code: 'CV-PR-0001', island: 'Santiago', municipality: 'Praia', stratum: 'U' },
  dwelling: 1,
  household: 1,
  preload: {},
  interviewId: null,
  changes: [],
});

describe('the cancelled-assignment table', () => {
  it('has a cell for every draft status (and none), cell by cell', () => {
    expect(CANCELLED_WORK_TABLE).toEqual({
      none: 'hidden',
      in_progress: 'draft',
      completed: 'unsent',
      submitted: 'hidden',
    });
  });

  it('treats a reassigned assignment as a cancelled one, with its own state and sentences', () => {
    for (const [draftStatus, work] of Object.entries(CANCELLED_WORK_TABLE)) {
      const d = draftStatus === 'none' ? undefined : { status: draftStatus as 'in_progress' };
      expect(cancelledWork({ status: 'reassigned' }, d, undefined), draftStatus).toBe(work);
    }
    expect(withdrawnWords({ status: 'reassigned' }, 'draft')).toEqual({
      state: 'state.reassigned',
      note: 'assignments.reassignedDraft',
    });
    expect(withdrawnWords({ status: 'reassigned' }, 'unsent')?.note).toBe('assignments.reassignedUnsent');
    expect(withdrawnWords({ status: 'cancelled' }, 'draft')?.note).toBe('assignments.cancelledDraft');
    expect(withdrawnWords({ status: 'assigned' }, null)).toBeNull();
  });

  it("says 'another enumerator' in every app language, apart from the cancelled sentence", () => {
    const other: Record<string, RegExp> = {
      en: /another enumerator/,
      pt: /outro inquiridor/,
      fr: /autre enquêteur/,
      kea: /otu inkiridor/,
    };
    for (const lang of APP_LANGUAGES) {
      const m = MESSAGES[lang];
      for (const key of Object.values(WITHDRAWN.reassigned ?? {})) {
        expect(m[key], `${lang} ${key}`).toMatch(other[lang]);
      }
      expect(m['assignments.reassignedDraft']).not.toBe(m['assignments.cancelledDraft']);
    }
  });

  it('says nothing of an assignment that is not cancelled', () => {
    for (const s of ASSIGNMENT_STATUSES.filter((x) => x !== 'cancelled')) {
      expect(cancelledWork({ status: s }, { status: 'in_progress' }, undefined), s).toBeNull();
    }
  });

  it('keeps every outbox item the server has not acknowledged, whatever the draft says', () => {
    const cancelled = { status: 'cancelled' } as const;
    const byState = Object.fromEntries(
      OUTBOX_STATES.map((s) => [s, cancelledWork(cancelled, { status: 'submitted' }, { state: s })]),
    );
    expect(byState).toEqual({
      draft: 'unsent', // a revision the server refused, reopened: finished once, never discarded
      queued: 'unsent',
      sending: 'unsent',
      accepted: 'hidden',
      conflict: 'unsent',
      rejected: 'unsent',
      retry_wait: 'unsent',
      auth_wait: 'unsent',
    });
    expect(cancelledWork(cancelled, { status: 'in_progress' }, { state: 'draft' })).toBe('unsent');
    expect(cancelledWork(cancelled, { status: 'in_progress' }, { state: 'accepted' })).toBe('draft');
  });

  it('offers discard only for a draft never finished', () => {
    expect(mayDiscard('draft')).toBe(true);
    expect(mayDiscard('unsent')).toBe(false);
    expect(mayDiscard('hidden')).toBe(false);
    expect(mayDiscard(null)).toBe(false);
  });
});

describe('discarding a draft', () => {
  let db: MorabezaDb;
  afterEach(async () => db.delete());

  it('deletes a draft never finished and logs it; refuses a finished one or one in the outbox', async () => {
    db = await unlockedDb(`test-${crypto.randomUUID()}`);
    await saveDraft(db, draft('i-1', { assignmentId: 'a-1' }));
    await saveDraft(db, draft('i-2', { assignmentId: 'a-2', status: 'completed' }));
    await saveDraft(db, draft('i-3', { assignmentId: 'a-3' }));
    await db.outbox.put({
      key: 'i-3#1',
      interviewId: 'i-3',
      revision: 1,
      assignmentId: 'a-3',
      envelope: envelope({ interviewId: 'i-3' }),
      state: 'draft',
      attempts: 1,
      nextAttemptAt: null,
      lastError: 'rejected',
      createdAt: 0,
      updatedAt: 0,
    });
    expect(await discardDraft(db, 'i-1', 5)).toBe(true);
    expect(await discardDraft(db, 'i-2')).toBe(false);
    expect(await discardDraft(db, 'i-3')).toBe(false);
    expect(await discardDraft(db, 'nope')).toBe(false);
    expect((await db.drafts.toArray()).map((d) => d.interviewId).sort()).toEqual(['i-2', 'i-3']);
    expect(await db.syncLog.toArray()).toMatchObject([
      { at: 5, level: 'info', event: 'discarded', detail: 'a-1', interviewId: 'i-1' },
    ]);
  });
});

describe('a sync that learns of a cancellation', () => {
  let db: MorabezaDb;
  afterEach(async () => db.delete());

  it('keeps the started draft and its answers; the untouched cancelled assignment is hidden', async () => {
    db = await unlockedDb(`test-${crypto.randomUUID()}`);
    await saveDraft(db, draft('i-1', { assignmentId: 'a-1', answers: { name: 'Maria' } }));
    const ok = <T>(data: T) => Promise.resolve({ kind: 'ok' as const, data });
    const api = {
      assignments: () => ok([assignment('a-1', 'cancelled'), assignment('a-2', 'cancelled')]),
      questionnaire: () => {
        throw new Error('no questionnaire is fetched for a cancelled assignment');
      },
      survey: () => ok({ profile: TEST_PROFILE, geography: null }),
      returned: () => ok([]),
    } as unknown as ApiClient;
    expect(await downloadAll(db, api)).toBe('ok');
    const kept = await db.drafts.get('i-1');
    expect(kept).toMatchObject({ status: 'in_progress', answers: { name: 'Maria' } });
    const [a1, a2] = await db.assignments.bulkGet(['a-1', 'a-2']);
    expect(cancelledWork(a1 as Assignment, kept, undefined)).toBe('draft');
    expect(cancelledWork(a2 as Assignment, undefined, undefined)).toBe('hidden');
  });

  it('keeps the started draft of an assignment reassigned to another enumerator', async () => {
    db = await unlockedDb(`test-${crypto.randomUUID()}`);
    await saveDraft(db, draft('i-1', { assignmentId: 'a-1', answers: { name: 'Maria' } }));
    const ok = <T>(data: T) => Promise.resolve({ kind: 'ok' as const, data });
    const api = {
      assignments: () => ok([assignment('a-1', 'reassigned'), assignment('a-2', 'reassigned')]),
      questionnaire: () => {
        throw new Error('no questionnaire is fetched for a reassigned-away assignment');
      },
      survey: () => ok({ profile: TEST_PROFILE, geography: null }),
      returned: () => ok([]),
    } as unknown as ApiClient;
    expect(await downloadAll(db, api)).toBe('ok');
    const kept = await db.drafts.get('i-1');
    expect(kept).toMatchObject({ status: 'in_progress', answers: { name: 'Maria' } });
    const [a1, a2] = await db.assignments.bulkGet(['a-1', 'a-2']);
    expect(cancelledWork(a1 as Assignment, kept, undefined)).toBe('draft');
    expect(cancelledWork(a2 as Assignment, undefined, undefined)).toBe('hidden');
  });
});
