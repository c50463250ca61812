/** Starting an interview: the tablet mints the interview id once, when the interview is created. */
import type { Assignment } from '../../server/contract/assignments.ts';
import type { Draft, MorabezaDb } from '../offline/db.ts';
import { saveDraft } from '../offline/store.ts';
import { emptyParadata } from './paradata.ts';

export async function startDraft(
  db: MorabezaDb,
  a: Assignment,
  deviceId: string,
  known: Set<string>,
  now = Date.now(),
): Promise<Draft> {
  const existing = await db.drafts.where('assignmentId').equals(a.id).first();
  if (existing) return existing;
  const draft: Draft = {
    interviewId: a.interviewId ?? crypto.randomUUID(),
    revision: 1,
    assignmentId: a.id,
    questionnaireId: a.questionnaireId,
    questionnaireVersion: a.questionnaireVersion,
    answers: Object.fromEntries(Object.entries(a.preload).filter(([k]) => known.has(k))),
    currentPage: 0,
    locale: 'pt',
    startedAt: new Date(now).toISOString(),
    completedAt: null,
    paradata: { ...emptyParadata(deviceId, now) },
    status: 'in_progress',
    comments: [],
    updatedAt: now,
  };
  await saveDraft(db, draft);
  return draft;
}

/** The question a comment points at: `members[1].age` is shown at the roster `members`. */
export function commentTarget(path: string | null): string | null {
  if (!path) return null;
  return path.split(/[[.]/)[0] || null;
}
