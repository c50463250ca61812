/**
 * Simulated IPEI household interviews for checking and timing validation: the demo's fieldwork
 * simulator (planHousehold + householdAnswers) with a seed, every outcome, and, when asked, corrupted
 * copies that plant each kind of problem the validator reports (a required answer removed, a value out
 * of range, an answer to a skipped question, an unknown key, a choice code outside the list, a wrong
 * type) plus random corruptions. Deterministic from the seed: the same seed gives the same interviews.
 * The answers have the shape of the version judged (`shapeOf`): household.v1 and v2 fixtures were made
 * from v2-shaped answers, household.v3 from v3-shaped ones.
 */
import { seededUniform, seedFrom } from '../../analysis/sampling/rng.ts';
import { householdAnswers, planHousehold } from '../../demo/surveys/ipei/answers.ts';
import { loadIpeiFrame } from '../../demo/surveys/ipei/seed.ts';

type Answers = Record<string, unknown>;
type Rand = () => number;

const STRATA = ['SA', 'SV', 'SL', 'BV', 'MA', 'PR', 'ST', 'FO', 'BR', 'SN'];

/** The simulator's answer shape for a questionnaire version (v1 and v2 fixtures use the v2 shape). */
export type Shape = 2 | 3;
export const shapeOf = (version: string): Shape => (version === 'household.v3' ? 3 : 2);

/** One valid-by-construction household (any outcome) from the simulator. */
function household(r: Rand, k: number, shape: Shape): Answers {
  const { rows } = loadIpeiFrameOnce();
  const row = rows[Math.floor(r() * rows.length)];
  const preload = {
    a02_island: row.island_code,
    a03_municipality: row.municipality_iso,
    a04_ea: row.ea_id,
    a05_dwelling: 1 + (k % 200),
    a06_household: 1,
  };
  const plan = planHousehold(r, row.stratum ?? STRATA[k % STRATA.length], preload);
  return householdAnswers(r, plan, shape).answers;
}

let frame: ReturnType<typeof loadIpeiFrame> | null = null;
const loadIpeiFrameOnce = () => {
  frame ??= loadIpeiFrame();
  return frame;
};

const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** Paths to every answered leaf: top-level keys and roster cells (roster, row, key). */
function leaves(a: Answers): Array<[string] | [string, number, string]> {
  const out: Array<[string] | [string, number, string]> = [];
  for (const [key, value] of Object.entries(a)) {
    if (Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null)) {
      value.forEach((row, i) => {
        for (const name of Object.keys(row as Answers)) out.push([key, i, name]);
      });
    } else out.push([key]);
  }
  return out;
}

const WEIRD: unknown[] = [
  -1,
  0,
  1,
  2,
  3,
  7,
  98,
  99,
  150,
  -99,
  1e9,
  '',
  'x',
  'abc',
  true,
  null,
  [],
  [1, 99],
  2.5,
];

/** Values that other interviews gave: an answer to a question this interview skipped. */
const DONOR_KEYS = [
  'a09_interpreter',
  'b01_residents',
  'h03_rent',
  'c06a_birth_island',
  'c10_marital',
  'c12_in_school',
  'g14a_income_band',
  'g11_contract',
  'm02_bring_family',
  'm03_destination_region',
];

/** Plants 1 to 3 problems in a copy of `a`; `donor` supplies realistic answers of another household. */
export function corrupt(r: Rand, a: Answers, donor: Answers): Answers {
  const out = structuredClone(a);
  const n = 1 + Math.floor(r() * 3);
  for (let i = 0; i < n; i++) {
    const kind = Math.floor(r() * 8);
    const all = leaves(out);
    if (all.length === 0) break;
    const path = pick(r, all);
    const get = () =>
      path.length === 1 ? out[path[0]] : ((out[path[0]] as Answers[])[path[1]] as Answers)[path[2]];
    const set = (v: unknown) => {
      if (path.length === 1) out[path[0]] = v;
      else ((out[path[0]] as Answers[])[path[1]] as Answers)[path[2]] = v;
    };
    const remove = () => {
      if (path.length === 1) delete out[path[0]];
      else delete ((out[path[0]] as Answers[])[path[1]] as Answers)[path[2]];
    };
    switch (kind) {
      case 0: // a required answer removed
        remove();
        break;
      case 1: // out of range / outside the list / wrong type
        set(pick(r, WEIRD));
        break;
      case 2: // a numeric answer pushed off by a lot
        if (typeof get() === 'number') set((get() as number) * (r() < 0.5 ? -1 : 40) + 1);
        else set(pick(r, WEIRD));
        break;
      case 3: // an unknown key, top level or in a roster row
        if (path.length === 1 || r() < 0.5) out[`zz_unknown_${Math.floor(r() * 5)}`] = pick(r, WEIRD);
        else ((out[path[0]] as Answers[])[path[1]] as Answers)[`zz_cell_${Math.floor(r() * 3)}`] = 1;
        break;
      case 4: {
        // an answer to a question the skips hide (taken from another household or a roster row)
        const key = pick(r, DONOR_KEYS);
        const rows = donor.members as Answers[] | undefined;
        const mine = out.members as Answers[] | undefined;
        if (key in donor) out[key] = donor[key];
        else if (rows?.length && mine?.length) {
          const from = pick(r, rows);
          const to = pick(r, mine);
          const name = pick(r, Object.keys(from));
          to[name] = from[name];
        } else out[key] = pick(r, [1, 2, 3]);
        break;
      }
      case 5: {
        // a donor's whole answer block grafted on (changes skips, rosters, consent)
        const key = pick(r, Object.keys(donor));
        out[key] = structuredClone(donor[key]);
        break;
      }
      case 6: // a roster row dropped or duplicated
        if (Array.isArray(out.members) && out.members.length > 0) {
          const rows = out.members as Answers[];
          const at = Math.floor(r() * rows.length);
          if (r() < 0.5) rows.splice(at, 1);
          else rows.push(structuredClone(rows[at]));
        } else remove();
        break;
      default: // a comment key next to an answer
        out[`${path[0]}-Comment`] = 'texto';
    }
  }
  return out;
}

export interface SampleInterview {
  /** what was done: 'simulated' or 'corrupted' */
  kind: 'simulated' | 'corrupted';
  answers: Answers;
}

/** `n` interviews from `seed` in the answer `shape`: about half as simulated, half with planted problems. */
export function sampleInterviews(
  seed: number,
  n: number,
  corruptedShare = 0.5,
  shape: Shape = 2,
): SampleInterview[] {
  const r = seededUniform(seedFrom('validation-sample', seed));
  const out: SampleInterview[] = [];
  let donor: Answers = household(r, 0, shape);
  for (let k = 0; k < n; k++) {
    const answers = household(r, k + 1, shape);
    if (r() < corruptedShare) out.push({ kind: 'corrupted', answers: corrupt(r, answers, donor) });
    else out.push({ kind: 'simulated', answers });
    if (Array.isArray(answers.members)) donor = answers;
  }
  return out;
}
