/**
 * What the first screen needs from IndexedDB, started when the script runs rather than after React's
 * first render: the session's restore (opening the database, importing the data key) and, when the
 * tablet reopens on an interview (the saved route), that interview's draft, questionnaire, survey and
 * device id. The reads wait on IndexedDB, so they overlap React's first render of the shell instead of
 * following it. Each is used once (App takes the restore, InterviewScreen the interview's records); a
 * later mount reads afresh. Measured by `npm run bench -- tablet` (README "What a tablet downloads").
 */
import type { ApiUser } from '../server/contract/auth.ts';
import type { SurveyDetail } from '../server/contract/geography.ts';
import { surveyOfQuestionnaire } from '../server/contract/survey-profile.ts';
import type { MessageKey } from './i18n.ts';
import type { Draft, MorabezaDb } from './offline/db.ts';
import { deviceId, getQuestionnaire, getSurvey } from './offline/store.ts';
import { db, session } from './services.ts';

export const ROUTE_KEY = 'morabeza.route';

/** An interview's records on the tablet, or the message saying which is missing. */
export type InterviewRecords =
  | {
      ok: true;
      draft: Draft;
      json: Record<string, unknown>;
      survey: SurveyDetail;
      device: string;
    }
  | { ok: false; error: MessageKey };

export async function readInterview(database: MorabezaDb, interviewId: string): Promise<InterviewRecords> {
  const draft = await database.drafts.get(interviewId);
  if (!draft) return { ok: false, error: 'interview.notFound' };
  const [q, survey, device] = await Promise.all([
    getQuestionnaire(database, draft.questionnaireId, draft.questionnaireVersion),
    getSurvey(database, surveyOfQuestionnaire(draft.questionnaireId)),
    deviceId(database),
  ]);
  if (!q || !survey) return { ok: false, error: 'assignments.noQuestionnaire' };
  return { ok: true, draft, json: q.json, survey, device };
}

function savedInterviewId(): string | null {
  try {
    const route = JSON.parse(globalThis.sessionStorage?.getItem(ROUTE_KEY) ?? '') as {
      screen?: string;
      interviewId?: string;
    };
    return route.screen === 'interview' && typeof route.interviewId === 'string' ? route.interviewId : null;
  } catch {
    return null;
  }
}

let restoring: Promise<ApiUser | null> | null = null;
let early: { interviewId: string; records: Promise<InterviewRecords> } | null = null;

/** Starts the restore and, for a reopened interview, its reads; called once, before React renders. */
export function startEarly(): void {
  restoring = session.restore();
  const interviewId = savedInterviewId();
  if (!interviewId) return;
  // a locked tablet reads nothing: the screen reads after the login
  const records = restoring.then((user) => (user ? readInterview(db, interviewId) : Promise.reject()));
  // a failed read is read again by the screen; never an unhandled rejection here
  records.catch(() => undefined);
  early = { interviewId, records };
}

/** The session's restore: the one started early, else a new one. */
export function restoreSession(): Promise<ApiUser | null> {
  const started = restoring;
  restoring = null;
  return started ?? session.restore();
}

/** The interview's records: read early for this interview (once), else read now. */
export function interviewRecords(interviewId: string): Promise<InterviewRecords> {
  const started = early?.interviewId === interviewId ? early.records : null;
  early = null;
  return (started ?? Promise.reject()).catch(() => readInterview(db, interviewId));
}
