/**
 * Opening the sealed interviews of an end-to-end encrypted survey in the office, with the survey's
 * private key (`npm run interviews:decrypt`). Every sealed current revision of the survey is opened first;
 * if any was sealed for another key, the run stops naming those interviews and changes nothing (the wrong
 * key file was given). An envelope that fails its integrity check (tampered or damaged) is reported with
 * its id and kept sealed as it was; the others proceed. An opened envelope replaces the ciphertext in its
 * revision row (its content hash stays the hash of the bytes received, so the tablet's retry of the same
 * upload is still recognised as a duplicate), moves `sealed -> received` through the state table and gets
 * the validation job, so from here it is validated, flagged and reviewed like any interview.
 */
import { and, eq, like } from 'drizzle-orm';
import { openEnvelope, SealOpenError, sealedEnvelopeSchema } from '../contract/sealed-envelope.ts';
import type { Database } from '../db/client.ts';
import { interviewRevisions, interviews, jobs } from '../db/schema.ts';
import { JOB_PRIORITY } from '../jobs/job-priority.ts';
import { audit } from './audit.ts';
import { nextState } from './interview-states.ts';
import { VALIDATION_JOB } from './interviews.ts';

export interface DecryptReport {
  decrypted: string[];
  /** Kept sealed: the ciphertext fails its integrity check, or the opened content breaks the contract. */
  damaged: Array<{ interviewId: string; reason: string }>;
}

export class WrongKeyError extends Error {
  constructor(readonly interviewIds: string[]) {
    super(
      `the private key does not open ${interviewIds.length} sealed interview(s): ${interviewIds.join(', ')} (they were sealed for another key; nothing was changed)`,
    );
  }
}

export async function decryptSealedInterviews(
  database: Database,
  surveyId: string,
  privateKey: JsonWebKey,
): Promise<DecryptReport> {
  const rows = await database.db
    .select({
      id: interviews.id,
      revision: interviews.currentRevision,
      envelope: interviewRevisions.envelope,
    })
    .from(interviews)
    .innerJoin(
      interviewRevisions,
      and(
        eq(interviewRevisions.interviewId, interviews.id),
        eq(interviewRevisions.revision, interviews.currentRevision),
      ),
    )
    .where(and(eq(interviews.status, 'sealed'), like(interviews.questionnaireId, `${surveyId}-%`)))
    .orderBy(interviews.id);
  const opened: Array<{ id: string; revision: number; text: string }> = [];
  const damaged: DecryptReport['damaged'] = [];
  const wrongKey: string[] = [];
  for (const row of rows) {
    try {
      const sealed = sealedEnvelopeSchema.parse(JSON.parse(row.envelope));
      opened.push({ ...row, text: JSON.stringify(await openEnvelope(sealed, privateKey)) });
    } catch (error) {
      if (error instanceof SealOpenError && error.reason === 'wrong_key') wrongKey.push(row.id);
      else damaged.push({ interviewId: row.id, reason: (error as Error).message });
    }
  }
  if (wrongKey.length) throw new WrongKeyError(wrongKey);
  for (const o of opened) {
    await database.write(async (tx) => {
      await tx
        .update(interviewRevisions)
        .set({ envelope: o.text })
        .where(and(eq(interviewRevisions.interviewId, o.id), eq(interviewRevisions.revision, o.revision)));
      await tx
        .update(interviews)
        .set({ status: nextState('sealed', 'decrypt', 'system'), updatedAt: Date.now() })
        .where(and(eq(interviews.id, o.id), eq(interviews.status, 'sealed')));
      // a batch: background, but a returned interview's revision keeps the revision class
      const priority = JOB_PRIORITY[o.revision > 1 ? 'revision' : 'background'];
      await tx
        .insert(jobs)
        .values({ kind: VALIDATION_JOB, interviewId: o.id, revision: o.revision, priority });
      await audit(tx, {
        actorId: null,
        action: 'interview.decrypted',
        entityType: 'interview',
        entityId: o.id,
        details: { revision: o.revision },
      });
    });
  }
  for (const d of damaged)
    await database.write((tx) =>
      audit(tx, {
        actorId: null,
        action: 'interview.decrypt_failed',
        entityType: 'interview',
        entityId: d.interviewId,
        details: { reason: d.reason },
      }),
    );
  return { decrypted: opened.map((o) => o.id), damaged };
}
