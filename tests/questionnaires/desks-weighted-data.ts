/**
 * The desks survey's simulated interviews as a WeightedData, for tests of its tables and exports. The
 * weights are a stand-in written out here (base 1 / pi2, nonresponse within desk, ineligibles kept into
 * the post-stratification to the register counts; JKn replicates of the final weights, visits as PSUs
 * within desks, not re-running the adjustments): the generic pipeline reading weighting.json will
 * replace them. Week 1 only: with one JKn replicate per visit, the seven tables on all four weeks (525
 * replicates) take about 70 s on the shared machine; week 1 (about 130) keeps every desk and island.
 */
import { readFileSync } from 'node:fs';
import type { DataFrame } from '../../analysis/data.ts';
import type { WeightedData } from '../../analysis/tables/weighted-data.ts';
import { loadDesks } from '../../demo/surveys/desks/frame.ts';
import { simulateDesks } from '../../demo/surveys/desks/simulate.ts';
import { flattenAnswers } from '../../server/domain/weighting/flatten.ts';

const dir = new URL('../../questionnaires/desks/', import.meta.url);
export const read = (f: string) => JSON.parse(readFileSync(new URL(f, dir), 'utf8'));
export const exit = read('exit.v1.json');
const input = loadDesks();
const sim = simulateDesks(input);
const planted = new Set(Object.values(sim.problems));
const rows = sim.envelopes
  .map((e, i) => ({ e, unit: sim.units[i] }))
  .filter(({ unit }) => !planted.has(unit.id) && unit.dwelling === 1);

function weights(): Map<string, number> {
  const out = new Map<string, number>();
  for (const desk of input.desks) {
    const mine = rows.filter(({ unit }) => unit.eaCode === desk.code);
    const base = (r: (typeof mine)[number]) => 1 / (r.unit.pi2 as number);
    const sum = (xs: typeof mine) => xs.reduce((s, r) => s + base(r), 0);
    const respondents = mine.filter(({ e }) => e.outcome === 11 || e.outcome === 12);
    const eligible = mine.filter(({ e }) => e.outcome !== 17);
    const ineligible = mine.filter(({ e }) => e.outcome === 17);
    const nr = sum(eligible) / sum(respondents);
    const g = desk.registered[0] / (nr * sum(respondents) + sum(ineligible));
    for (const r of respondents) out.set(r.unit.id as string, base(r) * nr * g);
  }
  return out;
}

export function weightedData(): WeightedData {
  const w = weights();
  const resp = rows.filter(({ unit }) => w.has(unit.id as string));
  const ids = resp.map(({ unit }) => unit.id as string);
  const desk = resp.map(({ unit }) => unit.eaCode as string);
  const flat = flattenAnswers(
    resp.map(({ e, unit }) => ({ householdId: unit.id as string, answers: e.answers })),
    exit,
    null,
  );
  const households: DataFrame = {
    ...flat.households,
    stratum: desk,
    var_stratum: desk,
    psu: ids,
    w_visit: Float64Array.from(ids, (id) => w.get(id) as number),
  };
  const repweights: string[] = [];
  const rscales: number[] = [];
  for (const code of [...new Set(desk)]) {
    const n = desk.filter((d) => d === code).length;
    ids.forEach((_id, j) => {
      if (desk[j] !== code) return;
      const name = `rw_visit_${repweights.length + 1}`;
      repweights.push(name);
      rscales.push((n - 1) / n);
      households[name] = Float64Array.from(ids, (other, i) =>
        desk[i] !== code ? (w.get(other) as number) : i === j ? 0 : ((w.get(other) as number) * n) / (n - 1),
      );
    });
  }
  const none = { weights: 'w', repweights: [] };
  return {
    meta: {
      survey: 'desks',
      questionnaire: 'desks/exit.v1',
      households: {
        file: 'visits.csv',
        id: 'household_id',
        steps: [],
        weights: { household: { weights: 'w_visit', repweights } },
      },
      persons: {
        file: 'persons.csv',
        id: 'person_id',
        householdId: 'household_id',
        steps: [],
        weights: { roster: none, individual: none },
      },
      design: { ids: 'psu', strata: 'var_stratum', type: 'JKn', scale: 1, rscales },
    },
    households,
    persons: { person_id: [], household_id: [] },
  };
}
