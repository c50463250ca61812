/**
 * The test examples' weighting as the pipeline took it before the recipe (controls + options, one
 * class per household, one nationality group per person), turned into a recipe with inline totals and
 * the recipe's unit and person inputs. The R scripts read the examples in the old shape
 * (tests/fixtures/weighting/replicates/), so the examples keep it and the tests convert.
 */
import {
  type PersonInput,
  parseRecipe,
  resolveControls,
  type UnitInput,
  type WeightingRecipe,
  type WeightingResult,
} from '../../../analysis/weighting/index.ts';

export interface LegacyHousehold {
  id: string;
  ea: string;
  stratum: string;
  pi1: number;
  pi2: number;
  E: number;
  I: number;
  U: number;
  certainty: boolean;
  status: UnitInput['status'];
  hhClass: string | null;
}

export interface LegacyPerson {
  id: string;
  householdId: string;
  eligible: boolean;
  sex: 'male' | 'female';
  age: number;
  natGroup: string;
  individual: boolean;
  respondent: boolean;
}

export interface LegacyControls {
  householdsByStratum: Record<string, number>;
  stratum: Record<string, number>;
  sexAge: Record<string, number>;
  natGroup: Record<string, number>;
}

export interface LegacyOptions {
  collapseBelow: number;
  bounds: readonly [number, number];
  trimFactor: number;
  epsilon: number;
  maxit?: number;
  ageBreaks: readonly number[];
  replicates: boolean;
}

export const unitsOf = (hs: readonly LegacyHousehold[]): UnitInput[] =>
  hs.map(({ ea, hhClass, ...h }) => ({ ...h, cluster: ea, values: { hh_class: hhClass } }));

export const personsOf = (ps: readonly LegacyPerson[]): PersonInput[] =>
  ps.map(({ natGroup, ...p }) => ({ ...p, values: { nat_group: natGroup } }));

/** The old fixed pipeline as a recipe (the structure of questionnaires/ipei/weighting.json). */
export function recipeOf(controls: LegacyControls, options: LegacyOptions): WeightingRecipe {
  const calibration = (margins: unknown[]) => ({
    method: 'raking',
    margins,
    bounds: options.bounds,
    epsilon: options.epsilon,
    maxit: options.maxit ?? 100,
    trimming: { factor: options.trimFactor, within: 'stratum', maxRounds: 20 },
  });
  const first = options.ageBreaks[0];
  const youngest = Object.keys(controls.sexAge).filter((k) =>
    k.endsWith(`:${first}-${options.ageBreaks[1] - 1}`),
  );
  const parsed = parseRecipe({
    survey: 'example',
    base: { inclusion: ['pi1', 'pi2'] },
    eligibilityUnknown: { within: 'cluster' },
    variables: {
      age_group: { cut: 'age', breaks: options.ageBreaks },
      sex_age: { cross: ['sex', 'age_group'] },
    },
    units: {
      nonresponse: { by: ['hh_class'], collapse: { minRespondents: options.collapseBelow } },
      calibration: {
        method: 'postStratify',
        margins: [{ variable: 'stratum', controls: { totals: controls.householdsByStratum } }],
      },
    },
    persons: {
      nonresponse: { by: ['sex_age'], collapse: { minRespondents: options.collapseBelow } },
      roster: calibration([
        { variable: 'stratum', controls: { totals: controls.stratum } },
        { variable: 'sex_age', controls: { totals: controls.sexAge } },
        { variable: 'nat_group', controls: { totals: controls.natGroup } },
      ]),
      individuals: calibration([
        { variable: 'stratum', controls: { fromRoster: true } },
        { variable: 'sex_age', controls: { totals: controls.sexAge }, omit: youngest },
        { variable: 'nat_group', controls: { fromRoster: true } },
      ]),
    },
    replicates: options.replicates ? { method: 'JKn' } : null,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.recipe;
}

/**
 * A recipe of the IPEI structure, its design and a run's units and persons, back in the old shape that
 * tests/fixtures/weighting/replicates.R reads (the weighting bench compares R on the demo).
 */
export function legacyOf(
  result: WeightingResult,
  recipe: WeightingRecipe,
  design: unknown,
): {
  households: LegacyHousehold[];
  persons: LegacyPerson[];
  controls: LegacyControls;
  options: LegacyOptions;
} {
  const roster = recipe.persons?.roster;
  const unitsCal = recipe.units.calibration;
  const cut = Object.values(recipe.variables).find((v) => 'cut' in v);
  if (!roster || !unitsCal || !recipe.persons?.individuals || !cut || !('cut' in cut))
    throw new Error('the recipe does not have the structure of the old pipeline');
  const margin = (variable: string) => {
    const m = roster.margins.find((x) => x.variable === variable);
    if (!m || 'fromRoster' in m.controls) throw new Error(`no roster margin ${variable}`);
    return resolveControls(m.controls, design, variable);
  };
  const [unitMargin] = unitsCal.margins;
  if ('fromRoster' in unitMargin.controls) throw new Error('unit controls');
  return {
    households: result.households.map((h) => ({
      id: h.id,
      ea: h.cluster,
      stratum: h.stratum,
      pi1: h.pi1,
      pi2: h.pi2,
      E: h.E as number,
      I: h.I as number,
      U: h.U as number,
      certainty: h.certainty,
      status: h.status,
      hhClass: (h.values.hh_class ?? null) as string | null,
    })),
    persons: result.persons.map((p) => ({
      id: p.id,
      householdId: p.householdId,
      eligible: p.eligible,
      sex: p.sex ?? 'male',
      age: p.age ?? 0,
      natGroup: String(p.values.nat_group),
      individual: p.individual,
      respondent: p.respondent,
    })),
    controls: {
      householdsByStratum: resolveControls(unitMargin.controls, design, 'units'),
      stratum: margin('stratum'),
      sexAge: margin('sex_age'),
      natGroup: margin('nat_group'),
    },
    options: {
      collapseBelow: recipe.units.nonresponse?.collapse.minRespondents ?? 0,
      bounds: roster.bounds ?? [0, Number.POSITIVE_INFINITY],
      trimFactor: roster.trimming?.factor ?? Number.POSITIVE_INFINITY,
      epsilon: roster.epsilon,
      maxit: roster.maxit,
      ageBreaks: cut.breaks,
      replicates: recipe.replicates !== null,
    },
  };
}
