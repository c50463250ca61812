/**
 * The dashboard's person stage input (dashboard-rates.ts): for each responding household, the result
 * codes of its persons needing the individual interview, read from its latest interview's roster as the
 * weighting reads it (weighting/roster.ts, with the interview's own questionnaire version: eligibility,
 * individualMinAge, the person result rows). SQL hands over only the roster's arrays of the answers, as
 * one small JSON object, so a refresh does not parse whole envelopes; an envelope SQLite cannot read
 * (sealed, or stored before the intake limits) gives null: the household is left out of the person stage.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { SurveyProfile } from '../contract/survey-profile.ts';
import type { Db } from '../db/client.ts';
import { rosterReader } from './weighting/roster.ts';

type Reader = ReturnType<typeof rosterReader>;

export interface PersonStage {
  /** SQL over the revision `lr`: the roster's arrays of its answers as a JSON object, or null. */
  rosterColumn: SQL;
  /** The persons' result codes (null: none recorded) of one interview, from `rosterColumn`'s value. */
  persons(questionnaireId: string, version: number, roster: string | null): Array<number | null> | null;
}

/** Null when the survey has no person stage (no roster, or no classed person result codes). */
export async function personStage(db: Db, profile: SurveyProfile): Promise<PersonStage | null> {
  const roster = profile.roster;
  if (!roster?.personResult?.codes.length) return null;
  const definitions = await db.all<{ questionnaire_id: string; version: number; definition: string }>(sql`
    select questionnaire_id, version, definition from questionnaire_versions
    where questionnaire_id like ${`${profile.id}-%`}`);
  const readers = new Map<string, Reader>();
  for (const d of definitions)
    readers.set(`${d.questionnaire_id}@${Number(d.version)}`, rosterReader(roster, JSON.parse(d.definition)));
  const fallback = rosterReader(roster, {});
  // every version's keys (a key with a double quote cannot be a JSON path here: not read)
  const keys = [...new Set([...readers.values(), fallback].flatMap((r) => r.keys))].filter(
    (k) => !k.includes('"'),
  );
  const pairs = keys.map((k) => sql`${k}, json_extract(lr.envelope, ${`$.answers."${k}"`})`);
  const rosterColumn = sql`(case when json_valid(lr.envelope) and json_type(lr.envelope, '$.answers') = 'object'
    then json_object(${sql.join(pairs, sql`, `)}) end)`;
  return {
    rosterColumn,
    persons(questionnaireId, version, text) {
      if (text === null) return null;
      const answers = JSON.parse(text) as Record<string, unknown>;
      const reader = readers.get(`${questionnaireId}@${version}`) ?? fallback;
      return reader
        .rows(answers)
        .flatMap((row, k) => (reader.person(answers, row, k).individual ? [reader.result(answers, k)] : []));
    },
  };
}
