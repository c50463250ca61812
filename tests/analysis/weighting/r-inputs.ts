/**
 * The raw inputs of a weighting as tests/fixtures/weighting/replicates.R reads them: households and
 * persons (every input field), controls, options, and the nonresponse cells runWeighting decides on
 * the full sample (R takes them as given). Used for the replicate fixture and by the weighting bench.
 */
import { prepare, weightingCells } from '../../../analysis/weighting/index.ts';
import {
  type LegacyControls,
  type LegacyHousehold,
  type LegacyOptions,
  type LegacyPerson,
  personsOf,
  recipeOf,
  unitsOf,
} from './legacy.ts';

const HOUSEHOLD_FIELDS = [
  'id',
  'ea',
  'stratum',
  'pi1',
  'pi2',
  'E',
  'I',
  'U',
  'certainty',
  'status',
  'hhClass',
] as const;
const PERSON_FIELDS = [
  'id',
  'householdId',
  'eligible',
  'sex',
  'age',
  'natGroup',
  'individual',
  'respondent',
] as const;

const cell = (v: unknown) => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (header: readonly string[], rows: unknown[][]) =>
  `${[header.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n')}\n`;
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** File name -> content. */
export function rWeightingInputs(
  households: readonly LegacyHousehold[],
  persons: readonly LegacyPerson[],
  controls: LegacyControls,
  options: LegacyOptions,
): Record<string, string> {
  const cells = weightingCells(
    prepare(unitsOf(households), personsOf(persons), recipeOf(controls, options), null),
  );
  return {
    'households.csv': csv(
      HOUSEHOLD_FIELDS,
      households.map((h) => HOUSEHOLD_FIELDS.map((f) => h[f])),
    ),
    'persons.csv': csv(
      PERSON_FIELDS,
      persons.map((p) => PERSON_FIELDS.map((f) => p[f])),
    ),
    'controls.json': json(controls),
    'options.json': json(options),
    'cells.json': json({
      household: Object.fromEntries(cells.household),
      person: Object.fromEntries(cells.person),
    }),
  };
}
