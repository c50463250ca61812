/**
 * Quality flags after validation: computes a revision's quality flags (source 'quality') against the
 * other interviews of its questionnaire and replaces that revision's earlier quality flags.
 * `thenQualityFlags` wraps the validation handler so that this happens with each validation; the
 * `quality-flags` job kind recomputes on its own. Facts are cached per (interview, revision): a stored
 * revision never changes.
 */
import { sql } from 'drizzle-orm';
import type { InterviewEnvelope } from '../contract/interview.ts';
import type { Database } from '../db/client.ts';
import type { Tx } from '../db/group-commit.ts';
import { jobs } from '../db/schema.ts';
import { enumeratorFlags } from '../domain/quality/enumerator-rules.ts';
import { type Facts, factsOf } from '../domain/quality/facts.ts';
import { listedSize } from '../domain/quality/listed-size.ts';
import { type FlagDraft, interviewFlags } from '../domain/quality/rules.ts';
import { surveysOf } from '../domain/surveys.ts';
import { JOB_PRIORITY } from './job-priority.ts';
import type { JobHandler } from './runner.ts';
import { storeFlags } from './store-flags.ts';

export const QUALITY_JOB = 'quality-flags';

interface Row {
  interview_id: string;
  revision: number;
  enumerator_id: string;
  ea_code: string;
  questionnaire_id: string;
  status: string;
  received_at: number;
  centroid_lat: number | null;
  centroid_lon: number | null;
  dwelling: number;
  household: number;
  /** The cluster's listing answers (JSON), when it was listed. */
  listing: string | null;
}

const caches = new WeakMap<Database, Map<string, Facts>>();
const MAX_CACHED = 50_000;

/** Computes a revision's quality flags (reads only). */
export function qualityComputer(database: Database) {
  const cache = caches.get(database) ?? new Map<string, Facts>();
  caches.set(database, cache);
  /** Revisions whose facts could not be read, with the reason (stored revisions never change). */
  const unreadable = new Map<string, string>();
  const { db } = database;
  const select = sql`select i.id as interview_id, r.revision, i.enumerator_id, h.ea_code, i.questionnaire_id,
      i.status, r.received_at, ea.centroid_lat, ea.centroid_lon, h.dwelling, h.household,
      (select l.answers from ea_listings l where l.ea_code = h.ea_code) as listing
    from interviews i
    join interview_revisions r on r.interview_id = i.id
    join assignments a on a.id = i.assignment_id
    join households h on h.id = a.household_id
    join enumeration_areas ea on ea.code = h.ea_code`;

  /** Facts of revisions, parsed once; only revisions not cached yet are read with their EA. */
  async function facts(keys: Array<{ interview_id: string; revision: number }>): Promise<Facts[]> {
    const surveys = surveysOf(database);
    // a bound on memory: past this many revisions the cache starts again (facts are cheap to rebuild)
    if (cache.size > MAX_CACHED) cache.clear();
    const missing = keys.filter(
      (r) =>
        !cache.has(`${r.interview_id}@${r.revision}`) && !unreadable.has(`${r.interview_id}@${r.revision}`),
    );
    for (let i = 0; i < missing.length; i += 200) {
      const part = missing.slice(i, i + 200);
      const rows = await db.all<Row & { envelope: string }>(
        sql`select i.id as interview_id, r.revision, i.enumerator_id, h.ea_code, r.envelope
          from interviews i
          join interview_revisions r on r.interview_id = i.id
          join assignments a on a.id = i.assignment_id
          join households h on h.id = a.household_id
          where ${sql.join(
            part.map((r) => sql`(r.interview_id = ${r.interview_id} and r.revision = ${r.revision})`),
            sql` or `,
          )}`,
      );
      for (const m of rows) {
        // one revision whose facts cannot be read must not fail the others: it is left out (and kept
        // in `unreadable` so the revision itself is deferred, not flagged on no facts)
        const key = `${m.interview_id}@${m.revision}`;
        try {
          const env = JSON.parse(m.envelope) as InterviewEnvelope;
          const profile = surveys.ofQuestionnaire(env.questionnaireId);
          if (!profile) throw new Error(`no survey profile for questionnaire ${env.questionnaireId}`);
          cache.set(
            key,
            factsOf(
              env,
              { enumeratorId: m.enumerator_id, eaCode: m.ea_code },
              { profile, dataKey: (name) => surveys.dataKey(profile.id, name) },
            ),
          );
          unreadable.delete(key);
        } catch (error) {
          if (unreadable.size > MAX_CACHED) unreadable.clear();
          unreadable.set(key, (error as Error)?.message ?? String(error));
        }
      }
    }
    return keys.flatMap((r) => cache.get(`${r.interview_id}@${r.revision}`) ?? []);
  }

  /** The household's size as its cluster's listing recorded it, where the survey declares the item. */
  function sizeInListing(row: Row): number | null {
    const listing = row.listing ? surveysOf(database).ofQuestionnaire(row.questionnaire_id)?.listing : null;
    if (!listing || !row.listing) return null;
    try {
      const answers = JSON.parse(row.listing) as Record<string, unknown>;
      return listedSize(listing, answers, { dwelling: row.dwelling, household: row.household });
    } catch {
      return null; // a listing that does not parse has no size to compare: no flag
    }
  }

  return async function compute(interviewId: string, revision: number): Promise<FlagDraft[]> {
    const [row] = await db.all<Row>(sql`${select} where i.id = ${interviewId} and r.revision = ${revision}`);
    if (!row) throw new Error('the revision to flag is not stored');
    // one table, no joins: the rest of each peer's facts is cached by revision; a sealed peer (end-to-end
    // encrypted, not decrypted yet) has no readable facts, and its revision changes text when decrypted
    const peerKeys = await db.all<{ interview_id: string; revision: number }>(
      sql`select id as interview_id, current_revision as revision from interviews
        where questionnaire_id = ${row.questionnaire_id} and id <> ${row.interview_id}
          and status not in ('rejected', 'sealed')`,
    );
    const [self] = await facts([row]);
    if (!self) {
      throw new Error(
        `facts unreadable: ${unreadable.get(`${row.interview_id}@${row.revision}`) ?? 'unknown'}`,
      );
    }
    const peers = await facts(peerKeys);
    const centroid =
      row.centroid_lat !== null && row.centroid_lon !== null
        ? { lat: row.centroid_lat, lon: row.centroid_lon }
        : null;
    return [
      ...interviewFlags({
        self,
        peers,
        centroid,
        receivedAt: row.received_at,
        listedSize: sizeInListing(row),
      }),
      ...enumeratorFlags(self, peers),
    ];
  };
}

function store(tx: Tx, interviewId: string, revision: number, found: FlagDraft[]) {
  return storeFlags(tx, interviewId, revision, 'quality', found);
}

/** The quality-flags job kind: recomputes one revision's flags (queued when the inline run failed). */
export function qualityFlagsJob(database: Database): JobHandler {
  const compute = qualityComputer(database);
  return async (job) => {
    const found = await compute(job.interviewId, job.revision);
    return (tx) => store(tx, job.interviewId, job.revision, found);
  };
}

/**
 * Wraps the validation handler: the quality flags are computed right after validation and committed in
 * the same transaction (no extra write per upload). If computing them fails, the validation still
 * commits and a quality-flags job is queued to try again on its own.
 */
export function thenQualityFlags(
  validation: JobHandler,
  database: Database,
  log: (line: string) => void = (line) => console.error(line),
): JobHandler {
  const compute = qualityComputer(database);
  return async (job) => {
    const commit = await validation(job);
    let found: FlagDraft[] | null = null;
    try {
      found = await compute(job.interviewId, job.revision);
    } catch (error) {
      log(`quality flags for ${job.interviewId} r${job.revision} deferred: ${(error as Error).message}`);
    }
    return async (tx) => {
      await commit(tx);
      if (found) await store(tx, job.interviewId, job.revision, found);
      else {
        await tx
          .insert(jobs)
          .values({
            kind: QUALITY_JOB,
            interviewId: job.interviewId,
            revision: job.revision,
            priority: JOB_PRIORITY.background,
          })
          .onConflictDoNothing();
      }
    };
  };
}
