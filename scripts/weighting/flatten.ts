/**
 * The approved answers as the tables and exports want them: one household row (scalar answers) and one
 * person row per roster member (the roster and the individual modules share `members`), keyed like the
 * weighting's units (`household_id`, `person_id` = household id + line number). A column whose values
 * are all numbers becomes numeric; a multiple answer is kept as its codes joined by ";".
 */
import type { Column, DataFrame } from '../../analysis/data.ts';
import type { FlatAnswers } from '../../analysis/tables/from-weighting.ts';
import { firstNationality } from './inputs.ts';

type Value = unknown;

function toColumn(values: Value[]): Column {
  const present = values.filter((v) => v !== null && v !== undefined && v !== '');
  if (present.length && present.every((v) => typeof v === 'number')) {
    return Float64Array.from(values, (v) => (typeof v === 'number' ? v : Number.NaN));
  }
  return values.map((v) =>
    v === null || v === undefined || v === '' ? null : Array.isArray(v) ? v.join(';') : String(v),
  );
}

function frame(rows: Array<Record<string, Value>>, key: string, ids: string[]): DataFrame {
  const names = new Set<string>();
  for (const row of rows)
    for (const [name, value] of Object.entries(row)) {
      const scalar = value === null || typeof value !== 'object' || Array.isArray(value);
      const flatList = !Array.isArray(value) || value.every((x) => x === null || typeof x !== 'object');
      if (scalar && flatList) names.add(name);
    }
  const out: DataFrame = { [key]: ids };
  for (const name of [...names].sort()) out[name] = toColumn(rows.map((r) => r[name]));
  return out;
}

/**
 * The roster's eligibility expressions of household.v1 (c13a_first_nationality, c13_eligible,
 * c14_individual). A tablet stores SurveyJS expression values with the answers; an interview without
 * them (the fieldwork simulator's) gets them here, by the questionnaire's own formulas.
 */
function withEligibility(m: Record<string, Value>): Record<string, Value> {
  if (m.c13a_first_nationality !== undefined) return m;
  const first = firstNationality(m);
  const eligible = first !== null && first !== 'CV' ? 1 : 0;
  const age = typeof m.c05_age === 'number' ? m.c05_age : Number.NaN;
  return {
    ...m,
    c13a_first_nationality: first,
    c13_eligible: eligible,
    c14_individual: eligible && age >= 15 ? 1 : 0,
  };
}

export function flattenAnswers(
  interviews: Array<{ householdId: string; answers: Record<string, Value> }>,
): FlatAnswers {
  const households = interviews.map(({ answers }) => {
    const { members: _members, ...rest } = answers;
    return rest;
  });
  const people: Array<Record<string, Value>> = [];
  const personIds: string[] = [];
  for (const { householdId, answers } of interviews) {
    const members = Array.isArray(answers.members) ? (answers.members as Array<Record<string, Value>>) : [];
    members.forEach((m, k) => {
      people.push(withEligibility(m));
      personIds.push(`${householdId}-${k + 1}`);
    });
  }
  return {
    households: frame(
      households,
      'household_id',
      interviews.map((i) => i.householdId),
    ),
    persons: frame(people, 'person_id', personIds),
  };
}
