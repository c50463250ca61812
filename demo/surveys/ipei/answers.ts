/**
 * Answers to ipei/household.v3 (the latest version; v2 answers plus what v3 asks), or to household.v2,
 * for one synthetic household, valid against the questionnaire (skips, ranges, required items) and
 * following the realism targets of ipei.md 5.10.
 */

import { addV3Content, addV3Household } from './answers-v3-content.ts';
import {
  drawNationality,
  FIRST_NAMES,
  hhClassOf,
  interviewLanguage,
  lognormal,
  maleShare,
  motherTongue,
  pick,
  poisson,
  type Rand,
  weighted,
} from './population.ts';

export const SURVEY_YEAR = 2026;
type Answers = Record<string, unknown>;

export interface HouseholdPlan {
  stratum: string;
  preload: Record<string, unknown>;
  /** Household interview result: 11 complete, 12 partial, 13 refused, 14 no one home, 15 language, 16 other, 2 ineligible. */
  result: 2 | 11 | 12 | 13 | 14 | 15 | 16;
  visit: number;
  /** Nationality of the reference person (also the listing's weighting class). */
  nationality: string;
}

export function planHousehold(r: Rand, stratum: string, preload: Record<string, unknown>): HouseholdPlan {
  const nationality = drawNationality(r, stratum);
  const small = !['PR', 'SL'].includes(stratum);
  const language = nationality === 'CN' ? 0.04 : 0.004;
  const u = r();
  const refuse = small ? 0.05 : 0.07;
  const result =
    u < 0.02
      ? 2
      : u < 0.02 + refuse
        ? 13
        : u < 0.07 + refuse
          ? 14
          : u < 0.07 + refuse + language
            ? 15
            : u < 0.08 + refuse + language
              ? 16
              : r() < 0.03
                ? 12
                : 11;
  return { stratum, preload, result, visit: result === 14 ? 3 : 1 + Math.floor(r() * r() * 3), nationality };
}

interface Member {
  sex: 'male' | 'female';
  age: number;
  nationality: string;
  bornCv: boolean;
  relationship: number;
}

function roster(r: Rand, plan: HouseholdPlan): Member[] {
  const nat = plan.nationality;
  const sexOf = (code: string) => (r() < maleShare(code) ? 'male' : 'female') as Member['sex'];
  // age groups of the foreign adults roughly as the RGPH-2021 margins (design.json sex_age)
  const adultAge = (young: number) => {
    const [lo, hi] = weighted(r, [
      [[18, 24], young],
      [[25, 34], 0.32],
      [[35, 44], 0.27],
      [[45, 64], 0.24],
      [[65, 80], 0.05],
    ] as const);
    return lo + Math.floor(r() * (hi - lo + 1));
  };
  const refAge = adultAge(0.12);
  const members: Member[] = [
    { sex: sexOf(nat), age: refAge, nationality: nat, bornCv: nat === 'XX' && r() < 0.3, relationship: 1 },
  ];
  const big = ['GN', 'ST'].includes(nat) ? 1.6 : nat === 'CN' ? 0.3 : 0.45;
  const foreignExtra = poisson(r, big);
  for (let k = 0; k < foreignExtra; k++) {
    const child = r() < 0.55;
    members.push(
      child
        ? {
            sex: r() < 0.5 ? 'male' : 'female',
            age: Math.floor(r() * 20),
            nationality: nat,
            bornCv: r() < 0.4,
            relationship: 3,
          }
        : {
            sex: r() < 0.5 ? 'male' : 'female',
            age: adultAge(0.3),
            nationality: nat,
            bornCv: false,
            relationship: pick(r, [2, 6, 8, 9]),
          },
    );
  }
  const cvMembers = poisson(r, ['PT', 'BR', 'IT', 'US', 'CN'].includes(nat) ? 0.6 : 1.3);
  for (let k = 0; k < cvMembers && members.length < 12; k++) {
    const spouse = k === 0 && r() < 0.6;
    members.push({
      sex: spouse ? (members[0].sex === 'male' ? 'female' : 'male') : r() < 0.5 ? 'male' : 'female',
      age: spouse ? Math.max(18, refAge + Math.round(normalish(r) * 6)) : Math.floor(r() * 18),
      nationality: 'CV',
      bornCv: true,
      relationship: spouse ? 2 : 3,
    });
  }
  return members;
}
const normalish = (r: Rand) => r() + r() + r() - 1.5;

const ECOWAS = ['GW', 'SN', 'NG', 'GN', 'GM', 'ML', 'GH', 'SL', 'CI', 'TG'];
const EUROPE_US = ['PT', 'IT', 'ES', 'FR', 'DE', 'NL', 'GB', 'US'];

function individual(
  r: Rand,
  m: Member,
  line: number,
  lines: number,
  members: Member[],
  version: 2 | 3,
): Answers {
  const a: Answers = {};
  const nat = m.nationality;
  const u = r();
  const fear = ECOWAS.includes(nat) ? 0.03 : 0;
  const respondent = u < 0.84 - fear ? 1 : u < 0.93 - fear ? 2 : 3;
  const adults = members.map((x, i) => ({ x, i })).filter(({ x, i }) => i !== line && x.age >= 15);
  if (respondent === 2 && !adults.length) return individual(r, m, line, lines, members, version);
  a.z01_respondent = respondent;
  if (respondent === 3) {
    a.z05p_person_result = weighted(r, [
      [23, 0.35],
      [24, 0.55],
      [25, 0.1],
    ] as const);
    return a;
  }
  a.z05p_person_result = respondent === 1 ? 21 : 22;
  if (respondent === 2) a.z01a_proxy_line = pick(r, adults).i + 1;
  const birthYear = SURVEY_YEAR - m.age;
  // D. migration
  if (!m.bornCv) {
    const yearsHere = Math.min(m.age - 1, Math.max(0, Math.round(lognormal(r, 8, 0.8))));
    const first = Math.max(birthYear + 1, SURVEY_YEAR - yearsHere);
    a.d01_year_first = first;
    a.d02_abroad_12m = r() < 0.12 ? 1 : 2;
    if (a.d02_abroad_12m === 1)
      a.d03_year_recent = Math.min(
        SURVEY_YEAR,
        first + 1 + Math.floor(r() * Math.max(1, SURVEY_YEAR - first)),
      );
    a.d04_prev_country = r() < 0.85 ? (nat === 'XX' ? 'GW' : nat) : pick(r, ['PT', 'SN', 'GW', 'FR']);
    a.d05_reason = ECOWAS.includes(nat)
      ? weighted(r, [
          [4, 45],
          [5, 25],
          [1, 20],
          [3, 5],
          [9, 5],
        ] as const)
      : ['IT', 'US'].includes(nat) && m.age >= 55
        ? 10
        : nat === 'CN'
          ? 5
          : weighted(r, [
              [3, 35],
              [1, 25],
              [2, 10],
              [7, 10],
              [6, 10],
              [10, 10],
            ] as const);
    a.d06_how_arrived = r() < 0.93 ? 1 : 2;
    a.d07_entry_document = ECOWAS.includes(nat)
      ? weighted(r, [
          [1, 80],
          [2, 10],
          [5, 10],
        ] as const)
      : weighted(r, [
          [2, 30],
          [3, 40],
          [4, 30],
        ] as const);
    a.d08_first_island = r() < 0.8 ? 7 : pick(r, [2, 4, 5]);
    a.d09_help = [
      weighted(r, [
        [1, 60],
        [2, 15],
        [3, 5],
        [0, 20],
      ] as const),
    ];
    if (r() < 0.7) a.d10_cost = r() < 0.1 ? -98 : Math.round(lognormal(r, 90000, 0.6));
  }
  // E. legal status
  const irregular = ECOWAS.includes(nat) ? 0.18 : 0.03;
  a.e01_residence_status =
    nat === 'XX'
      ? weighted(r, [
          [4, 40],
          [7, 40],
          [98, 20],
        ] as const)
      : r() < irregular
        ? pick(r, [3, 4, 7])
        : ECOWAS.includes(nat)
          ? weighted(r, [
              [1, 45],
              [2, 15],
              [6, 40],
            ] as const)
          : weighted(r, [
              [1, 55],
              [2, 35],
              [5, 9],
              [8, 1],
            ] as const);
  if (a.e01_residence_status !== 8)
    a.e02_regularisation = ECOWAS.includes(nat)
      ? weighted(r, [
          [1, 30],
          [2, 15],
          [3, 5],
          [4, 30],
          [5, 15],
          [6, 5],
        ] as const)
      : 4;
  a.e03_doc_difficulties = r() < 0.4 ? [0] : [pick(r, [1, 2, 3, 5, 7])];
  a.e04_nif = r() < 0.7 ? 1 : 2;
  const employedDraw = r();
  const retired = ['IT', 'US', 'PT'].includes(nat) && m.age >= 60 ? 0.75 : m.age >= 65 ? 0.6 : 0;
  const lf =
    employedDraw < retired
      ? 'out'
      : employedDraw < retired + (1 - retired) * 0.78
        ? 'employed'
        : employedDraw < retired + (1 - retired) * 0.85
          ? 'unemployed'
          : 'out';
  a.e05_inps = lf === 'employed' ? (r() < 0.56 ? 1 : 2) : r() < 0.25 ? 1 : 2;
  a.e06_nationality_intent = weighted(r, [
    [1, 5],
    [2, 20],
    [3, 60],
    [98, 15],
  ] as const);
  if (nat !== 'XX') a.e07_passport = r() < 0.85 ? 1 : 2;
  // F. education and language
  a.f01_literate = r() < 0.88 ? 1 : 2;
  a.f02_education =
    a.f01_literate === 2
      ? 0
      : EUROPE_US.includes(nat)
        ? pick(r, [31, 32, 5, 6, 6, 7])
        : pick(r, [10, 1, 2, 2, 31, 32, 6]);
  if (a.f02_education !== 0 && a.f02_education !== 98) {
    a.f03_edu_country = r() < 0.9 ? (nat === 'XX' ? 'GW' : nat) : 'CV';
    if ([31, 32, 4, 5, 6, 7, 8].includes(a.f02_education as number) && a.f03_edu_country !== 'CV')
      a.f04_recognised = weighted(r, [
        [1, 20],
        [2, 10],
        [3, 65],
        [4, 5],
      ] as const);
  }
  a.f05_studying = m.age < 25 && r() < 0.3 ? 1 : 2;
  a.f06_mother_tongue = motherTongue(r, nat);
  if (r() < 0.7) a.f07_other_languages = ['kea'];
  const ptNative = ['PT', 'BR', 'ST', 'AO', 'MZ'].includes(nat);
  a.f08_pt_speak = ptNative ? 1 : nat === 'CN' ? pick(r, [3, 4]) : pick(r, [2, 2, 3, 1]);
  if (a.f08_pt_speak !== 1)
    a.f09_pt_understand = Math.max(1, (a.f08_pt_speak as number) - (r() < 0.5 ? 1 : 0));
  a.f10_kea_speak = nat === 'CN' ? pick(r, [2, 3]) : ptNative ? pick(r, [2, 3]) : pick(r, [1, 1, 2]);
  a.f11_pt_course = r() < 0.85 ? 1 : pick(r, [2, 3, 4]);
  // G. work
  if (lf === 'employed') {
    a.g01_worked = 1;
    job(r, a, m);
  } else {
    a.g01_worked = 2;
    a.g02_absent = 2;
    a.g04_searched = lf === 'unemployed' ? 1 : 2;
    if (a.g04_searched === 1) a.g05_search_methods = [pick(r, [1, 2, 4, 5])];
    else a.g07_not_search_reason = retired ? 3 : pick(r, [1, 2, 5, 6]);
    a.g06_available = lf === 'unemployed' ? 1 : 2;
    // household.v3: a person not searching is asked whether a job is arranged to start (future starter)
    if (version >= 3 && a.g04_searched === 2) a.g06a_future_start = 2;
  }
  if (!m.bornCv) {
    a.g16_work_before = r() < 0.6 ? 1 : 2;
    if (a.g16_work_before === 1) a.g16a_isco_before = pick(r, [5, 7, 9, 2, 3]);
  }
  if (respondent === 2) return a;
  // I-M: self-response only
  a.i01_health_cover = a.e05_inps === 1 ? 1 : EUROPE_US.includes(nat) && r() < 0.4 ? 2 : 3;
  a.i02_care_needed = r() < 0.45 ? 1 : 2;
  if (a.i02_care_needed === 1) {
    a.i03_care_obtained = weighted(r, [
      [1, 70],
      [2, 22],
      [3, 8],
    ] as const);
    if (a.i03_care_obtained !== 1) a.i04_care_barriers = [pick(r, [1, 2, 3, 5, 6])];
  }
  a.i05_aai_use = weighted(r, [
    [1, 15],
    [2, 10],
    [3, 40],
    [4, 35],
  ] as const);
  const remit = r() < (EUROPE_US.includes(nat) ? 0.35 : 0.64);
  a.j01_remit = remit ? 1 : 2;
  if (remit) {
    a.j02_remit_country = nat === 'XX' ? 'GW' : nat;
    a.j03_remit_frequency = weighted(r, [
      [1, 50],
      [2, 25],
      [3, 15],
      [5, 10],
    ] as const);
    a.j04_remit_amount =
      r() < 0.05 ? -99 : Math.min(2000000, Math.round(lognormal(r, nat === 'CN' ? 65000 : 13000, 0.9)));
    a.j05_remit_channel = weighted(r, [
      [2, 55],
      [1, 15],
      [3, 20],
      [4, 10],
    ] as const);
    a.j06_remit_use = weighted(r, [
      [1, 70],
      [2, 10],
      [3, 5],
      [4, 10],
      [5, 5],
    ] as const);
  }
  a.j07_received = r() < 0.1 ? 1 : 2;
  a.j08_family_contact = weighted(r, [
    [1, 40],
    [2, 40],
    [3, 15],
    [4, 5],
  ] as const);
  const perceives = r() < 0.39;
  const yn = (p: number) => (r() < p ? 1 : 2);
  a.k01a_perceived_colour = yn(perceives ? 0.6 : 0.15);
  a.k01b_perceived_sex = yn(0.2);
  a.k01c_perceived_religion = yn(0.1);
  a.k01d_perceived_language = yn(0.25);
  a.k01e_perceived_origin = perceives ? 1 : 2;
  a.k01f_perceived_pay = r() < 0.05 ? 98 : yn(0.3);
  a.k02_felt_discriminated = r() < (ECOWAS.includes(nat) ? 0.37 : 0.22) ? 1 : 2;
  if (a.k02_felt_discriminated === 1) {
    a.k03_grounds = [pick(r, [1, 5, 4])];
    a.k04_situations = [pick(r, [1, 2, 3, 6, 8])];
    a.k05_reported = r() < 0.85 ? 1 : pick(r, [2, 3, 5]);
  }
  a.k06_knows_support = yn(0.3);
  a.l01_integrated = weighted(r, [
    [1, 35],
    [2, 48],
    [3, 12],
    [4, 3],
    [98, 2],
  ] as const);
  a.l02_cv_friends = pick(r, [2, 3, 4, 3]);
  a.l03_associations = r() < 0.7 ? [0] : [pick(r, [1, 2, 3])];
  a.l04_religion = ['SN', 'GN', 'GM', 'ML'].includes(nat)
    ? 3
    : nat === 'CN'
      ? pick(r, [5, 6])
      : nat === 'GW'
        ? pick(r, [1, 3, 2])
        : pick(r, [1, 1, 2, 6]);
  a.l05a_trust_police = pick(r, [1, 2, 3, 4]);
  a.l05b_trust_health = pick(r, [1, 2, 2, 3]);
  a.l05c_trust_municipality = pick(r, [2, 3, 3, 4]);
  a.l05d_trust_aai = pick(r, [1, 2, 3, 3]);
  a.l06_life_satisfaction = Math.max(0, Math.min(10, Math.round(6.5 + normalish(r) * 3)));
  a.m01_plan_5y = weighted(r, [
    [1, 70],
    [2, 12],
    [3, 8],
    [98, 10],
  ] as const);
  if (a.m01_plan_5y === 1) a.m02_bring_family = pick(r, [1, 2, 3]);
  if (a.m01_plan_5y === 3) a.m03_destination_region = pick(r, [1, 2, 3]);
  if (a.m01_plan_5y !== 98)
    a.m04_plan_reason = weighted(r, [
      [1, 55],
      [2, 30],
      [3, 5],
      [4, 5],
      [6, 5],
    ] as const);
  return a;
}

function job(r: Rand, a: Answers, m: Member) {
  const nat = m.nationality;
  const [occupation, isco, activity, isic, icse] = ((): [string, number, string, string, number] => {
    if (['SN', 'NG', 'GN', 'GM', 'ML'].includes(nat))
      return ['comerciante', 5, 'comércio de roupa e calçado', 'G', 2];
    if (nat === 'GW' && m.sex === 'male')
      return r() < 0.7 ? ['pedreiro', 7, 'construção civil', 'F', 4] : ['vendedor', 5, 'comércio', 'G', 2];
    if (nat === 'GW')
      return r() < 0.6
        ? ['empregada doméstica', 9, 'trabalho doméstico', 'T', 4]
        : ['vendedeira', 5, 'comércio no mercado', 'G', 2];
    if (nat === 'CN') return ['lojista', 5, 'loja de artigos diversos', 'G', r() < 0.5 ? 1 : 2];
    if (EUROPE_US.includes(nat) || nat === 'BR')
      return r() < 0.5 ? ['gerente de hotel', 1, 'hotelaria', 'I', 4] : ['professor', 2, 'educação', 'P', 4];
    return ['empregado de mesa', 5, 'restauração', 'I', 4];
  })();
  a.g08_occupation = occupation;
  a.g08a_isco = isco;
  a.g09_activity = activity;
  a.g09a_isic = isic;
  a.g10_icse = icse;
  if (icse === 4)
    a.g11_contract = weighted(r, [
      [1, 30],
      [2, 25],
      [3, 35],
      [4, 10],
    ] as const);
  a.g12_inps_job = a.e05_inps === 1 ? 1 : r() < 0.8 ? 2 : 98;
  a.g13_hours = Math.max(4, Math.min(72, Math.round(44 + normalish(r) * 14)));
  const income =
    Math.round(lognormal(r, nat === 'CN' || EUROPE_US.includes(nat) ? 70000 : 28000, 0.6) / 500) * 500;
  if (r() < 0.06) {
    a.g14_income = -99;
    a.g14a_income_band =
      income < 15000 ? 1 : income < 30000 ? 2 : income < 50000 ? 3 : income < 100000 ? 4 : 5;
  } else a.g14_income = Math.min(5000000, income);
  a.g15_skills_match = weighted(r, [
    [1, 70],
    [2, 25],
    [3, 5],
  ] as const);
}

export interface GeneratedHousehold {
  answers: Answers;
  locale: 'pt' | 'kea' | 'fr' | 'en' | 'wo' | 'zh-Hans';
  /** Members (for tests and the dashboard), with the nationality group truth. */
  members: Member[];
  hhClass: string;
  /** The household result recorded (z05_hh_result): the plan's, unless v3 requires another. */
  result: HouseholdPlan['result'];
}

/**
 * household.v3's interview date and visit log, drawn without the random stream: one line per visit, a
 * week apart, the earlier ones without contact, the last one with the plan's outcome.
 */
function visitLog(plan: HouseholdPlan): Answers {
  const day = (k: number) => `${SURVEY_YEAR}-10-${String(1 + 7 * k).padStart(2, '0')}`;
  const last = plan.result === 14 ? 2 : plan.result === 13 ? 4 : plan.result === 16 ? 96 : 1;
  return {
    a07a_date: day(plan.visit - 1),
    a07b_visits: Array.from({ length: plan.visit }, (_, k) => ({
      a07c_visit_date: day(k),
      a07e_visit_result: k === plan.visit - 1 ? last : 2,
    })),
  };
}

/**
 * The answers of one household visit for the plan (nonresponse ends after the cover), shaped for
 * household.v3 (the fielded version) or, with `version` 2, for household.v2 as before v3 existed (the
 * shape the validation fixtures were judged on). Both draw the same random numbers, so a seed gives the
 * same households in either shape.
 */
export function householdAnswers(r: Rand, plan: HouseholdPlan, version: 2 | 3 = 3): GeneratedHousehold {
  const lang = interviewLanguage(r, plan.nationality);
  const cover: Answers = {
    ...plan.preload,
    a07_visit: plan.visit,
    ...(version >= 3 ? { ...visitLog(plan), a07f_contact: 1 } : {}),
    a08_language: lang.a08,
  };
  if (lang.a08 !== 1) cover.a09_interpreter = plan.result === 15 ? 1 : r() < 0.85 ? 1 : pick(r, [2, 3]);
  const base = {
    locale: lang.locale,
    members: [] as Member[],
    hhClass: hhClassOf(plan.nationality),
    result: plan.result,
  };
  if (version >= 3 && plan.result === 14) {
    // household.v3: a visit without contact asks nothing else (no language, no consent)
    const { a08_language: _l, a09_interpreter: _i, ...visit } = cover;
    return { ...base, answers: { ...visit, a07f_contact: 2, z05_hh_result: 14 } };
  }
  if (plan.result === 14 || plan.result === 15 || plan.result === 16)
    // household.v2: A10 records that no interview was possible; v1 had no way to say it
    return { ...base, answers: { ...cover, a10_consent: 3, z05_hh_result: plan.result } };
  if (plan.result === 13) return { ...base, answers: { ...cover, a10_consent: 2, z05_hh_result: 13 } };
  if (plan.result === 2) {
    const n = 1 + poisson(r, 2);
    // household.v3 rosters a household with someone born abroad (extended universe); the simulated
    // ineligible households stay without a roster (so the weights are those of the baseline): nobody born
    // abroad. The draw is kept so that the random stream, and every other household, stays as it was.
    const bornAbroad = r() < 0.3 && version < 3 ? 1 : 2;
    return {
      ...base,
      answers: {
        ...cover,
        a10_consent: 1,
        b01_residents: n,
        b02_foreign_nat: 2,
        b03_stateless: 2,
        b04_foreign_born: bornAbroad,
        z03_understanding: 1,
        z05_hh_result: 2,
      },
    };
  }
  const members = roster(r, plan);
  const rows = members.map((m, i) => {
    const row: Answers = {
      c01_name: pick(r, FIRST_NAMES[m.sex]),
      c02_relationship: m.relationship,
      c03_sex: m.sex === 'male' ? 1 : 2,
      c05_age: m.age,
      c06_birth_country: m.bornCv ? 'CV' : m.nationality === 'XX' ? 'GW' : m.nationality,
      c07_nationality1: m.nationality,
    };
    if (m.bornCv) row.c06a_birth_island = plan.preload.a02_island ?? 7;
    if (m.nationality !== 'XX') row.c08_other_nationality = 2;
    if (m.age >= 15)
      row.c10_marital =
        m.relationship === 2 || (i === 0 && r() < 0.5)
          ? pick(r, [2, 3])
          : m.age < 25
            ? 1
            : pick(r, [1, 2, 3, 4]);
    if (m.nationality !== 'CV') row.c11_cv_ancestry = r() < 0.19 ? 1 : r() < 0.95 ? 2 : 98;
    if (m.age >= 4 && m.age <= 24) row.c12_in_school = m.age < 18 ? 1 : r() < 0.3 ? 1 : 2;
    if (m.nationality !== 'CV' && m.age >= 15)
      Object.assign(row, individual(r, m, i, members.length, members, version));
    return row;
  });
  if (plan.result === 12) {
    // partial: the individual modules of the last adult eligible member could not be done
    const k = rows.findLastIndex((x) => x.z01_respondent !== undefined);
    if (k >= 0)
      rows[k] = Object.fromEntries(Object.entries(rows[k]).filter(([key]) => key.startsWith('c'))) as Answers;
    if (k >= 0) Object.assign(rows[k], { z01_respondent: 3, z05p_person_result: 24 });
  }
  if (version >= 3) {
    const { a04_ea, a05_dwelling, a06_household } = plan.preload;
    addV3Content(`${a04_ea}-${a05_dwelling}-${a06_household}`, rows);
  }
  // household.v3 forbids result 11 when every eligible person is a non-interview (23-25): with consent
  // and an eligible roster, the honest result is then 12 (partial; 2, 13 and 14-16 contradict A10 and B05)
  const individuals = rows.filter((x) => x.z05p_person_result !== undefined);
  const nobodyInterviewed =
    individuals.length > 0 &&
    individuals.every((x) => ![21, 22, 26].includes(x.z05p_person_result as number));
  const result = version >= 3 && plan.result === 11 && nobodyInterviewed ? 12 : plan.result;
  const foreignBorn = members.some((m) => !m.bornCv);
  const answers: Answers = {
    ...cover,
    a10_consent: 1,
    b01_residents: members.length,
    b02_foreign_nat: members.some((m) => m.nationality !== 'CV' && m.nationality !== 'XX') ? 1 : 2,
    b03_stateless: members.some((m) => m.nationality === 'XX') ? 1 : 2,
    b04_foreign_born: foreignBorn ? 1 : 2,
    members: rows,
    h01_dwelling_type: weighted(r, [
      [1, 40],
      [2, 30],
      [3, 20],
      [4, 5],
      [5, 5],
    ] as const),
    h02_tenure: weighted(r, [
      [1, 10],
      [3, 65],
      [4, 10],
      [5, 10],
      [6, 5],
    ] as const),
    h04_sleeping_rooms: Math.max(1, Math.min(6, Math.round(members.length / 2 + r()))),
    h05_water: weighted(r, [
      [1, 60],
      [2, 20],
      [3, 5],
      [4, 10],
      [5, 5],
    ] as const),
    h06_lighting: r() < 0.95 ? 1 : 3,
    h07_toilet: r() < 0.85 ? 1 : pick(r, [2, 3]),
    h08_assets: [3, ...(r() < 0.6 ? [1] : []), ...(r() < 0.5 ? [2] : [])],
    z02_others_present: r() < 0.3 ? 1 : 2,
    z03_understanding: weighted(r, [
      [1, 75],
      [2, 20],
      [3, 5],
    ] as const),
    z05_hh_result: result,
  };
  if (answers.h02_tenure === 3) answers.h03_rent = Math.round(lognormal(r, 15000, 0.5) / 500) * 500;
  if (version >= 3) {
    const { a04_ea, a05_dwelling, a06_household } = plan.preload;
    addV3Household(`${a04_ea}-${a05_dwelling}-${a06_household}`, answers, rows);
  }
  return { ...base, answers, members, result };
}
