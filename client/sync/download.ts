/**
 * Brings the server's view down to the tablet: assignments, every questionnaire version they need, the
 * profile of every survey they belong to (refreshed on each download: a profile is not versioned), and
 * interviews a supervisor returned (which become drafts of the next revision, comments attached).
 * A failed call is returned as it came (the API client's result: a 5xx, a timeout, an answer that is not
 * JSON, a 401, a problem code) with the step that failed, for the screen to tell in the app language
 * (client/error-sentence.ts); when the assignment list itself fails, the tablet's assignments are left as
 * they were. A profile that did not come, whatever the reason, is such a failure too (never 'ok'): the
 * tablet keeps the profile it had and the screen says the survey's settings were not updated.
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
import type { ApiClient, ApiResult } from './api-client.ts';
import { WITHDRAWN } from './cancelled-work.ts';

/** What a download fetches, in order: the list, questionnaires, survey profiles, returned interviews. */
export type DownloadStep = 'assignments' | 'questionnaire' | 'profile' | 'returned';
/** A call that failed, as the API client returned it, and which step it was. */
export type DownloadFailure = Exclude<ApiResult<unknown>, { kind: 'ok' }> & { step?: DownloadStep };
export type DownloadResult = 'ok' | DownloadFailure;

/** The first failure wins, except that a 401 (the session is gone) is the one to report. */
const worse = (was: DownloadResult, now: DownloadFailure): DownloadResult =>
  was === 'ok' || now.kind === 'unauthorized' ? now : was;

export async function downloadAll(db: MorabezaDb, api: ApiClient): Promise<DownloadResult> {
  const list = await api.assignments();
  if (list.kind !== 'ok') return { ...list, step: 'assignments' };
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
    else result = worse(result, { ...q, step: 'questionnaire' });
  }
  const surveys = new Set(list.data.map((a) => a.survey ?? surveyOfQuestionnaire(a.questionnaireId)));
  for (const id of surveys) {
    const s = await api.survey(id);
    // a profile that did not come leaves the one on the tablet, and the download is not a success
    if (s.kind === 'ok') await saveSurvey(db, s.data);
    else result = worse(result, { ...s, step: 'profile' });
  }
  const returned = await api.returned();
  if (returned.kind === 'ok') await bringBack(db, returned.data);
  else result = worse(result, { ...returned, step: 'returned' });
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
