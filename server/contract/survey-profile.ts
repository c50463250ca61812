/**
 * The survey profile: what the engine must know about a survey that its questionnaire JSON does not say.
 * One file per survey, `questionnaires/<id>/profile.json`, validated by this schema when the server starts
 * (a bad profile stops the start naming the file and the field) and served to the tablet and the staff
 * screens (GET /api/surveys). Engine code reads survey specifics (outcome codes, special codes, the roster,
 * preloaded items, the GPS item, identifiers, languages) from here and never names a survey.
 */
import { z } from 'zod/mini';
import {
  HOUSEHOLD_RISK_THRESHOLD,
  PUBLIC_USE_K,
  RECOVERABLE_ACTIONS,
  RECOVERABLE_DEFAULT,
} from '../../analysis/export/public-use-defaults.ts';
import { sealingPublicKeySchema } from './sealed-envelope.ts';
import { AAPOR_CLASSES, type AaporClass } from './vocabulary.ts';

/** The AAPOR classes a person of the roster can take: eligibility is known, so no UH, UO or NE. */
export const PERSON_AAPOR_CLASSES = ['I', 'P', 'R', 'NC', 'O'] as const;

const variableName = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9_]*$/, 'must be a questionnaire variable name (snake_case, e.g. q05_age)'));

/** A text in several languages: `{ "pt": "Agregado", "en": "Household" }`; the profile's first language is required. */
export const localizedTextSchema = z
  .record(z.string().check(z.minLength(2), z.maxLength(10)), z.string().check(z.minLength(1)))
  .check(z.refine((t) => Object.keys(t).length > 0, 'must have a text in at least one language'));
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** AAPOR's final disposition classes have their one home in the vocabulary. */
export { AAPOR_CLASSES, type AaporClass } from './vocabulary.ts';

export const outcomeCodeSchema = z.strictObject({
  code: z.number().check(z.int(), z.gte(0), z.lte(999)),
  aapor: z.enum(AAPOR_CLASSES),
  /** screening (eligibility of the unit) or interview (the unit's interview) */
  stage: z._default(z.enum(['screening', 'interview']), 'interview'),
  label: localizedTextSchema,
  /**
   * For a not-eligible (NE) code only: `false` where the case is no household at all (vacant, not a
   * dwelling), as against a household screened out. Where a profile marks one, the household stage's UH and
   * UO take an e each (server/domain/dashboard-rates.ts); unmarked, one e serves both.
   */
  household: z.optional(z.boolean()),
});
export type OutcomeCode = z.infer<typeof outcomeCodeSchema>;

/**
 * Where a preloaded cover item takes its value from in the sample: the cluster's or the unit's fields.
 * `period` and `position` serve samples of units passing through a cluster rather than listed in it (a
 * visit sample at a service desk): the sampling period of the unit (the fieldwork week) and its position
 * in that period's flow (the visitor's number in the exit count). A household sample has neither.
 */
export const PRELOAD_SOURCES = [
  'islandCode',
  'island',
  'municipality',
  'cluster',
  'dwelling',
  'household',
  'period',
  'position',
] as const;

export const rosterSchema = z.strictObject({
  /** The roster question (a paneldynamic or matrixdynamic), one row per person (e.g. `persons`). */
  variable: variableName,
  age: variableName,
  sex: z.strictObject({
    variable: variableName,
    male: z.number().check(z.int()),
    female: z.number().check(z.int()),
  }),
  /**
   * Named SurveyJS expressions over one row's values, evaluated in order (a later one may use an earlier
   * one's name): e.g. `first_nationality`. The row's own answers are referred to by name, `{q07_nationality}`.
   */
  derived: z._default(z.record(variableName, z.string().check(z.minLength(1))), {}),
  /** A SurveyJS expression over one row (answers and derived values): is this person in the survey population? */
  eligible: z.string().check(z.minLength(1)),
  /** Eligible persons this old or older get the individual interview. */
  individualMinAge: z._default(z.nullable(z.number().check(z.int(), z.gte(0), z.lte(120))), null),
  /** Who answered for each person: the roster (sharing the row order), its variable, and the proxy code. */
  respondent: z._default(
    z.nullable(
      z.strictObject({ roster: variableName, variable: variableName, proxy: z.number().check(z.int()) }),
    ),
    null,
  ),
  /**
   * The person's individual-interview result and the codes that make the person a respondent (the
   * weighting's). `codes` classes each person result code as AAPOR does (I, P, R, NC, O: a person of the
   * roster is of known eligibility), for the person stage of the dashboard's response rates
   * (server/domain/dashboard-rates.ts); none listed, no person stage is shown.
   */
  personResult: z._default(
    z.nullable(
      z
        .strictObject({
          roster: variableName,
          variable: variableName,
          respondent: z.array(z.number().check(z.int())).check(z.minLength(1)),
          codes: z._default(
            z.array(
              z.strictObject({
                code: z.number().check(z.int(), z.gte(0), z.lte(999)),
                aapor: z.enum(PERSON_AAPOR_CLASSES),
                label: localizedTextSchema,
              }),
            ),
            [],
          ),
        })
        .check(
          z.superRefine((r, ctx) => {
            const seen = new Set<number>();
            r.codes.forEach((c, i) => {
              if (seen.has(c.code))
                ctx.addIssue({
                  code: 'custom',
                  path: ['codes', i, 'code'],
                  message: `code ${c.code} is listed twice`,
                });
              seen.add(c.code);
            });
            if (r.codes.length === 0) return;
            r.respondent.forEach((code, i) => {
              if (r.codes.find((c) => c.code === code)?.aapor !== 'I')
                ctx.addIssue({
                  code: 'custom',
                  path: ['respondent', i],
                  message: `respondent code ${code} must be one of codes[] classed "I" (complete)`,
                });
            });
          }),
        ),
    ),
    null,
  ),
});
export type RosterProfile = z.infer<typeof rosterSchema>;

const codeList = z._default(z.array(z.number().check(z.int())), []);

/**
 * How the listing instrument records the units of a cluster before the sample is drawn: the roster of
 * units (`dwellings`), each unit's number and its screening disposition, and which dispositions count as
 * eligible (E), ineligible (I), unknown eligibility (U) or out of scope (vacant, not a unit). The cluster
 * is the preloaded item `from: "cluster"`. Of the unknown dispositions, `unknownIfHousehold` names those
 * where it is not even known whether the unit is a household (AAPOR UH: no contact at a dwelling that may
 * be vacant); the others are households of unknown eligibility (AAPOR UO: screener refused, "don't know").
 */
export const listingSchema = z.strictObject({
  units: variableName,
  unit: variableName,
  disposition: variableName,
  eligible: z.array(z.number().check(z.int())).check(z.minLength(1)),
  ineligible: codeList,
  unknown: codeList,
  /** The `unknown` dispositions of a dwelling-level unit that are AAPOR UH; the rest of `unknown` are UO. */
  unknownIfHousehold: codeList,
  outOfScope: codeList,
  /**
   * The unit's number of members as the listing recorded it (a dwelling-level listing); the quality
   * check `quality.size_vs_listing` compares the interview's roster with it. Null: not recorded.
   */
  size: z._default(z.nullable(variableName), null),
  /**
   * Where the listing records the households of a dwelling one by one (a roster inside the dwelling's row):
   * a dwelling whose disposition is one of `listed` is no unit itself; each row of its `roster` is, numbered
   * by `unit` within the dwelling, with its own disposition (classed as above) and, when `class` is set, the
   * household's weighting class (e.g. its nationality group) for the nonresponse cells. Other dwellings stay
   * one unit each, as in a listing without households. Null: the listing's units are dwellings.
   */
  households: z._default(
    z.nullable(
      z.strictObject({
        roster: variableName,
        unit: variableName,
        disposition: variableName,
        class: z._default(z.nullable(variableName), null),
        /** The household's number of members as the listing recorded it (as `size` above, per household). */
        size: z._default(z.nullable(variableName), null),
        listed: z.array(z.number().check(z.int())).check(z.minLength(1)),
        /**
         * The `unknown` dispositions of a listed household that are AAPOR UH; none by default (a household
         * the listing recorded in a contacted dwelling is known to be one: its unknowns are UO).
         */
        unknownIfHousehold: codeList,
      }),
    ),
    null,
  ),
});
export type ListingProfile = z.infer<typeof listingSchema>;

/** Local suppression's settings, for the person file and for the household file. */
const suppress = z.strictObject({
  order: z.array(variableName).check(z.minLength(1)),
  with: z.optional(z.record(variableName, z.array(variableName))),
  recoverable: z._default(z.enum(RECOVERABLE_ACTIONS), RECOVERABLE_DEFAULT),
});

/** A top- or bottom-code of the public-use file: a declared `at`, or a `percentile` of the values. */
const cap = z
  .strictObject({
    variable: variableName,
    at: z.optional(z.number()),
    percentile: z.optional(z.number().check(z.gt(0), z.lte(100))),
  })
  .check(
    z.refine((t) => (t.at === undefined) !== (t.percentile === undefined), {
      message: 'give exactly one of at (a cap) or percentile',
    }),
  );

export const surveyProfileSchema = z
  .strictObject({
    /** The folder name under questionnaires/; questionnaire ids are `<id>-<name>`. */
    id: z
      .string()
      .check(z.regex(/^[a-z][a-z0-9]*$/, 'must be lowercase letters and digits (the folder name)')),
    title: localizedTextSchema,
    /** Interview languages in the order the enumerator sees them; the first is the questionnaire's default. */
    languages: z
      .array(
        z.strictObject({
          code: z.string().check(z.minLength(2), z.maxLength(10)),
          name: z.string().check(z.minLength(1)),
        }),
      )
      .check(z.minLength(1)),
    questionnaires: z.strictObject({
      /** The interview questionnaire's name: `household` for `<id>-household`. */
      interview: variableName,
      /** The listing instrument, where the survey lists and screens units before selecting them. */
      listing: z._default(z.nullable(variableName), null),
    }),
    /** What one assignment is (household, visit) and what its cluster is (enumeration area, desk). */
    unit: z.strictObject({ label: localizedTextSchema, cluster: localizedTextSchema }),
    outcome: z.strictObject({
      /** The questionnaire variable that holds the unit's result code. */
      variable: variableName,
      codes: z.array(outcomeCodeSchema).check(z.minLength(1)),
    }),
    specialCodes: z._default(
      z.strictObject({
        dontKnow: z._default(z.array(z.number()), []),
        refused: z._default(z.array(z.number()), []),
        notApplicable: z._default(z.array(z.number()), []),
      }),
      { dontKnow: [], refused: [], notApplicable: [] },
    ),
    roster: z._default(z.nullable(rosterSchema), null),
    /** The listing instrument's variables; required when `questionnaires.listing` is set. */
    listing: z._default(z.nullable(listingSchema), null),
    /** Cover items filled from the assignment (read-only on the tablet). */
    preload: z._default(z.array(z.strictObject({ item: variableName, from: z.enum(PRELOAD_SOURCES) })), []),
    /** A read-only text question that keeps the position ("lat,lon"), filled by the tablet when granted. */
    gpsQuestion: z._default(z.nullable(variableName), null),
    /** Direct identifiers: never exported, whatever the codebook says. */
    identifiers: z._default(z.array(variableName), []),
    /**
     * Office coding (server/domain/office-coding.ts): free-text questions the office codes after the
     * fieldwork, each with the field code the enumerator chose beside it and the code list the office
     * uses: `"field"` (the field question's own choices) or a JSON code list in the survey folder
     * (server/contract/office-coding.ts, `codeListFileSchema`). The export adds `<field>_office`.
     */
    officeCoding: z._default(
      z.array(
        z.strictObject({
          text: variableName,
          field: variableName,
          codes: z.union([
            z.literal('field'),
            z.string().check(z.regex(/^[\w./-]+\.json$/, 'a .json file in the survey folder')),
          ]),
        }),
      ),
      [],
    ),
    /** The dashboard's geography (a JSON file in the survey folder), or null for none. */
    geography: z._default(z.nullable(z.string().check(z.minLength(1))), null),
    /**
     * The public-use microdata file (analysis/export/public-use.ts): the geography it keeps and the
     * geography it drops, the unit numbers (EA, dwelling, household, interview key) it replaces by random
     * codes, each within the variables it is numbered in, and any other variable it leaves out. Ids,
     * variance strata and PSUs are always random codes. Null: the survey offers no public-use file.
     */
    publicUse: z._default(
      z.nullable(
        z
          .strictObject({
            geography: z.strictObject({ keep: z.array(variableName), drop: z.array(variableName) }),
            codes: z._default(
              z.array(z.strictObject({ variable: variableName, within: z.optional(z.array(variableName)) })),
              [],
            ),
            drop: z._default(z.array(variableName), []),
            /** What an outsider could know of a person: the disclosure risk counts the records rare on them. */
            keyVariables: z._default(z.array(variableName), []),
            /** Records in cells of fewer than k on the key variables are counted as at risk. */
            k: z._default(z.number().check(z.int(), z.gte(2)), PUBLIC_USE_K),
            /**
             * Numeric variables capped in the public file (analysis/export/disclosure-control.ts): every
             * value above `at`, or above the `percentile` (0 < p <= 100) of the values of both files, becomes
             * the cap.
             */
            topCode: z._default(z.array(cap), []),
            /** Numeric variables floored the same way: every value below the floor becomes the floor. */
            bottomCode: z._default(z.array(cap), []),
            /**
             * Detailed variables replaced by the groups of a derived variable of tables.json (`groups`, with
             * `keep`: codes of the variable's own code list kept as groups of their own), or by classes of a
             * number with the lower bounds `cut` (each coded by its lower bound).
             */
            recode: z._default(
              z.array(
                z
                  .strictObject({
                    variable: variableName,
                    groups: z.optional(variableName),
                    keep: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1))),
                    cut: z.optional(z.array(z.number()).check(z.minLength(1))),
                  })
                  .check(
                    z.refine((r) => (r.groups === undefined) !== (r.cut === undefined), {
                      message: 'give exactly one of groups (a derived variable) or cut (lower bounds)',
                      path: ['groups'],
                    }),
                    z.refine((r) => !r.keep || r.groups !== undefined, {
                      message: 'keep goes with groups',
                      path: ['keep'],
                    }),
                    z.refine((r) => !r.cut || r.cut.every((c, i, a) => i === 0 || c > a[i - 1]), {
                      message: 'cut must be increasing lower bounds',
                      path: ['cut'],
                    }),
                  ),
              ),
              [],
            ),
            /**
             * Local suppression (analysis/export/local-suppression.ts): key variables set to missing, in
             * this order (least important first), for the records still in cells of fewer than k; `with`:
             * person variables that restate a key variable, blanked with it; `recoverable`: what to do with
             * another released variable that gives a suppressed value back (analysis/export/recoverable-values.ts):
             * `blank` it on those records, or `refuse` the file naming it (the default).
             */
            suppress: z._default(z.nullable(suppress), null),
            /**
             * The household file's own control (a household is known by its size and composition too): its
             * key variables (household-file variables), counted with the same k and Fk on the household
             * weight, and its local suppression (order, with, recoverable), as `suppress` for persons.
             */
            households: z._default(
              z.nullable(
                z
                  .strictObject({
                    keyVariables: z.array(variableName).check(z.minLength(1)),
                    suppress: z._default(z.nullable(suppress), null),
                    /**
                     * A household's re-identification risk, 1 - prod(1 - r_i) over its members' individual
                     * risks (analysis/export/household-risk.ts), above this is counted in the risk report.
                     */
                    riskThreshold: z._default(z.number().check(z.gt(0), z.lt(1)), HOUSEHOLD_RISK_THRESHOLD),
                    /**
                     * Households above riskThreshold (analysis/export/household-risk-control.ts): `blank`
                     * suppresses their members' key values in publicUse.suppress.order until none is above
                     * or none has a value left; `refuse` (the default) stops the export naming them.
                     */
                    riskAction: z._default(z.enum(RECOVERABLE_ACTIONS), RECOVERABLE_DEFAULT),
                    /**
                     * Households below k on keyVariables when the size is counted from their records in
                     * the person file (analysis/export/linked-households.ts): `blank` suppresses their other
                     * keys in suppress.order; `refuse` (the default) stops the export naming them.
                     */
                    linkedAction: z._default(z.enum(RECOVERABLE_ACTIONS), RECOVERABLE_DEFAULT),
                    /**
                     * Household size (its members in the person file) in classes with the lower bounds
                     * `cut` (1, 2, 3, 4, 5, 6: 1 … 5 and 6+), added to the household file as `variable`,
                     * which keyVariables must name (analysis/export/household-size.ts); `topCode`: the top
                     * class lowered while one of its households is below k; `restates`: numeric household
                     * variables stating the size too (a number of residents), capped at the top class.
                     */
                    size: z._default(
                      z.nullable(
                        z.strictObject({
                          variable: variableName,
                          cut: z.array(z.number().check(z.int(), z.gte(1))).check(
                            z.minLength(1),
                            z.refine((c) => c.every((x, i) => i === 0 || x > c[i - 1]), {
                              message: 'cut must be increasing lower bounds',
                            }),
                            z.refine((c) => c[0] === 1, { message: 'cut must start at 1 (one member)' }),
                          ),
                          topCode: z._default(z.boolean(), false),
                          restates: z._default(z.array(variableName), []),
                        }),
                      ),
                      null,
                    ),
                  })
                  .check(
                    z.refine((h) => !h.size || h.keyVariables.includes(h.size.variable), {
                      message: 'the size variable must be one of publicUse.households.keyVariables',
                      path: ['size', 'variable'],
                    }),
                  ),
              ),
              null,
            ),
          })
          .check(
            z.refine((u) => !u.geography.keep.some((v) => u.geography.drop.includes(v)), {
              message: 'a geography variable is both kept and dropped',
              path: ['geography'],
            }),
          ),
      ),
      null,
    ),
    /**
     * End-to-end encryption of the envelopes (optional): the tablet seals answers and paradata with this
     * public key, and only the office's private key (`npm run interviews:decrypt`) opens them. Written by
     * `npm run survey:keys`; null for none.
     */
    encryption: z._default(z.nullable(z.strictObject({ publicKey: sealingPublicKeySchema })), null),
  })
  .check(
    z.superRefine((p, ctx) => {
      const seen = new Set<number>();
      p.outcome.codes.forEach((c, i) => {
        if (seen.has(c.code))
          ctx.addIssue({
            code: 'custom',
            path: ['outcome', 'codes', i, 'code'],
            message: `code ${c.code} is listed twice`,
          });
        seen.add(c.code);
      });
      p.outcome.codes.forEach((c, i) => {
        if (c.household !== undefined && c.aapor !== 'NE')
          ctx.addIssue({
            code: 'custom',
            path: ['outcome', 'codes', i, 'household'],
            message: 'only a not-eligible code (aapor "NE") says whether it is a household',
          });
      });
      if (!p.outcome.codes.some((c) => c.aapor === 'I'))
        ctx.addIssue({
          code: 'custom',
          path: ['outcome', 'codes'],
          message: 'needs at least one complete interview code (aapor "I")',
        });
      if ((p.questionnaires.listing === null) !== (p.listing === null))
        ctx.addIssue({
          code: 'custom',
          path: ['listing'],
          message: 'a survey with a listing questionnaire needs the listing block, and only such a survey',
        });
      if (p.listing) {
        const all = [
          ...p.listing.eligible,
          ...p.listing.ineligible,
          ...p.listing.unknown,
          ...p.listing.outOfScope,
        ];
        if (new Set(all).size !== all.length)
          ctx.addIssue({ code: 'custom', path: ['listing'], message: 'a disposition is in two classes' });
        for (const [path, uh] of [
          [['listing', 'unknownIfHousehold'], p.listing.unknownIfHousehold],
          [['listing', 'households', 'unknownIfHousehold'], p.listing.households?.unknownIfHousehold ?? []],
        ] as const)
          if (uh.some((c) => !p.listing?.unknown.includes(c)))
            ctx.addIssue({
              code: 'custom',
              path: [...path],
              message: 'every unknown-if-household (UH) disposition must be one of listing.unknown',
            });
        const listed = p.listing.households?.listed ?? [];
        if (listed.some((c) => all.includes(c)))
          ctx.addIssue({
            code: 'custom',
            path: ['listing', 'households', 'listed'],
            message:
              'a dwelling disposition that lists households cannot also be a unit class (eligible, ...)',
          });
        if (!p.preload.some((x) => x.from === 'cluster'))
          ctx.addIssue({
            code: 'custom',
            path: ['preload'],
            message: 'a survey with a listing needs a preloaded item from "cluster" (the cluster code)',
          });
      }
      const langs = new Set(p.languages.map((l) => l.code));
      if (langs.size !== p.languages.length)
        ctx.addIssue({ code: 'custom', path: ['languages'], message: 'a language is listed twice' });
    }),
  );
export type SurveyProfile = z.infer<typeof surveyProfileSchema>;

/** The codes of an AAPOR class (or several) in a profile. */
export const outcomeCodesOf = (p: SurveyProfile, ...classes: AaporClass[]): number[] =>
  p.outcome.codes.filter((c) => classes.includes(c.aapor)).map((c) => c.code);

/** The outcome code of a complete interview (the first "I" code). */
export const completeCode = (p: SurveyProfile): number => outcomeCodesOf(p, 'I')[0];

/** The preloaded item that holds the cluster's code (`from: "cluster"`), or null. */
export const clusterItemOf = (p: SurveyProfile): string | null =>
  p.preload.find((x) => x.from === 'cluster')?.item ?? null;

/** A questionnaire id of the survey: `<survey>-<name>`. */
export const questionnaireIdOf = (p: SurveyProfile, name: string): string => `${p.id}-${name}`;

/** The survey id of a questionnaire id (`<survey>-<name>`; survey ids have no hyphen). */
export const surveyOfQuestionnaire = (questionnaireId: string): string => questionnaireId.split('-')[0];

/** All special codes (don't know, refused, not applicable). */
export const specialCodesOf = (p: SurveyProfile): number[] => [
  ...p.specialCodes.dontKnow,
  ...p.specialCodes.refused,
  ...p.specialCodes.notApplicable,
];

/** GET /api/surveys: the profiles of every survey this server runs. */
export const surveyListSchema = z.object({ surveys: z.array(surveyProfileSchema) });
export type SurveyList = z.infer<typeof surveyListSchema>;
