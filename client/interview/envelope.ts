/**
 * Completion: the draft becomes an envelope, checked against the shared zod contract; for a survey with
 * end-to-end encryption (a public key in its profile) the envelope is sealed once, before it is queued,
 * so the outbox, every retry and the server hold only the ciphertext of answers and paradata.
 */
import { type InterviewEnvelope, interviewEnvelopeSchema } from '../../server/contract/interview.ts';
import { type AnyEnvelope, sealEnvelope } from '../../server/contract/sealed-envelope.ts';
import { completeCode, type SurveyProfile } from '../../server/contract/survey-profile.ts';
import type { Draft } from '../offline/db.ts';

/**
 * The result code: the answer to the profile's outcome variable when it is one of the survey's codes;
 * otherwise (the questionnaire was finished without one) the survey's complete code, so that the
 * server's validation holds the interview to every rule.
 */
export function outcomeOf(answers: Record<string, unknown>, profile: SurveyProfile): number {
  const v = Number(answers[profile.outcome.variable]);
  return profile.outcome.codes.some((c) => c.code === v) ? v : completeCode(profile);
}

export function buildEnvelope(
  draft: Draft,
  answers: Record<string, unknown>,
  paradata: Record<string, unknown>,
  deviceId: string,
  completedAt: Date,
  profile: SurveyProfile,
): InterviewEnvelope {
  const languages = profile.languages.map((l) => l.code);
  const locale = languages.includes(draft.locale) ? draft.locale : languages[0];
  return interviewEnvelopeSchema.parse({
    interviewId: draft.interviewId,
    revision: draft.revision,
    questionnaireId: draft.questionnaireId,
    questionnaireVersion: draft.questionnaireVersion,
    assignmentId: draft.assignmentId,
    answers,
    paradata,
    outcome: outcomeOf(answers, profile),
    locale,
    startedAt: draft.startedAt,
    completedAt: completedAt.toISOString(),
    deviceId,
  });
}

/** The envelope as it is queued: sealed with the survey's public key when the survey has one. */
export async function envelopeToQueue(
  envelope: InterviewEnvelope,
  profile: SurveyProfile,
): Promise<AnyEnvelope> {
  return profile.encryption ? sealEnvelope(envelope, profile.encryption.publicKey) : envelope;
}
