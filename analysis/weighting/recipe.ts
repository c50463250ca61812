/**
 * The weighting recipe: a survey's weighting as data (`questionnaires/<id>/weighting.json`), read by
 * the one generic pipeline (run.ts). The steps are those of a household or establishment survey
 * (Valliant, Dever & Kreuter 2018, ch. 13-14): base weights from the stages' inclusion probabilities,
 * an optional eligibility-unknown adjustment from the listing counts, nonresponse adjustment in cells
 * with a collapsing rule, calibration of the units (R survey's postStratify / rake / calibrate), and,
 * for surveys with a roster, the persons' nonresponse and calibration of the roster and of the
 * individual respondents, with a trimming rule; then replicate weights redoing every step. This file
 * is the one home of the schema (server/contract/weighting-recipe.ts re-exports it). Pure: the caller
 * reads the file.
 */
import { z } from 'zod';

const name = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a variable name (snake_case, e.g. age_group)');

/**
 * Control totals of a margin: inline (`totals`), or where design.json keeps them (`design`: a dotted
 * path). At the path: an object category -> total; or an array of records, the category in `key` and
 * the total in `value`; or an array of records with one total per column of `columns`, the category
 * being `<column>:<key>` (e.g. `male:25-34` from `{ "age": "25-34", "male": 2438, "female": 812 }`).
 */
export const controlsSchema = z.union([
  z.strictObject({ totals: z.record(z.string(), z.number().nonnegative()) }),
  z.strictObject({
    design: z.string().min(1),
    key: z.string().min(1).optional(),
    value: z.string().min(1).optional(),
    columns: z.array(z.string().min(1)).min(1).optional(),
  }),
  /** The totals of the calibrated roster weights over the persons this step calibrates. */
  z.strictObject({ fromRoster: z.literal(true) }),
]);
export type ControlsRef = z.infer<typeof controlsSchema>;

export const marginSchema = z.strictObject({
  variable: name,
  controls: controlsSchema,
  /** Categories of the controls left out (e.g. the under-15 groups for the individual respondents). */
  omit: z.array(z.string()).default([]),
});
export type Margin = z.infer<typeof marginSchema>;

export const trimmingSchema = z.strictObject({
  /** Weights above `factor` x the median weight of their stratum are cut to it, then recalibrated. */
  factor: z.number().gt(1),
  within: z.literal('stratum').default('stratum'),
  /** Cut-and-recalibrate rounds at most. */
  maxRounds: z.number().int().min(1).max(100).default(20),
});

export const calibrationSchema = z
  .strictObject({
    /** postStratify (one margin), raking (R calibrate calfun 'raking' = rake), linear (GREG). */
    method: z.enum(['postStratify', 'raking', 'linear']),
    margins: z.array(marginSchema).min(1),
    /** Bounds on the g-weights (R calibrate's bounds); null = none. */
    bounds: z
      .tuple([z.number().min(0), z.number().gt(0)])
      .nullable()
      .default(null),
    /** R calibrate's epsilon and maxit. */
    epsilon: z.number().positive().default(1e-7),
    maxit: z.number().int().min(1).default(50),
    trimming: trimmingSchema.nullable().default(null),
  })
  .superRefine((c, ctx) => {
    if (c.method === 'postStratify' && c.margins.length !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['margins'],
        message: 'postStratify takes one margin: use raking or linear for several',
      });
    if (c.bounds && !(c.bounds[0] < 1 && c.bounds[1] > 1))
      ctx.addIssue({ code: 'custom', path: ['bounds'], message: 'bounds must be [lower < 1, upper > 1]' });
  });
export type Calibration = z.infer<typeof calibrationSchema>;

export const nonresponseSchema = z.strictObject({
  /** Cells: the stratum crossed with these variables (an unknown value is its own class, '(unknown)'). */
  by: z.array(name).default([]),
  collapse: z
    .strictObject({
      /** Within a stratum, a cell with fewer respondents is merged with the smallest other cell (0: never). */
      minRespondents: z.number().int().min(0),
      /** Also merged: a cell whose unweighted ratio eligible / respondents exceeds this; null = none. */
      maxFactor: z.number().gt(1).nullable().default(null),
    })
    .default({ minRespondents: 1, maxFactor: null }),
});
export type Nonresponse = z.infer<typeof nonresponseSchema>;

/** A classification variable made from another: a code table, age groups, or a cross of variables. */
export const derivedSchema = z.union([
  z.strictObject({
    recode: name,
    /** group -> the values that fall in it */
    groups: z.record(z.string(), z.array(z.union([z.string(), z.number()]))),
    /** The group of a value no group lists; null leaves it missing. */
    otherwise: z.string().nullable().default(null),
  }),
  /** Lower bounds, e.g. [0, 15, 25]: '0-14', '15-24', '25+'. */
  z.strictObject({ cut: name, breaks: z.array(z.number()).min(1) }),
  /** 'male:25-34' from sex and age_group. */
  z.strictObject({ cross: z.array(name).min(2) }),
]);
export type Derived = z.infer<typeof derivedSchema>;

export const weightingRecipeSchema = z
  .strictObject({
    survey: z.string().regex(/^[a-z][a-z0-9]*$/, 'must be the survey id (the folder name)'),
    description: z.string().optional(),
    /** The stages' inclusion probabilities whose product's inverse is the base weight w1_base. */
    base: z.strictObject({ inclusion: z.array(z.enum(['pi1', 'pi2'])).min(1) }),
    /** w2_elig = w1 (E + I + U) / (E + I) per cluster, from the listing counts; null = no listing. */
    eligibilityUnknown: z
      .strictObject({ within: z.literal('cluster') })
      .nullable()
      .default(null),
    /** Classification variables derived in this order (a later one may use an earlier one). */
    variables: z.record(name, derivedSchema).default({}),
    units: z.strictObject({
      nonresponse: nonresponseSchema.nullable().default(null),
      /**
       * Units found ineligible keep their weight through the unit calibration (its controls count them,
       * e.g. every visit a desk's register counted) and get 0 after it; false: they get 0 at once.
       */
      ineligibleInCalibration: z.boolean().default(false),
      calibration: calibrationSchema.nullable().default(null),
    }),
    /** Surveys with a roster: persons inherit their unit's weight; null = units only. */
    persons: z
      .strictObject({
        nonresponse: nonresponseSchema.nullable().default(null),
        roster: calibrationSchema.nullable().default(null),
        individuals: calibrationSchema.nullable().default(null),
      })
      .nullable()
      .default(null),
    /** JKn: one replicate per PSU; a certainty cluster is a stratum of its own with its units as PSUs. */
    replicates: z
      .strictObject({
        method: z.literal('JKn'),
        certaintyClusters: z.literal('unitsArePsus').default('unitsArePsus'),
      })
      .nullable()
      .default(null),
  })
  .superRefine((r, ctx) => {
    const names = Object.keys(r.variables);
    names.forEach((v, k) => {
      const d = r.variables[v];
      const uses = 'recode' in d ? [d.recode] : 'cut' in d ? [d.cut] : d.cross;
      for (const u of uses)
        if (names.indexOf(u) >= k)
          ctx.addIssue({
            code: 'custom',
            path: ['variables', v],
            message: `uses '${u}', which is derived at or after it: derive '${u}' first`,
          });
    });
    const fromRoster = (c: Calibration | null, path: string[]) =>
      c?.margins.forEach((m, i) => {
        if ('fromRoster' in m.controls && path[1] !== 'individuals')
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'margins', i, 'controls'],
            message: 'fromRoster is for persons.individuals only',
          });
      });
    fromRoster(r.units.calibration, ['units', 'calibration']);
    fromRoster(r.persons?.roster ?? null, ['persons', 'roster']);
    if (r.persons?.individuals?.margins.some((m) => 'fromRoster' in m.controls) && !r.persons.roster)
      ctx.addIssue({
        code: 'custom',
        path: ['persons', 'individuals'],
        message: 'fromRoster needs persons.roster',
      });
  });
export type WeightingRecipe = z.infer<typeof weightingRecipeSchema>;

/** Parses a recipe; on failure, one line per field (`persons.roster.bounds: ...`). */
export function parseRecipe(
  value: unknown,
): { ok: true; recipe: WeightingRecipe } | { ok: false; errors: string[] } {
  const r = weightingRecipeSchema.safeParse(value);
  if (r.success) return { ok: true, recipe: r.data };
  return { ok: false, errors: r.error.issues.map((i) => `${i.path.join('.') || '(recipe)'}: ${i.message}`) };
}
