/**
 * The person file's `in_individual_why` on the ipei fixture, made to hold every case (two persons moved
 * outside the survey population, three respondents made proxies): each person's code equals the one the
 * questionnaire's own flags give (c13_eligible, c14_individual, the person result 21 self / 22 proxy),
 * codes 4-5 are exactly `in_individual` = 1; R haven reads its pt value labels from the .dta and the
 * codebook has them in pt and en; the public file leaves it out.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportMicrodata } from '../../../analysis/export/bundle.ts';
import { INDIVIDUAL_WHY } from '../../../analysis/export/individual-reason.ts';
import { buildMicrodata } from '../../../analysis/export/microdata.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { data } from '../tables/helpers.ts';

const ctx = loadSurveyContext('ipei');
const base = data();
const col = (name: string) => Float64Array.from(base.persons[name] as Float64Array);
const [eligible, individual, result, roster, weight] = [
  col('c13_eligible'),
  col('c14_individual'),
  col('z05p_person_result'),
  col('w_roster_final'),
  col('w_person_final'),
];
const young = [...eligible.keys()].filter((i) => individual[i] === 0).slice(0, 1);
const refused = [...result.keys()].filter((i) => result[i] === 23).slice(0, 1);
for (const i of [...young, ...refused]) {
  eligible[i] = 0;
  individual[i] = 0;
  result[i] = Number.NaN;
  roster[i] = Number.NaN;
}
for (const i of [...result.keys()].filter((i) => result[i] === 21).slice(0, 3)) result[i] = 22;
const d = {
  ...base,
  persons: {
    ...base.persons,
    c13_eligible: eligible,
    c14_individual: individual,
    z05p_person_result: result,
    w_roster_final: roster,
    w_person_final: weight,
  },
};
// what the questionnaire's own flags say
const expected = [...eligible.keys()].map((i) =>
  eligible[i] !== 1 ? 1 : individual[i] !== 1 ? 2 : result[i] === 22 ? 4 : result[i] === 21 ? 5 : 3,
);
const m = buildMicrodata(d, ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes, {
  individual: ctx.individual,
});
const file = m.persons;

describe('in_individual_why', () => {
  it('comes from the profile (roster age, minimum age) and the tables proxy rule', () => {
    expect(ctx.individual).toEqual({
      age: 'c05_age',
      minAge: 15,
      proxy: { variable: 'z05p_person_result', values: [22] },
    });
  });

  it('gives each person the reason the questionnaire flags give, all five present', () => {
    const why = Array.from(file.columns[INDIVIDUAL_WHY] as Float64Array);
    expect(why).toEqual(expected);
    expect(new Set(why)).toEqual(new Set([1, 2, 3, 4, 5]));
    const flag = file.columns.in_individual as Float64Array;
    why.forEach((c, i) => {
      expect(flag[i] === 1, `row ${i}`).toBe(c >= 4);
    });
  });

  it('is labelled in the .dta (R haven) and in pt and en in the codebook', async () => {
    const files = await exportMicrodata(m, 'dta', { lang: 'pt', survey: 'ipei' });
    const path = join(mkdtempSync(join(tmpdir(), 'why-')), 'persons.dta');
    writeFileSync(path, files.find((f) => f.name === 'persons.dta')?.bytes as Uint8Array);
    const r = spawnSync('Rscript', ['tests/fixtures/tables/read-dta.R', path], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const v = JSON.parse(r.stdout).vars.find((x: { name: string }) => x.name === INDIVIDUAL_WHY);
    expect(v.values).toEqual(expected);
    expect(v.labels).toEqual({
      'Fora da população do inquérito': 1,
      'Abaixo da idade mínima da entrevista individual': 2,
      'Elegível, sem entrevista individual (não resposta)': 3,
      'Entrevistado por proxy': 4,
      'Entrevistado pessoalmente': 5,
    });
    const csv = await exportMicrodata(m, 'csv', { lang: 'en', survey: 'ipei' });
    const cb = JSON.parse(new TextDecoder().decode(csv.find((f) => f.name === 'codebook.json')?.bytes));
    const entry = cb.variables.find((x: { variable: string }) => x.variable === INDIVIDUAL_WHY);
    expect(entry.values[3]).toMatchObject({
      code: 4,
      pt: 'Entrevistado por proxy',
      en: 'Interviewed by proxy',
    });
  });

  it('is left out of the public file, and out of a survey without the rule', () => {
    const pub = buildMicrodata(d, ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes, {
      kind: 'public',
      publicUse: ctx.publicUse,
      publicUseKey: new Uint8Array(32).fill(7),
      individual: ctx.individual,
    });
    expect(pub.persons.columns[INDIVIDUAL_WHY]).toBeUndefined();
    const none = buildMicrodata(d, ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes);
    expect(none.persons.columns[INDIVIDUAL_WHY]).toBeUndefined();
  });
});
