/**
 * The weighting's inputs from the database, for one survey: every selected unit of the survey (the
 * households whose assignments are for its interview questionnaire) with its cluster's pi1 and listing
 * counts (E, I, U; none without a listing), its pi2 and its outcome, and the roster of the responding
 * units. The outcome classes come from the survey profile: a unit is ineligible when its outcome is an
 * AAPOR NE code (whatever the interview's review state: a unit found out of scope stays out of scope
 * while its interview is reviewed), a respondent when its outcome is an I or P code and its interview is
 * in a state the state table names for analysis (ANALYSIS_STATES), and a nonrespondent otherwise (an
 * interview still in review, returned or rejected leaves its unit a nonrespondent). An assignment with
 * several interviews is represented by one, chosen by PICK_INTERVIEW's rule. A household no listing drew
 * (pi2 null and no line of the eligible list it was drawn from: a practice or reserve household given to
 * an enumerator) is not a unit of the sample: it is listed in `skipped` and never weighted. A household a
 * listing drew (its eligible_line says so) whose pi2 is missing is a unit of the sample whose probability
 * was lost: the run fails (weighting.input, input.pi2_lost) naming every such household, since leaving it
 * out would weight the others as if it had never been selected.
 */
import type { Client } from '@libsql/client';
import {
  type PersonInput,
  type UnitInput,
  type Value,
  weightingError,
} from '../../../analysis/weighting/index.ts';
import { outcomeCodesOf } from '../../contract/survey-profile.ts';
import { ANALYSIS_STATES } from '../interview-states.ts';
import { rosterReader } from './roster.ts';
import type { WeightingSurvey } from './survey-files.ts';

export interface WeightingInputs {
  households: UnitInput[];
  persons: PersonInput[];
  skipped: string[];
  /** The answers of each responding unit (analysis states), for the tables and exports. */
  answers: Array<{ householdId: string; answers: Record<string, unknown> }>;
  /** Every interview the run read, as "interview id:revision", sorted (hashed into the run's row). */
  interviews: string[];
}

/**
 * Which interview of an assignment is the unit's, when it has several (a rejected one and its redo):
 * one in an analysis state (approved) first, then a live one (not rejected), then a rejected one; among
 * equals the one changed last, then the greatest id. Never "the first stored".
 */
const PICK_INTERVIEW = `select i2.id from interviews i2 where i2.assignment_id = a.id
      order by case when i2.status in (${ANALYSIS_STATES.map(() => '?').join(', ')}) then 0
        when i2.status <> 'rejected' then 1 else 2 end, i2.updated_at desc, i2.id desc limit 1`;

/**
 * A cancelled assignment counts only when its household has no open one for the questionnaire: such a
 * household stays a unit of the sample (a nonrespondent), and one assigned anew is read once.
 */
const NOT_REPLACED = `(a.status <> 'cancelled' or not exists (select 1 from assignments a2
      where a2.household_id = h.id and a2.questionnaire_id = a.questionnaire_id and a2.status <> 'cancelled'))`;

export async function loadWeightingInputs(client: Client, survey: WeightingSurvey): Promise<WeightingInputs> {
  const { profile } = survey;
  const query = client.execute({
    sql: `
    select h.id, h.ea_code, ea.stratum, ea.pi1, ea.certainty, h.pi2, h.eligible_line, h.hh_class,
           l.eligible, l.ineligible, l.unknown,
           i.id as interview_id, i.current_revision, i.status, i.outcome, r.envelope
    from households h
    join enumeration_areas ea on ea.code = h.ea_code
    join assignments a on a.household_id = h.id and a.questionnaire_id = ? and ${NOT_REPLACED}
    left join ea_listings l on l.ea_code = h.ea_code
    left join interviews i on i.id = (${PICK_INTERVIEW})
    left join interview_revisions r on r.interview_id = i.id and r.revision = i.current_revision
    order by h.id`,
    args: [survey.questionnaireId, ...ANALYSIS_STATES],
  });
  const rows = await query.catch((error: Error) => {
    if (/no such table/i.test(error.message))
      throw weightingError('input.no_tables', { error: error.message });
    throw error;
  });
  const responding = new Set(outcomeCodesOf(profile, 'I', 'P'));
  const ineligible = new Set(outcomeCodesOf(profile, 'NE'));
  const analysed = new Set<string>(ANALYSIS_STATES);
  const roster =
    profile.roster && survey.recipe.persons ? rosterReader(profile.roster, survey.questionnaire) : null;
  const households: UnitInput[] = [];
  const persons: PersonInput[] = [];
  const skipped: string[] = [];
  const answers: WeightingInputs['answers'] = [];
  const seen = new Set<string>();
  const interviews: string[] = [];
  const lost: Array<{ unit: string; cluster: string }> = [];
  const count = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  for (const row of rows.rows) {
    const id = String(row.id);
    if (seen.has(id)) {
      skipped.push(`${id}: more than one assignment; the first one is used`);
      continue;
    }
    seen.add(id);
    // drawn by no listing (no stage-two probability, no line of an eligible list): a practice or reserve
    // household, not a unit of the sample; its interview, if any, is not weighted (and not in the run's
    // input list). Drawn by a listing but without pi2: a unit of the sample whose probability was lost.
    if (row.pi2 === null && row.eligible_line !== null) {
      lost.push({ unit: id, cluster: String(row.ea_code) });
      continue;
    }
    if (row.pi2 === null) {
      skipped.push(`${id}: not drawn by a listing (no pi2: a practice or reserve household); not weighted`);
      continue;
    }
    if (row.interview_id !== null)
      interviews.push(`${String(row.interview_id)}:${Number(row.current_revision)}`);
    const outcome = row.outcome === null ? null : Number(row.outcome);
    const inAnalysis = analysed.has(String(row.status));
    let status: UnitInput['status'] =
      outcome !== null && ineligible.has(outcome)
        ? 'ineligible'
        : outcome !== null && inAnalysis && responding.has(outcome)
          ? 'respondent'
          : 'nonrespondent';
    let unitAnswers: Record<string, unknown> = {};
    if (status === 'respondent') {
      unitAnswers = (JSON.parse(String(row.envelope)) as { answers: Record<string, unknown> }).answers;
      if (roster && !roster.rows(unitAnswers).length) {
        skipped.push(`${id}: response without a roster; counted as nonrespondent`);
        status = 'nonrespondent';
      } else answers.push({ householdId: id, answers: unitAnswers });
    }
    const values: Record<string, Value> = { hh_class: row.hh_class === null ? null : String(row.hh_class) };
    households.push({
      id,
      cluster: String(row.ea_code),
      stratum: String(row.stratum),
      pi1: Number(row.pi1),
      pi2: Number(row.pi2),
      E: count(row.eligible),
      I: count(row.ineligible),
      U: count(row.unknown),
      certainty: Boolean(Number(row.certainty)),
      status,
      values,
    });
    if (status !== 'respondent' || !roster) continue;
    roster.rows(unitAnswers).forEach((m, k) => {
      persons.push({ id: `${id}-${k + 1}`, householdId: id, ...roster.person(unitAnswers, m, k) });
    });
  }
  if (lost.length)
    throw weightingError('input.pi2_lost', {
      units: lost.map((l) => l.unit),
      clusters: [...new Set(lost.map((l) => l.cluster))],
    });
  return { households, persons, skipped, answers, interviews: interviews.sort() };
}
