/**
 * The synthetic IPEI population models of ipei.md 5.10 [SYN]: nationality by stratum, sex and
 * languages by nationality, household composition. Seeded; nothing here is official data.
 */
import { readFileSync } from 'node:fs';
import { compileVariable, type Derived } from '../../../analysis/weighting/index.ts';

export type Rand = () => number;

export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
export function weighted<T>(r: Rand, entries: ReadonlyArray<readonly [T, number]>): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let u = r() * total;
  for (const [v, w] of entries) {
    u -= w;
    if (u < 0) return v;
  }
  return entries[entries.length - 1][0];
}
export const poisson = (r: Rand, mean: number) => {
  const l = Math.exp(-mean);
  let k = 0;
  let p = r();
  while (p > l) {
    k++;
    p *= r();
  }
  return k;
};
export const normal = (r: Rand) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
export const lognormal = (r: Rand, median: number, sigma: number) => median * Math.exp(sigma * normal(r));

// The nationality groups and household classes of the IPEI weighting recipe (its code tables).
const recipe = JSON.parse(
  readFileSync(new URL('../../../questionnaires/ipei/weighting.json', import.meta.url), 'utf8'),
) as { variables: Record<string, Derived> };
const natGroupOfCode = compileVariable('nat_group', recipe.variables.nat_group);
const hhClassOfGroup = compileVariable('hh_class', recipe.variables.hh_class);
export const natGroup = (code: string): string => natGroupOfCode({ first_nationality: code }) as string;
export const hhClassOf = (code: string): string => hhClassOfGroup({ nat_group: natGroup(code) }) as string;

const OTHER = {
  ECOWAS: ['GM', 'ML', 'GH', 'SL', 'CI', 'TG'],
  AFRICA: ['AO', 'MZ', 'CM', 'MA'],
  EUROPE: ['ES', 'FR', 'DE', 'NL', 'GB'],
  REST: ['CU', 'IN', 'VE'],
};

/** Nationality of a household's reference person, by stratum (5.10 geography). */
const MIX: Record<string, Array<readonly [string, number]>> = {
  PR: [
    ['GW', 42],
    ['SN', 13],
    ['NG', 7],
    ['CN', 7],
    ['GN', 4],
    ['PT', 5],
    ['ST', 5],
    ['BR', 3],
    ['ECOWAS', 5],
    ['AFRICA', 4],
    ['XX', 3],
    ['US', 1],
    ['IT', 1],
    ['EUROPE', 1],
    ['REST', 3],
  ],
  SL: [
    ['GW', 28],
    ['SN', 14],
    ['IT', 10],
    ['PT', 11],
    ['NG', 4],
    ['CN', 6],
    ['BR', 5],
    ['EUROPE', 6],
    ['GN', 3],
    ['ST', 3],
    ['ECOWAS', 3],
    ['US', 2],
    ['XX', 3],
    ['REST', 3],
  ],
  BV: [
    ['GW', 30],
    ['SN', 15],
    ['IT', 8],
    ['PT', 10],
    ['NG', 5],
    ['CN', 5],
    ['BR', 5],
    ['EUROPE', 6],
    ['GN', 3],
    ['ECOWAS', 4],
    ['US', 2],
    ['XX', 3],
    ['REST', 3],
  ],
  SV: [
    ['PT', 20],
    ['CN', 14],
    ['GW', 22],
    ['SN', 10],
    ['BR', 6],
    ['ST', 5],
    ['US', 4],
    ['IT', 3],
    ['EUROPE', 5],
    ['AFRICA', 4],
    ['XX', 3],
    ['REST', 4],
  ],
};
const DEFAULT_MIX: Array<readonly [string, number]> = [
  ['GW', 30],
  ['SN', 10],
  ['PT', 10],
  ['CN', 8],
  ['ST', 6],
  ['NG', 4],
  ['GN', 3],
  ['IT', 3],
  ['BR', 5],
  ['US', 5],
  ['ECOWAS', 4],
  ['AFRICA', 4],
  ['EUROPE', 3],
  ['XX', 3],
  ['REST', 4],
];

export function drawNationality(r: Rand, stratum: string): string {
  const v = weighted(r, MIX[stratum] ?? DEFAULT_MIX);
  return v in OTHER ? pick(r, OTHER[v as keyof typeof OTHER]) : v;
}

/** Share male by nationality (5.10). */
export function maleShare(code: string): number {
  if (['SN', 'NG', 'GN', 'CN', 'GM', 'ML'].includes(code)) return 0.86;
  if (code === 'GW') return 0.66;
  if (['ST', 'BR', 'PT', 'AO'].includes(code)) return 0.5;
  return 0.62;
}

export function motherTongue(r: Rand, code: string): string[] {
  const table: Record<string, string[]> = {
    GW: ['pov'],
    SN: ['wo'],
    GN: ['sus'],
    NG: ['yo', 'ig', 'ha'],
    GH: ['ak'],
    GM: ['mnk'],
    ML: ['bm'],
    SL: ['kri'],
    CN: ['zh'],
    PT: ['pt'],
    BR: ['pt'],
    ST: ['pt'],
    AO: ['pt'],
    MZ: ['pt'],
    IT: ['it'],
    ES: ['es'],
    FR: ['fr'],
    DE: ['de'],
    NL: ['nl'],
    GB: ['en'],
    US: ['en'],
    CU: ['es'],
    VE: ['es'],
    IN: ['hi'],
    CI: ['fr'],
    TG: ['ee'],
    CM: ['fr'],
    MA: ['ar'],
    XX: ['pov'],
  };
  return [pick(r, table[code] ?? ['fr'])];
}

/** Interview language (a08 code: 1 pt, 2 kea, 3 fr, 4 en, 5 wo, 6 zh) and the envelope locale. */
export function interviewLanguage(
  r: Rand,
  code: string,
): { a08: number; locale: 'pt' | 'kea' | 'fr' | 'en' | 'wo' | 'zh-Hans' } {
  if (code === 'CN') return r() < 0.7 ? { a08: 6, locale: 'zh-Hans' } : { a08: 2, locale: 'kea' };
  if (code === 'SN') return r() < 0.5 ? { a08: 5, locale: 'wo' } : { a08: 3, locale: 'fr' };
  if (['GN', 'CI', 'TG', 'CM', 'ML'].includes(code)) return { a08: 3, locale: 'fr' };
  if (['NG', 'GH', 'GB', 'US', 'SL', 'GM', 'IN'].includes(code)) return { a08: 4, locale: 'en' };
  if (['GW', 'XX'].includes(code)) return r() < 0.7 ? { a08: 2, locale: 'kea' } : { a08: 1, locale: 'pt' };
  return { a08: 1, locale: 'pt' };
}

export const FIRST_NAMES: Record<'male' | 'female', string[]> = {
  male: [
    'Braima',
    'Moussa',
    'Mamadou',
    'Chinedu',
    'Wei',
    'João',
    'Luca',
    'Ibrahima',
    'Sekou',
    'Pedro',
    'Kwame',
    'Abdoulaye',
    'Tiago',
    'Li',
  ],
  female: [
    'Fatumata',
    'Aissatou',
    'Mariama',
    'Ngozi',
    'Mei',
    'Ana',
    'Giulia',
    'Awa',
    'Djenabu',
    'Joana',
    'Adjoa',
    'Sónia',
    'Lin',
    'Kadiatu',
  ],
};
