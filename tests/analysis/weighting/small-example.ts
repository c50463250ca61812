/** A small hand-checkable weighting example: 2 strata x 4 EAs x 4 selected households, 1-3 persons each. */
import {
  type LegacyControls,
  type LegacyHousehold,
  type LegacyOptions,
  type LegacyPerson,
  personsOf,
  recipeOf,
  unitsOf,
} from './legacy.ts';

export const options: LegacyOptions = {
  collapseBelow: 2,
  bounds: [0.3, 3],
  trimFactor: 3.5,
  epsilon: 1e-10,
  ageBreaks: [0, 15, 40],
  replicates: true,
};

// EA listing counts (E, I, U) and pi1.
const eas = [
  { ea: 'A1', stratum: 'A', pi1: 0.5, E: 8, I: 10, U: 2 },
  { ea: 'A2', stratum: 'A', pi1: 0.25, E: 4, I: 16, U: 0 },
  { ea: 'A3', stratum: 'A', pi1: 0.25, E: 6, I: 12, U: 6 },
  { ea: 'A4', stratum: 'A', pi1: 0.5, E: 5, I: 10, U: 0 },
  { ea: 'B1', stratum: 'B', pi1: 0.4, E: 10, I: 5, U: 5 },
  { ea: 'B2', stratum: 'B', pi1: 0.2, E: 4, I: 4, U: 0 },
  { ea: 'B3', stratum: 'B', pi1: 0.5, E: 8, I: 8, U: 4 },
  { ea: 'B4', stratum: 'B', pi1: 0.4, E: 4, I: 6, U: 1 },
];
// Per EA 4 selected households (pi2 = 4 / E); status and class pattern.
const pattern: Array<[LegacyHousehold['status'], string]> = [
  ['respondent', 'x'],
  ['respondent', 'y'],
  ['nonrespondent', 'x'],
  ['respondent', 'x'],
];

export const legacyHouseholds: LegacyHousehold[] = eas.flatMap((e, j) =>
  pattern.map(([status, cls], k) => ({
    id: `${e.ea}-${k + 1}`,
    ea: e.ea,
    stratum: e.stratum,
    pi1: e.pi1,
    pi2: 4 / e.E,
    E: e.E,
    I: e.I,
    U: e.U,
    certainty: false,
    status: j === 6 && k === 1 ? 'ineligible' : status,
    hhClass: cls,
  })),
);

// Persons from a fixed table of draws (so that no margin is aliased with another).
const draws = [3, 7, 1, 9, 4, 6, 2, 8, 5, 0, 7, 3, 9, 1, 6, 4, 8, 2, 0, 5, 2, 9, 4, 7, 1, 8, 3, 6, 5, 0];
const d = (k: number) => draws[k % draws.length];
export const legacyPersons: LegacyPerson[] = legacyHouseholds
  .filter((h) => h.status === 'respondent')
  .flatMap((h, i) =>
    Array.from({ length: 1 + (i % 3) }, (_, k) => {
      const r = d(i * 3 + k);
      const child = k === 2;
      return {
        id: `${h.id}-${k + 1}`,
        householdId: h.id,
        eligible: !(i % 5 === 0 && k === 1),
        sex: r % 2 === 0 ? ('male' as const) : ('female' as const),
        age: child ? 4 + r : 18 + r * 5 + k * 3,
        natGroup: d(i * 3 + k + 7) < 5 ? 'N1' : 'N2',
        individual: !(i % 5 === 0 && k === 1) && !child,
        respondent: d(i + 2 * k + 3) !== 0,
      };
    }),
  );

export const controls: LegacyControls = {
  householdsByStratum: { A: 150, B: 120 },
  stratum: { A: 260, B: 200 },
  sexAge: {
    'male:0-14': 30,
    'female:0-14': 30,
    'male:15-39': 120,
    'female:15-39': 90,
    'male:40+': 110,
    'female:40+': 80,
  },
  natGroup: { N1: 250, N2: 210 },
};

/** The example as the pipeline takes it: units, persons and the recipe of the old fixed pipeline. */
export const households = unitsOf(legacyHouseholds);
export const persons = personsOf(legacyPersons);
export const recipe = recipeOf(controls, options);
