/** Completion: the draft becomes an envelope, checked against the shared zod contract. */
import {
  INTERVIEW_LOCALES,
  type InterviewEnvelope,
  interviewEnvelopeSchema,
  OUTCOME_CODES,
} from '../../server/contract/interview.ts';
import type { Draft } from '../offline/db.ts';

/** Names the questionnaire may use for the disposition code; 1 (completed) when none is answered. */
const OUTCOME_FIELDS = ['z05_hh_result', 'outcome', 'result', 'disposition'];

export function outcomeOf(answers: Record<string, unknown>): number {
  for (const f of OUTCOME_FIELDS) {
    const v = Number(answers[f]);
    if ((OUTCOME_CODES as readonly number[]).includes(v)) return v;
  }
  return 1;
}

export function buildEnvelope(
  draft: Draft,
  answers: Record<string, unknown>,
  paradata: Record<string, unknown>,
  deviceId: string,
  completedAt: Date,
): InterviewEnvelope {
  const locale = (INTERVIEW_LOCALES as readonly string[]).includes(draft.locale) ? draft.locale : 'pt';
  return interviewEnvelopeSchema.parse({
    interviewId: draft.interviewId,
    revision: draft.revision,
    questionnaireId: draft.questionnaireId,
    questionnaireVersion: draft.questionnaireVersion,
    assignmentId: draft.assignmentId,
    answers,
    paradata,
    outcome: outcomeOf(answers),
    locale,
    startedAt: draft.startedAt,
    completedAt: completedAt.toISOString(),
    deviceId,
  });
}
