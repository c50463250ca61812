/**
 * The validation job: checks a stored revision's answers against the exact questionnaire version with
 * survey-core running headless, and stores what it finds as flags. A complete interview (an outcome
 * of AAPOR class I in the survey's profile) must satisfy every rule; for other outcomes (partial, refused, ...) missing required answers are
 * expected and not flagged, but answers to skipped questions, unknown keys and choices outside the list
 * still are.
 */
import { and, eq } from 'drizzle-orm';
import type { InterviewEnvelope } from '../contract/interview.ts';
import { outcomeCodesOf } from '../contract/survey-profile.ts';
import type { Database } from '../db/client.ts';
import { interviewRevisions, interviews } from '../db/schema.ts';
import { nextState } from '../domain/interview-states.ts';
import { getVersion } from '../domain/questionnaires.ts';
import { surveysOf } from '../domain/surveys.ts';
import type { JobHandler } from './runner.ts';
import { storeFlags } from './store-flags.ts';
import type { ValidationThread } from './validation-thread.ts';

/** The validation job's move in the interview state table (received -> validated). */
const VALIDATED = nextState('received', 'validate', 'system');

export function validationJob(database: Database, thread: ValidationThread): JobHandler {
  const definitionOf = (id: string, version: number) => async () => {
    const found = await getVersion(database.db, id, version);
    if (!found) throw new Error(`questionnaire ${id}@${version} is not stored`);
    return found.definition;
  };

  return async (job) => {
    const revision = await database.db.query.interviewRevisions.findFirst({
      where: and(
        eq(interviewRevisions.interviewId, job.interviewId),
        eq(interviewRevisions.revision, job.revision),
      ),
    });
    if (!revision) throw new Error('the revision to validate is not stored');
    const envelope = JSON.parse(revision.envelope) as InterviewEnvelope;
    const { questionnaireId: id, questionnaireVersion: version } = envelope;
    const result = await thread.validate(`${id}@${version}`, definitionOf(id, version), envelope.answers);
    const profile = surveysOf(database).ofQuestionnaire(id);
    const complete = profile ? outcomeCodesOf(profile, 'I').includes(envelope.outcome) : true;
    const errors = complete ? result.errors : result.errors.filter((e) => e.type !== 'required');
    const found = [
      ...errors.map((e) => ({ code: `validation.${e.type}`, path: e.path, message: e.text })),
      ...result.flagged.map((f) => ({
        code: `validation.${f.reason}`,
        path: f.path,
        message: describe(f.reason),
      })),
      ...result.warnings.map((w) => ({ code: 'validation.warning', path: w.path, message: w.text })),
    ];
    const blocking = errors.length + result.flagged.length;
    return async (tx) => {
      await storeFlags(tx, job.interviewId, job.revision, 'validation', found);
      await tx
        .update(interviewRevisions)
        .set({ validationStatus: blocking ? 'flagged' : 'clean' })
        .where(
          and(
            eq(interviewRevisions.interviewId, job.interviewId),
            eq(interviewRevisions.revision, job.revision),
          ),
        );
      await tx
        .update(interviews)
        .set({ status: VALIDATED, updatedAt: Date.now() })
        .where(
          and(
            eq(interviews.id, job.interviewId),
            eq(interviews.currentRevision, job.revision),
            eq(interviews.status, 'received'),
          ),
        );
    };
  };
}

function describe(reason: string): string {
  switch (reason) {
    case 'answered-but-hidden':
      return 'An answer was recorded for a question that the skip rules hide.';
    case 'unknown-question':
      return 'The answers contain a key that is not a question of this questionnaire version.';
    case 'choice-not-in-list':
      return 'The answer is not one of the question’s choices.';
    default:
      return reason;
  }
}
