/**
 * The weighting's inputs from the database: every selected household with its EA's pi1, listing
 * counts (E, I, U), pi2 and outcome, and the roster of the approved responding households (persons
 * from the approved revision's answers). Only approved interviews count as responses.
 */
import type { Client } from '@libsql/client';
import type { HouseholdInput, PersonInput } from '../../../analysis/weighting/index.ts';
import { natGroupOf } from '../../../analysis/weighting/ipei.ts';

export const APPROVED = ['approved_by_supervisor', 'approved'];
const RESPONSE = [11, 12];

type Member = Record<string, unknown>;

export function firstNationality(m: Member): string | null {
  const n1 = m.c07_nationality1 as string | undefined;
  if (m.c08_other_nationality === 1 && m.c09_first_nationality === 2)
    return (m.c08a_nationality2 as string) ?? null;
  return n1 ?? null;
}

export interface WeightingInputs {
  households: HouseholdInput[];
  persons: PersonInput[];
  skipped: string[];
  /** The approved answers of each responding household, for the tables and exports. */
  answers: Array<{ householdId: string; answers: Record<string, unknown> }>;
}

export async function loadWeightingInputs(client: Client): Promise<WeightingInputs> {
  const rows = await client.execute(`
    select h.id, h.ea_code, ea.stratum, ea.pi1, ea.certainty, h.pi2, h.hh_class,
           l.eligible, l.ineligible, l.unknown,
           i.status, i.outcome, r.envelope
    from households h
    join enumeration_areas ea on ea.code = h.ea_code
    join ea_listings l on l.ea_code = h.ea_code
    left join assignments a on a.household_id = h.id
    left join interviews i on i.assignment_id = a.id
    left join interview_revisions r on r.interview_id = i.id and r.revision = i.current_revision
    order by h.id`);
  const households: HouseholdInput[] = [];
  const persons: PersonInput[] = [];
  const skipped: string[] = [];
  const answers: Array<{ householdId: string; answers: Record<string, unknown> }> = [];
  const seen = new Set<string>();
  for (const row of rows.rows) {
    const id = String(row.id);
    if (seen.has(id)) {
      skipped.push(`${id}: more than one interview; the first one (by id) is used`);
      continue;
    }
    seen.add(id);
    const outcome = row.outcome === null ? null : Number(row.outcome);
    const approved = APPROVED.includes(String(row.status));
    const status =
      outcome === 2
        ? 'ineligible'
        : approved && outcome !== null && RESPONSE.includes(outcome)
          ? 'respondent'
          : 'nonrespondent';
    let members: Member[] = [];
    if (status === 'respondent') {
      const envelope = JSON.parse(String(row.envelope)) as { answers: { members?: Member[] } };
      members = envelope.answers.members ?? [];
      if (members.length) answers.push({ householdId: id, answers: envelope.answers });
      if (!members.length) {
        skipped.push(`${id}: approved response without a roster; counted as nonrespondent`);
      }
    }
    households.push({
      id,
      ea: String(row.ea_code),
      stratum: String(row.stratum),
      pi1: Number(row.pi1),
      pi2: Number(row.pi2),
      E: Number(row.eligible),
      I: Number(row.ineligible),
      U: Number(row.unknown),
      certainty: Boolean(Number(row.certainty)),
      status: status === 'respondent' && !members.length ? 'nonrespondent' : status,
      hhClass: row.hh_class === null ? null : String(row.hh_class),
    });
    members.forEach((m, k) => {
      const nat = firstNationality(m);
      const eligible = nat !== null && nat !== 'CV';
      const age = Number(m.c05_age);
      persons.push({
        id: `${id}-${k + 1}`,
        householdId: id,
        eligible,
        sex: m.c03_sex === 2 ? 'female' : 'male',
        age,
        natGroup: eligible ? natGroupOf(nat as string) : 'Cabo Verde',
        individual: eligible && age >= 15,
        respondent: eligible && age >= 15 && (m.z05p_person_result === 21 || m.z05p_person_result === 22),
      });
    });
  }
  return { households, persons, skipped, answers };
}
