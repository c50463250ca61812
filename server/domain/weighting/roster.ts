/**
 * A survey's roster as the weighting needs it, from the profile (server/contract/survey-profile.ts):
 * the rows of the roster question in an interview's answers, and per row the person's age, sex, derived
 * values (`roster.derived`, SurveyJS expressions over one row, in order), whether the person is in the
 * survey population (`roster.eligible`), needs the individual interview (`individualMinAge`) and gave
 * it (`personResult.respondent` codes). Expressions run with survey-core's own ExpressionRunner, as on
 * the tablet.
 */
import { ExpressionRunner } from 'survey-core';
import type { PersonInput, Value } from '../../../analysis/weighting/index.ts';
import type { RosterProfile } from '../../contract/survey-profile.ts';

type Row = Record<string, unknown>;

/**
 * The answers key of each roster question: its valueName, else its name (several panels of a
 * questionnaire may share one roster's rows through valueName).
 */
export function rosterKeys(questionnaire: unknown): Map<string, string> {
  const keys = new Map<string, string>();
  const stack: unknown[] = [questionnaire];
  while (stack.length) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (node && typeof node === 'object') {
      const q = node as Record<string, unknown>;
      if ((q.type === 'paneldynamic' || q.type === 'matrixdynamic') && typeof q.name === 'string')
        keys.set(q.name, typeof q.valueName === 'string' ? q.valueName : q.name);
      stack.push(...Object.values(q).filter((v) => v && typeof v === 'object'));
    }
  }
  return keys;
}

/** A roster row as the weighting takes it (PersonInput without its ids). */
export type RosterPerson = Omit<PersonInput, 'id' | 'householdId'>;

const scalar = (v: unknown): Value =>
  v === null || v === undefined || v === ''
    ? null
    : typeof v === 'number'
      ? v
      : typeof v === 'string'
        ? v
        : null;

export function rosterReader(roster: RosterProfile, questionnaire: unknown) {
  const keys = rosterKeys(questionnaire);
  const rowsKey = keys.get(roster.variable) ?? roster.variable;
  const resultKey = roster.personResult
    ? (keys.get(roster.personResult.roster) ?? roster.personResult.roster)
    : null;
  const derived = Object.entries(roster.derived).map(([name, e]) => [name, new ExpressionRunner(e)] as const);
  const eligible = new ExpressionRunner(roster.eligible);
  /** The individual-interview result code of the k-th row (personResult), null when none is recorded. */
  const result = (answers: Row, k: number): number | null => {
    if (!roster.personResult || !resultKey) return null;
    const resultRows = answers[resultKey];
    const resultRow = Array.isArray(resultRows) ? (resultRows[k] as Row | undefined) : undefined;
    const v = resultRow?.[roster.personResult.variable];
    return v === null || v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v);
  };
  return {
    /** The answers keys this reader reads: the roster's rows and the person results' rows. */
    keys: [rowsKey, ...(resultKey ? [resultKey] : [])],
    /** The roster rows of one interview's answers ([] without a roster). */
    rows(answers: Row): Row[] {
      const rows = answers[rowsKey];
      return Array.isArray(rows) ? (rows as Row[]) : [];
    },
    result,
    person(answers: Row, row: Row, k: number): RosterPerson {
      const values: Row = { ...row };
      for (const [name, runner] of derived) {
        const v = runner.runValues(values);
        values[name] = v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? null : v;
      }
      const isEligible = eligible.runValues(values) === true;
      const rawAge = row[roster.age];
      const age = rawAge === null || rawAge === undefined || rawAge === '' ? null : Number(rawAge);
      const sexCode = row[roster.sex.variable];
      const sex = sexCode === roster.sex.male ? 'male' : sexCode === roster.sex.female ? 'female' : null;
      const minAge = roster.individualMinAge;
      const individual = isEligible && minAge !== null && age !== null && age >= minAge;
      const code = individual ? result(answers, k) : null;
      const respondent = code !== null && (roster.personResult?.respondent.includes(code) ?? false);
      const out: Record<string, Value> = {};
      for (const [name, v] of Object.entries(values)) {
        const s = scalar(v);
        if (s !== null) out[name] = s;
      }
      return {
        eligible: isEligible,
        sex,
        age: age !== null && Number.isFinite(age) ? age : null,
        individual,
        respondent,
        values: out,
      };
    },
  };
}
