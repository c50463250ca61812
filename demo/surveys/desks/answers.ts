/**
 * Plausible answers of one sampled visit (synthetic, seeded): the result (refusals, visitors who left
 * before being approached, language barriers, ineligible visitors, break-offs), and for an interview
 * the visitor's nationality by island, the language of service against the languages the desk's staff
 * speak (hence the need for and provision of interpretation), the purpose, its outcome, the wait (longer
 * at busy desks) and satisfaction driven by outcome, wait and interpretation. Nothing here is real data.
 */
import type { DeskRow } from './frame.ts';

export type Rand = () => number;

export function weighted<T>(r: Rand, entries: ReadonlyArray<readonly [T, number]>): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let u = r() * total;
  for (const [v, w] of entries) {
    u -= w;
    if (u < 0) return v;
  }
  return entries[entries.length - 1][0];
}
const normal = (r: Rand) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());

/** Nationalities at the desks; the tourist islands (Sal, Boa Vista) see more West Africans and Europeans. */
const NATIONALITIES: Array<readonly [string, number, number]> = [
  // code, weight elsewhere, weight on Sal and Boa Vista
  ['GW', 30, 18],
  ['SN', 10, 20],
  ['NG', 5, 10],
  ['GN', 4, 5],
  ['ST', 5, 2],
  ['CN', 5, 3],
  ['PT', 5, 6],
  ['IT', 2, 6],
  ['BR', 4, 3],
  ['US', 1, 1],
  ['GH', 2, 3],
  ['ML', 2, 2],
  ['CI', 1.5, 2],
  ['GM', 1, 1],
  ['SL', 1, 1],
  ['LR', 0.5, 0.5],
  ['BF', 0.5, 0.5],
  ['TG', 0.5, 0.5],
  ['BJ', 0.5, 0.5],
  ['NE', 0.5, 0.3],
  ['AO', 2, 1],
  ['MZ', 0.5, 0.3],
  ['CM', 1, 1],
  ['MA', 0.5, 0.5],
  ['ES', 1, 2],
  ['FR', 1.5, 3],
  ['DE', 0.5, 1.5],
  ['NL', 0.3, 1],
  ['GB', 0.7, 3],
  ['XX', 1, 0.5],
  ['CU', 1, 0.5],
  ['IN', 0.5, 0.5],
  ['ZZ', 1, 1],
  ['CV', 3, 2],
];
const FRENCH = new Set(['SN', 'GN', 'ML', 'CI', 'BF', 'TG', 'BJ', 'NE', 'CM', 'MA', 'FR']);
const ENGLISH = new Set(['NG', 'GH', 'GM', 'SL', 'LR', 'US', 'GB', 'IN', 'NL', 'DE']);
const PORTUGUESE = new Set(['PT', 'BR', 'AO', 'MZ', 'ST']);
const KRIOLU = new Set(['GW', 'CV']);

/** The language the visitor is best served in (q05_language codes). */
function preferredLanguage(r: Rand, nationality: string): number {
  if (FRENCH.has(nationality)) return 3;
  if (ENGLISH.has(nationality)) return 4;
  if (PORTUGUESE.has(nationality)) return 1;
  if (KRIOLU.has(nationality)) return r() < 0.6 ? 2 : 1;
  if (nationality === 'CN') return 7;
  if (nationality === 'ES' || nationality === 'CU') return 5;
  return r() < 0.5 ? 1 : 4;
}

export interface VisitPlan {
  result: 11 | 12 | 13 | 14 | 15 | 16 | 17;
  locale: 'pt' | 'en' | 'fr';
  nationality: string;
  /** Why a visitor is not eligible (result 17). */
  ineligible?: 'under15' | 'cvOnBehalf';
}

/** The result of a sampled visit and the visitor's nationality (known or not, it drives the locale). */
export function planVisit(r: Rand, desk: DeskRow): VisitPlan {
  const tourist = desk.islandCode === 4 || desk.islandCode === 5;
  const nationality = weighted(
    r,
    NATIONALITIES.map(([c, w, t]) => [c, tourist ? t : w] as const),
  );
  const locale = FRENCH.has(nationality) ? 'fr' : ENGLISH.has(nationality) ? 'en' : 'pt';
  const busy = desk.k > 4 ? 1 : 0;
  const barrier = !desk.languages.includes(3) && locale !== 'pt' ? 0.04 : 0.005;
  const result = weighted(r, [
    [17, 0.06],
    [13, 0.1 + 0.03 * busy],
    [14, 0.03 + 0.04 * busy],
    [15, barrier],
    [16, 0.01],
    [12, 0.03],
    [11, 1],
  ] as const);
  if (result !== 17) return { result, locale, nationality };
  return { result, locale, nationality, ineligible: r() < 0.35 ? 'under15' : 'cvOnBehalf' };
}

const LANGUAGE_OF_LOCALE = { pt: 1, en: 4, fr: 3 } as const;

/** The outcome of a visit by its purpose: resolved, referred, must return, not resolved. */
const OUTCOMES: Record<number, number[]> = {
  1: [30, 8, 50, 12],
  2: [45, 20, 25, 10],
  3: [35, 35, 15, 15],
  4: [20, 15, 50, 15],
  5: [40, 40, 10, 10],
  6: [25, 50, 10, 15],
  7: [70, 10, 15, 5],
  8: [85, 10, 3, 2],
  97: [50, 25, 15, 10],
};

const scale = (x: number) => Math.min(5, Math.max(1, Math.round(x)));

/** The answers a tablet would send for this visit (the cover items come from the preload). */
export function visitAnswers(r: Rand, desk: DeskRow, plan: VisitPlan, preload: Record<string, unknown>) {
  const language =
    plan.locale === 'pt'
      ? KRIOLU.has(plan.nationality) && r() < 0.5
        ? 2
        : 1
      : LANGUAGE_OF_LOCALE[plan.locale];
  const a: Record<string, unknown> = { ...preload, a04_interview_language: language };
  if (plan.result >= 13 && plan.result <= 16) {
    a.a05_consent = plan.result === 13 ? 2 : 3;
    a.z01_result = plan.result;
    return a;
  }
  a.a05_consent = 1;
  if (plan.result === 17) {
    if (plan.ineligible === 'under15') a.s01_age15 = 2;
    else Object.assign(a, { s01_age15: 1, s02_for_whom: 2, s03_cv_national: 1 });
    a.z01_result = 17;
    return a;
  }
  a.s01_age15 = 1;
  a.s02_for_whom = r() < 0.93 || plan.nationality === 'CV' ? 1 : 2;
  if (a.s02_for_whom === 2) a.s03_cv_national = 2;
  const purpose = weighted(r, [
    [1, 34],
    [2, 12],
    [3, 15],
    [4, 6],
    [5, 8],
    [6, 5],
    [7, 4],
    [8, 13],
    [97, 3],
  ] as const);
  a.q01_purpose = purpose;
  if (purpose === 97)
    a.q01a_purpose_other = weighted(r, [
      ['Pedido de declaração para o banco', 1],
      ['Casamento', 1],
      ['Inscrição no recenseamento eleitoral', 1],
    ] as const);
  a.q02_first_visit = r() < 0.55 ? 1 : 2;
  const outcome =
    1 +
    weighted(
      r,
      OUTCOMES[purpose].map((w, i) => [i, w] as const),
    );
  a.q03_outcome = outcome;
  const wait = Math.min(400, Math.round(Math.max(2, 6 + 1.6 * desk.k) * Math.exp(0.6 * normal(r))));
  a.q04_wait_minutes = r() < 0.04 ? -98 : wait;
  const preferred = preferredLanguage(r, plan.nationality);
  const spoken = desk.languages.includes(preferred);
  a.q05_language = spoken ? preferred : r() < 0.7 ? 1 : 2;
  const needed = spoken ? r() < 0.03 : r() < 0.75;
  a.q06_interp_needed = needed ? 1 : 2;
  let unserved = 0;
  if (needed) {
    const staff = desk.languages.length > 2 ? 0.5 : 0.25;
    a.q07_interp_provided = weighted(r, [
      [1, staff],
      [2, 0.3],
      [3, 0.7 - staff],
    ] as const);
    if (a.q07_interp_provided === 3) unserved = 1;
  }
  if (plan.result === 12) {
    a.z01_result = 12;
    return a;
  }
  const base =
    3.7 +
    [0.7, 0, -0.5, -1.3][outcome - 1] -
    0.01 * (Math.min(wait, 200) - 20) -
    0.8 * unserved +
    0.6 * normal(r);
  a.r01_sat_overall = scale(base);
  a.r02_sat_courtesy = scale(base + 0.4 + 0.5 * normal(r));
  a.r03_sat_clarity = r() < 0.02 ? 98 : scale(base - 0.1 + 0.5 * normal(r));
  a.r04_sat_time = r() < 0.02 ? 98 : scale(base - 0.012 * (Math.min(wait, 200) - 20) + 0.5 * normal(r));
  a.d01_nationality = plan.nationality;
  a.d02_sex = r() < (['ST', 'BR', 'CV', 'CU'].includes(plan.nationality) ? 0.45 : 0.64) ? 1 : 2;
  a.d03_age_group =
    1 +
    weighted(
      r,
      [12, 35, 28, 14, 7, 4].map((w, i) => [i, w] as const),
    );
  a.z01_result = 11;
  return a;
}
