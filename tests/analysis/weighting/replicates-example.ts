/**
 * A deterministic two-stage sample for checking the JKn replicate weights against R survey
 * (tests/fixtures/weighting/replicates.R): 3 strata with 4-6 EAs each plus two certainty EAs (A0 and
 * C0: their own variance strata, households as PSUs), 5-8 selected households per EA (respondents,
 * nonrespondents, two households found ineligible, classes unknown for some), 1-4 roster members per
 * responding household (ineligible members, children under 15, individuals with and without an
 * individual interview). The draws come from a fixed-seed generator; the raw inputs are also written to
 * tests/fixtures/weighting/replicates/ (fixtureFiles, write-inputs.ts) and the test checks that they match.
 */
import {
  type LegacyControls,
  type LegacyHousehold,
  type LegacyOptions,
  type LegacyPerson,
  personsOf,
  recipeOf,
  unitsOf,
} from './legacy.ts';
import { rWeightingInputs } from './r-inputs.ts';

// Tighter than design.json ([0.3, 3], 3.5) so that trimming runs in the full sample and in most replicates
// and the g-weights reach the bounds in some replicates, while bounded raking still converges in all.
export const options: LegacyOptions = {
  collapseBelow: 5,
  bounds: [0.7, 2],
  trimFactor: 2.3,
  epsilon: 1e-12,
  maxit: 1000,
  ageBreaks: [0, 15, 30, 45],
  replicates: true,
};

/** mulberry32: a small fixed-seed generator, so that the data are the same on every machine. */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// EA listing counts (E, I, U), pi1 and the number m of selected households (pi2 = m / E).
const eas = [
  { ea: 'A0', stratum: 'A', pi1: 1, E: 14, I: 6, U: 2, m: 7, certainty: true },
  { ea: 'A1', stratum: 'A', pi1: 0.3, E: 20, I: 10, U: 3, m: 6, certainty: false },
  { ea: 'A2', stratum: 'A', pi1: 0.25, E: 16, I: 12, U: 0, m: 6, certainty: false },
  { ea: 'A3', stratum: 'A', pi1: 0.4, E: 24, I: 8, U: 5, m: 7, certainty: false },
  { ea: 'A4', stratum: 'A', pi1: 0.12, E: 12, I: 14, U: 1, m: 5, certainty: false },
  { ea: 'B1', stratum: 'B', pi1: 0.2, E: 18, I: 9, U: 2, m: 6, certainty: false },
  { ea: 'B2', stratum: 'B', pi1: 0.35, E: 30, I: 5, U: 4, m: 8, certainty: false },
  { ea: 'B3', stratum: 'B', pi1: 0.15, E: 10, I: 10, U: 0, m: 5, certainty: false },
  { ea: 'B4', stratum: 'B', pi1: 0.25, E: 22, I: 6, U: 6, m: 6, certainty: false },
  { ea: 'B5', stratum: 'B', pi1: 0.3, E: 15, I: 15, U: 2, m: 7, certainty: false },
  { ea: 'C0', stratum: 'C', pi1: 1, E: 9, I: 4, U: 1, m: 5, certainty: true },
  { ea: 'C1', stratum: 'C', pi1: 0.2, E: 14, I: 7, U: 1, m: 6, certainty: false },
  { ea: 'C2', stratum: 'C', pi1: 0.3, E: 25, I: 10, U: 3, m: 8, certainty: false },
  { ea: 'C3', stratum: 'C', pi1: 0.1, E: 11, I: 9, U: 0, m: 5, certainty: false },
  { ea: 'C4', stratum: 'C', pi1: 0.25, E: 19, I: 5, U: 4, m: 6, certainty: false },
  { ea: 'C5', stratum: 'C', pi1: 0.35, E: 28, I: 12, U: 2, m: 7, certainty: false },
  { ea: 'C6', stratum: 'C', pi1: 0.2, E: 13, I: 13, U: 0, m: 5, certainty: false },
];

/** Households found ineligible at the interview (the listing had them eligible); C0-4 is a PSU of a certainty EA. */
const ineligible = new Set(['A2-4', 'C0-4']);

const rand = generator(20261130);
export const legacyHouseholds: LegacyHousehold[] = eas.flatMap((e) =>
  Array.from({ length: e.m }, (_, k): LegacyHousehold => {
    const id = `${e.ea}-${k + 1}`;
    const u = rand();
    const v = rand();
    const status = ineligible.has(id) ? 'ineligible' : u < 0.75 ? 'respondent' : 'nonrespondent';
    // The screener's nationality group: known for respondents (but one), unknown for ~40% of nonrespondents.
    const cls = v < 0.6 ? 'ECOWAS' : 'Other';
    const hhClass =
      status === 'ineligible' || id === 'B2-3' || (status === 'nonrespondent' && rand() < 0.4) ? null : cls;
    return {
      id,
      ea: e.ea,
      stratum: e.stratum,
      pi1: e.pi1,
      pi2: e.m / e.E,
      E: e.E,
      I: e.I,
      U: e.U,
      certainty: e.certainty,
      status,
      hhClass,
    };
  }),
);

export const legacyPersons: LegacyPerson[] = legacyHouseholds
  .filter((h) => h.status === 'respondent')
  .flatMap((h) => {
    const n = 1 + Math.floor(rand() * 4);
    return Array.from({ length: n }, (_, k): LegacyPerson => {
      const child = k > 0 && rand() < 0.3;
      const age = child ? Math.floor(rand() * 15) : 15 + Math.floor(rand() * 55);
      const eligible = k === 0 || rand() < 0.85;
      const r = rand();
      const natGroup =
        h.hhClass === 'ECOWAS'
          ? r < 0.85
            ? 'ECOWAS'
            : 'Other'
          : h.hhClass === 'Other'
            ? r < 0.6
              ? 'Europe'
              : 'Other'
            : ['ECOWAS', 'Europe', 'Other'][Math.floor(r * 3)];
      const individual = eligible && age >= 15;
      return {
        id: `${h.id}-${k + 1}`,
        householdId: h.id,
        eligible,
        sex: rand() < 0.6 ? 'male' : 'female',
        age,
        natGroup,
        individual,
        respondent: individual && rand() < 0.8,
      };
    });
  });

export const controls: LegacyControls = {
  householdsByStratum: { A: 400, B: 500, C: 600 },
  stratum: { A: 980, B: 1350, C: 1470 },
  sexAge: {
    'male:0-14': 360,
    'female:0-14': 260,
    'male:15-29': 380,
    'female:15-29': 320,
    'male:30-44': 450,
    'female:30-44': 250,
    'male:45+': 980,
    'female:45+': 800,
  },
  natGroup: { ECOWAS: 1800, Europe: 1100, Other: 900 },
};

/** The raw inputs as files (name -> content) under tests/fixtures/weighting/replicates/. */
export const fixtureFiles = (): Record<string, string> =>
  rWeightingInputs(legacyHouseholds, legacyPersons, controls, options);

/** The example as the pipeline takes it: units, persons and the recipe of the old fixed pipeline. */
export const households = unitsOf(legacyHouseholds);
export const persons = personsOf(legacyPersons);
export const recipe = recipeOf(controls, options);
