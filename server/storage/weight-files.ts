/**
 * Writes the weight files (CSV, one column per step and replicate): the units (households, visits) with
 * their weighting variables, and, where the recipe weights persons, the roster and the individual
 * respondents with the recipe's person variables.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WeightingResult } from '../../analysis/weighting/index.ts';

const csvCell = (v: unknown) => {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(12)) : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function writeCsv(path: string, columns: string[], rows: unknown[][]) {
  const lines = [columns.join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  writeFileSync(path, `${lines.join('\n')}\n`);
}

export function writeWeightFiles(result: WeightingResult, dir: string, survey: string): string[] {
  const R = result.replicates.hh.length;
  const rep = (prefix: string) => Array.from({ length: R }, (_, r) => `${prefix}${r + 1}`);
  const unitVars = [...new Set(result.households.flatMap((h) => Object.keys(h.values)))].sort();
  const personVars = Object.keys(result.report.recipe.variables).filter((v) =>
    result.persons.some((p) => p.values[v] !== null && p.values[v] !== undefined),
  );
  const hhCols = [
    'household_id',
    'ea',
    'stratum',
    'var_stratum',
    'psu',
    'certainty',
    'pi1',
    'pi2',
    'E',
    'I',
    'U',
    'status',
    ...unitVars,
    'w1_base',
    'w2_elig',
    'w3_hhnr',
    'w_hh',
    ...rep('repw_hh_'),
  ];
  writeCsv(
    join(dir, `${survey}-households.csv`),
    hhCols,
    result.households.map((h, i) => [
      h.id,
      h.cluster,
      h.stratum,
      h.varStratum,
      h.psu,
      h.certainty ? 1 : 0,
      h.pi1,
      h.pi2,
      h.E,
      h.I,
      h.U,
      h.status,
      ...unitVars.map((v) => h.values[v]),
      h.w1_base,
      h.w2_elig,
      h.w3_hhnr,
      h.w_hh,
      ...result.replicates.hh.map((w) => w[i]),
    ]),
  );
  if (!result.report.recipe.persons) return [`${survey}-households.csv`];
  const hhOf = new Map(result.households.map((h) => [h.id, h]));
  const personCols = [
    'person_id',
    'household_id',
    'stratum',
    'var_stratum',
    'psu',
    'eligible',
    'sex',
    'age',
    ...personVars,
    'individual',
    'respondent',
    'w_hh',
    'w_roster_final',
    ...rep('repw_roster_'),
  ];
  writeCsv(
    join(dir, `${survey}-roster.csv`),
    personCols,
    result.persons.map((p, k) => {
      const h = hhOf.get(p.householdId);
      return [
        p.id,
        p.householdId,
        p.stratum,
        h?.varStratum,
        h?.psu,
        p.eligible ? 1 : 0,
        p.sex,
        p.age,
        ...personVars.map((v) => p.values[v]),
        p.individual ? 1 : 0,
        p.respondent ? 1 : 0,
        p.w_hh,
        p.eligible ? p.w_roster_final : null,
        ...result.replicates.roster.map((w) => (p.eligible ? w[k] : null)),
      ];
    }),
  );
  const indCols = [
    'person_id',
    'household_id',
    'stratum',
    'var_stratum',
    'psu',
    'sex',
    'age',
    ...personVars,
    'w_hh',
    'w4_ind',
    'w_person_final',
    ...rep('repw_person_'),
  ];
  const ind = result.persons.map((p, k) => ({ p, k })).filter(({ p }) => p.individual && p.respondent);
  writeCsv(
    join(dir, `${survey}-individuals.csv`),
    indCols,
    ind.map(({ p, k }) => {
      const h = hhOf.get(p.householdId);
      return [
        p.id,
        p.householdId,
        p.stratum,
        h?.varStratum,
        h?.psu,
        p.sex,
        p.age,
        ...personVars.map((v) => p.values[v]),
        p.w_hh,
        p.w4_ind,
        p.w_person_final,
        ...result.replicates.person.map((w) => w[k]),
      ];
    }),
  );
  return [`${survey}-households.csv`, `${survey}-roster.csv`, `${survey}-individuals.csv`];
}
