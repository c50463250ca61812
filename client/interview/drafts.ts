/** Starting an interview: the tablet mints the interview id once, when the interview is created. */
import type { Assignment } from '../../server/contract/assignments.ts';
import type { Draft, MorabezaDb } from '../offline/db.ts';
import { saveDraft } from '../offline/store.ts';
import { emptyParadata } from './paradata.ts';

export async function startDraft(
  db: MorabezaDb,
  a: Assignment,
  deviceId: string,
  preloaded: Record<string, unknown>,
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
    answers: { ...preloaded },
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

/** The top-level question of a comment path: `persons[1].age` -> `persons`. */
export function commentTarget(path: string | null): string | null {
  if (!path) return null;
  return path.split(/[[.]/)[0] || null;
}

/** What the tablet knows about a rendered question, enough to place a comment at it. */
export interface RenderedQuestion {
  name: string;
  type: string;
  /** For a question inside a dynamic panel: the roster's name and the panel's index. */
  roster: { name: string; index: number } | null;
}

/**
 * Does a comment with this path belong at this rendered question? `persons[2].p_age` is shown at the
 * third panel's p_age; in a roster whose rows are not rendered as questions (a matrix), at the roster.
 */
export function commentBelongsAt(path: string | null, q: RenderedQuestion): boolean {
  if (!path) return false;
  if (q.roster) return path === `${q.roster.name}[${q.roster.index}].${q.name}`;
  if (path === q.name) return true;
  return commentTarget(path) === q.name && q.type !== 'paneldynamic';
}
