/**
 * Why a person is or is not in the individual unit: the person file's `in_individual` (has an individual
 * weight) gives no reason, so its labelled companion `in_individual_why` says it, from data the file
 * already has and the weighting's own rule (a person needs the individual interview when in the survey
 * population, which the roster weight marks, and aged at least the profile's `individualMinAge`):
 * 1 outside the survey population (no roster weight), 2 in it but younger than the minimum age (or no
 * age), 3 needed the individual interview and has no individual weight (refusal, absence, partial ...),
 * 4 interviewed by proxy (the tables' `proxy` rule), 5 interviewed in person. Codes 4 and 5 are exactly
 * the rows with `in_individual` = 1.
 */
import type { DataFrame } from '../data.ts';
import type { VariableInfo } from '../tables/labels.ts';
import type { ProxyRule } from '../tables/plan.ts';

/** What the reason needs from the survey: the roster's age, the individual interview's minimum age, the proxy rule. */
export interface IndividualRule {
  age: string;
  minAge: number;
  proxy: ProxyRule | null;
}

export const INDIVIDUAL_WHY = 'in_individual_why';

export const INDIVIDUAL_WHY_INFO: VariableInfo = {
  name: INDIVIDUAL_WHY,
  label: {
    pt: 'Porquê na unidade individual ou não (in_individual)',
    en: 'Why in the individual unit or not (in_individual)',
    fr: "Pourquoi dans l'unité individuelle ou non (in_individual)",
    kea: 'Pamodi na unidadi individual o nãu (in_individual)',
  },
  type: 'derived',
  values: [
    {
      code: 1,
      pt: 'Fora da população do inquérito',
      en: 'Outside the survey population',
      fr: "Hors de la population de l'enquête",
      kea: 'Fora di populason di inkéritu',
    },
    {
      code: 2,
      pt: 'Abaixo da idade mínima da entrevista individual',
      en: "Below the individual interview's minimum age",
      fr: "Sous l'âge minimal de l'entretien individuel",
      kea: 'Baxu di idadi mínimu di entrevista individual',
    },
    {
      code: 3,
      pt: 'Elegível, sem entrevista individual (não resposta)',
      en: 'Eligible, no individual interview (nonresponse)',
      fr: 'Éligible, sans entretien individuel (non-réponse)',
      kea: 'Elijivel, sen entrevista individual (ka-resposta)',
    },
    {
      code: 4,
      pt: 'Entrevistado por proxy',
      en: 'Interviewed by proxy',
      fr: 'Interrogé par procuration',
      kea: 'Entrevistadu pa proxy',
    },
    {
      code: 5,
      pt: 'Entrevistado pessoalmente',
      en: 'Interviewed in person',
      fr: 'Interrogé en personne',
      kea: 'Entrevistadu pesoalmenti',
    },
  ],
};

const positive = (col: DataFrame[string] | undefined, i: number): boolean => {
  const x = Number(col?.[i]);
  return Number.isFinite(x) && x > 0;
};

/** The reason code of every row of the person frame (see the file's comment). */
export function individualReason(
  persons: DataFrame,
  weights: { roster: string; individual: string },
  rule: IndividualRule,
): Float64Array {
  const roster = persons[weights.roster];
  const individual = persons[weights.individual];
  const age = persons[rule.age];
  const proxyCol = rule.proxy ? persons[rule.proxy.variable] : undefined;
  const proxyCodes = new Set((rule.proxy?.values ?? []).map(String));
  const rows = persons[weights.roster]?.length ?? 0;
  return Float64Array.from({ length: rows }, (_, i) => {
    if (positive(individual, i)) {
      const p = proxyCol?.[i];
      return p !== null && p !== undefined && proxyCodes.has(String(p)) ? 4 : 5;
    }
    if (!positive(roster, i)) return 1;
    const a = age?.[i];
    const years = a === null || a === undefined || a === '' ? Number.NaN : Number(a);
    return Number.isFinite(years) && years >= rule.minAge ? 3 : 2;
  });
}
