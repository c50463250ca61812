/**
 * Brings the server's view down to the tablet: assignments, every questionnaire version they need, the
 * profile of every survey they belong to (refreshed on each download: a profile is not versioned), and
 * interviews a supervisor returned (which become drafts of the next revision, comments attached).
 */
import type { ReturnedInterview } from '../../server/contract/review.ts';
import { surveyOfQuestionnaire } from '../../server/contract/survey-profile.ts';
import type { MorabezaDb } from '../offline/db.ts';
import {
  getQuestionnaire,
  replaceAssignments,
  saveDraft,
  saveQuestionnaire,
  saveSurvey,
} from '../offline/store.ts';
import type { ApiClient } from './api-client.ts';
import { WITHDRAWN } from './cancelled-work.ts';

export type DownloadResult = 'ok' | 'offline' | 'unauthorized' | 'error';

export async function downloadAll(db: MorabezaDb, api: ApiClient): Promise<DownloadResult> {
  const list = await api.assignments();
  if (list.kind === 'unauthorized') return 'unauthorized';
  if (list.kind === 'transient') return 'offline';
  if (list.kind !== 'ok') return 'error';
  await replaceAssignments(db, list.data);
  const versions = new Map<string, { id: string; version: number }>();
  // a cancelled or reassigned-away assignment is only listed for a draft already on the tablet, with its
  // questionnaire
  for (const a of list.data.filter((x) => !WITHDRAWN[x.status])) {
    versions.set(`${a.questionnaireId}@${a.questionnaireVersion}`, {
      id: a.questionnaireId,
      version: a.questionnaireVersion,
    });
  }
  let result: DownloadResult = 'ok';
  for (const { id, version } of versions.values()) {
    // A published version is frozen: once on the tablet it never needs fetching again.
    if (await getQuestionnaire(db, id, version)) continue;
    const q = await api.questionnaire(id, version);
    if (q.kind === 'ok') await saveQuestionnaire(db, id, version, q.data);
    else result = q.kind === 'unauthorized' ? 'unauthorized' : 'error';
  }
  const surveys = new Set(list.data.map((a) => a.survey ?? surveyOfQuestionnaire(a.questionnaireId)));
  for (const id of surveys) {
    const s = await api.survey(id);
    if (s.kind === 'ok') await saveSurvey(db, s.data);
    else if (s.kind === 'unauthorized') result = 'unauthorized';
    else if (s.kind !== 'transient') result = 'error';
  }
  const returned = await api.returned();
  if (returned.kind === 'ok') await bringBack(db, returned.data);
  else if (returned.kind === 'unauthorized') result = 'unauthorized';
  return result;
}

/** A returned interview becomes a draft of revision + 1, unless the tablet already has that revision. */
export async function bringBack(
  db: MorabezaDb,
  returned: ReturnedInterview[],
  now = new Date(),
): Promise<number> {
  let count = 0;
  for (const r of returned) {
    const local = await db.drafts.get(r.interviewId);
    if (local && local.revision > r.revision) continue;
    await saveDraft(db, {
      interviewId: r.interviewId,
      revision: r.revision + 1,
      assignmentId: r.assignmentId,
      questionnaireId: r.questionnaireId,
      questionnaireVersion: r.questionnaireVersion,
      answers: r.answers,
      currentPage: 0,
      locale: local?.locale ?? 'pt',
      startedAt: local?.startedAt ?? now.toISOString(),
      completedAt: null,
      paradata: local?.paradata ?? {},
      status: 'in_progress',
      comments: r.comments,
      updatedAt: now.getTime(),
    });
    count++;
  }
  return count;
}
