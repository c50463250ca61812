/**
 * The analysed answers as the tables and exports want them: one unit row (scalar answers) and one
 * person row per member of the profile's roster (panels sharing the roster's rows through valueName
 * count as the roster), keyed like the weighting's units (`household_id`, `person_id` = unit id + line
 * number). A column whose values are all numbers becomes numeric; a multiple answer is kept as its
 * codes joined by ";". Without a roster there are no person rows.
 *
 * A tablet stores the questionnaire's computed (expression) questions with the answers; where an
 * interview lacks one (the fieldwork simulator's do), it is computed here with survey-core's own
 * expression runner, in questionnaire order, so the roster's derived values are there for every person
 * (a member's expression reads the member's answers, and the unit's where it names them, as on the tablet).
 */
import { ExpressionRunner } from 'survey-core';
import type { Column, DataFrame } from '../../../analysis/data.ts';
import type { FlatAnswers } from '../../../analysis/tables/from-weighting.ts';

type Value = unknown;
type Row = Record<string, Value>;

interface Computed {
  name: string;
  runner: ExpressionRunner;
}

/** The expression questions of a questionnaire: at unit level, and inside the roster's panels (answers key `roster`). */
export function expressionsOf(
  questionnaire: unknown,
  roster: string | null,
): { household: Computed[]; member: Computed[] } {
  const household: Computed[] = [];
  const member: Computed[] = [];
  const walk = (node: unknown, inPanel: boolean): void => {
    if (Array.isArray(node)) for (const n of node) walk(n, inPanel);
    else if (node && typeof node === 'object') {
      const q = node as Record<string, unknown>;
      if (q.type === 'expression' && typeof q.name === 'string' && typeof q.expression === 'string') {
        const expression = q.expression.replaceAll('{panel.', '{');
        (inPanel ? member : household).push({ name: q.name, runner: new ExpressionRunner(expression) });
      }
      const panel =
        roster !== null && q.type === 'paneldynamic' && (q.valueName === roster || q.name === roster);
      for (const [key, value] of Object.entries(q)) if (key !== 'expression') walk(value, inPanel || panel);
    }
  };
  walk(questionnaire, false);
  const unique = (list: Computed[]) => list.filter((c, i) => list.findIndex((d) => d.name === c.name) === i);
  return { household: unique(household), member: unique(member) };
}

/** `row` with its missing computed values; `unit`: the unit's answers a member's expression may read (A07a's date). */
function withComputed(row: Row, computed: Computed[], unit: Row = {}): Row {
  const missing = computed.filter((c) => row[c.name] === undefined);
  if (!missing.length) return row;
  const out = { ...row };
  for (const c of missing) {
    const value = c.runner.runValues({ ...unit, ...out });
    if (value !== '' && value !== undefined && !(typeof value === 'number' && Number.isNaN(value)))
      out[c.name] = value;
  }
  return out;
}

function toColumn(values: Value[]): Column {
  const present = values.filter((v) => v !== null && v !== undefined && v !== '');
  if (present.length && present.every((v) => typeof v === 'number')) {
    return Float64Array.from(values, (v) => (typeof v === 'number' ? v : Number.NaN));
  }
  return values.map((v) =>
    v === null || v === undefined || v === '' ? null : Array.isArray(v) ? v.join(';') : String(v),
  );
}

function frame(rows: Row[], key: string, ids: string[]): DataFrame {
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

/** `roster`: the answers key of the roster's rows (the roster question's valueName or name), or null. */
export function flattenAnswers(
  interviews: Array<{ householdId: string; answers: Row }>,
  questionnaire: unknown,
  roster: string | null,
): FlatAnswers {
  const computed = expressionsOf(questionnaire, roster);
  const households = interviews.map(({ answers }) => {
    const rest = { ...answers };
    if (roster !== null) delete rest[roster];
    return withComputed(rest, computed.household);
  });
  const people: Row[] = [];
  const personIds: string[] = [];
  interviews.forEach(({ householdId, answers }, h) => {
    const rows = roster === null ? undefined : answers[roster];
    const members = Array.isArray(rows) ? (rows as Row[]) : [];
    members.forEach((m, k) => {
      people.push(withComputed(m, computed.member, households[h]));
      personIds.push(`${householdId}-${k + 1}`);
    });
  });
  return {
    households: frame(
      households,
      'household_id',
      interviews.map((i) => i.householdId),
    ),
    persons: frame(people, 'person_id', personIds),
  };
}
