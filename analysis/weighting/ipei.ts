/**
 * IPEI specifics of the weighting: controls and options from questionnaires/ipei/design.json, the
 * nationality groups of the calibration margin, and the household weighting classes (design.json step 3).
 */
import type { WeightingControls, WeightingOptions } from './types.ts';

/** First nationality (ISO 3166-1 alpha-2, XX stateless) -> calibration nationality group. */
const GROUPS: Record<string, string[]> = {
  'Guinea-Bissau': ['GW'],
  Senegal: ['SN'],
  Portugal: ['PT'],
  China: ['CN'],
  'São Tomé and Príncipe': ['ST'],
  Nigeria: ['NG'],
  'Guinea-Conakry': ['GN'],
  Italy: ['IT'],
  Brazil: ['BR'],
  USA: ['US'],
  Stateless: ['XX'],
  'Other ECOWAS': ['BJ', 'BF', 'CI', 'GM', 'GH', 'LR', 'ML', 'NE', 'SL', 'TG'],
  'Angola and other Africa': [
    'AO',
    'MZ',
    'CM',
    'MA',
    'DZ',
    'EG',
    'ET',
    'KE',
    'CD',
    'CG',
    'GA',
    'GQ',
    'MR',
    'TN',
    'ZA',
    'TZ',
    'UG',
    'ZW',
    'ZM',
    'SD',
    'LY',
    'RW',
    'BI',
    'CF',
    'TD',
    'DJ',
    'ER',
    'SO',
    'SS',
    'MG',
    'MW',
    'MU',
    'NA',
    'BW',
    'LS',
    'SZ',
    'SC',
    'KM',
  ],
  'Other Europe': [
    'ES',
    'FR',
    'DE',
    'NL',
    'GB',
    'BE',
    'CH',
    'AT',
    'IE',
    'LU',
    'DK',
    'SE',
    'NO',
    'FI',
    'IS',
    'PL',
    'CZ',
    'SK',
    'HU',
    'RO',
    'BG',
    'GR',
    'HR',
    'SI',
    'RS',
    'UA',
    'RU',
    'BY',
    'MD',
    'LT',
    'LV',
    'EE',
    'AL',
    'MK',
    'BA',
    'ME',
    'MT',
    'CY',
    'AD',
    'MC',
    'SM',
    'LI',
    'VA',
  ],
};
const GROUP_OF = new Map(Object.entries(GROUPS).flatMap(([g, codes]) => codes.map((c) => [c, g] as const)));
export const OTHER_GROUP = 'Other (Americas, Asia, ...)';

export const natGroupOf = (code: string): string => GROUP_OF.get(code) ?? OTHER_GROUP;

/** Household weighting class: ECOWAS / Other Africa / Europe / Other. */
export function hhClassOf(code: string): string {
  const g = natGroupOf(code);
  if (['Guinea-Bissau', 'Senegal', 'Nigeria', 'Guinea-Conakry', 'Other ECOWAS'].includes(g)) return 'ECOWAS';
  if (['São Tomé and Príncipe', 'Angola and other Africa'].includes(g)) return 'Other Africa';
  if (['Portugal', 'Italy', 'Other Europe'].includes(g)) return 'Europe';
  return 'Other';
}

export interface IpeiWeightingDesign {
  strata: Array<{ code: string; foreign_households_control: number }>;
  weighting: Array<Record<string, unknown>>;
  calibration_margins: {
    stratum: Record<string, number>;
    sex_age: Array<{ age: string; male: number; female: number }>;
    nationality_group: Array<{ group: string; total: number }>;
  };
}

export function ipeiControls(design: IpeiWeightingDesign): WeightingControls {
  const m = design.calibration_margins;
  return {
    householdsByStratum: Object.fromEntries(design.strata.map((s) => [s.code, s.foreign_households_control])),
    stratum: { ...m.stratum },
    sexAge: Object.fromEntries(
      m.sex_age.flatMap((a) => [[`male:${a.age}`, a.male] as const, [`female:${a.age}`, a.female] as const]),
    ),
    natGroup: Object.fromEntries(m.nationality_group.map((g) => [g.group, g.total])),
  };
}

export function ipeiOptions(design: IpeiWeightingDesign, replicates = true): WeightingOptions {
  const step = (n: number) => design.weighting.find((s) => s.step === n) ?? {};
  const bounds = (step(6).bounds ?? { g_min: 0.3, g_max: 3 }) as { g_min: number; g_max: number };
  return {
    collapseBelow: Number(step(3).collapse_below ?? 20),
    bounds: [bounds.g_min, bounds.g_max],
    // design.json step 6 "alternative": trim at 3.5 x the stratum median and re-rake.
    trimFactor: 3.5,
    epsilon: Number(step(6).convergence ?? 1e-6),
    // R's calibrate stops at maxit = 50; bounded raking with R's approximate Jacobian converges slowly
    // when many g-weights sit at a bound (the demo needs up to ~150 Newton steps), so allow more.
    maxit: Number(step(6).max_iterations ?? 500),
    ageBreaks: design.calibration_margins.sex_age.map((a) => Number.parseInt(a.age, 10)),
    replicates,
  };
}
