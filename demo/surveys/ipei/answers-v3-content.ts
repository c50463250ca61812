/**
 * The simulated answers to the content household.v3 added late in issue 18 (years of schooling, self-rated
 * health and the Washington Group short set, remittances over 12 months with recipient and cost, the SDG
 * 10.3.1 grounds, local voting). They are drawn from a stream of their own, seeded by the household's key
 * and the roster line, so the main stream of the simulator (and with it every household, result, roster
 * and weight of the demo) stays as it was; the v2 answer shape never gets them. The work items added after
 * them (informality, second job, actual hours, underemployment) draw from a second stream of their own, so
 * the first stream's answers stay as they were too.
 */
import { seededUniform, seedFrom } from '../../../analysis/sampling/rng.ts';
import { pick, type Rand, weighted } from './population.ts';

type Answers = Record<string, unknown>;

/** Typical years of schooling for each completed level of F02 (ISCED). */
const YEARS: Record<number, readonly number[]> = {
  0: [0],
  10: [1, 2, 3, 4, 5],
  1: [6],
  2: [8, 9],
  31: [12],
  32: [12],
  4: [13],
  5: [14],
  6: [15, 16],
  7: [17, 18],
  8: [21],
};

function schooling(r: Rand, row: Answers): void {
  const level = row.f02_education as number;
  if (level === undefined) return;
  const years = level === 98 ? -98 : pick(r, YEARS[level] ?? [6]);
  row.f02a_years_school = years < 0 ? years : Math.min(years, (row.c05_age as number) - 3);
}

function health(r: Rand, row: Answers): void {
  const age = row.c05_age as number;
  row.i06_self_health = weighted(r, [
    [1, age < 40 ? 35 : 15],
    [2, 45],
    [3, age < 40 ? 15 : 30],
    [4, 4],
    [5, 1],
  ] as const);
  for (const name of [
    'i07a_wg_seeing',
    'i07b_wg_hearing',
    'i07c_wg_walking',
    'i07d_wg_remembering',
    'i07e_wg_selfcare',
    'i07f_wg_communicating',
  ])
    row[name] = weighted(r, [
      [1, age < 50 ? 90 : 70],
      [2, age < 50 ? 8 : 22],
      [3, age < 50 ? 1.5 : 6],
      [4, age < 50 ? 0.5 : 2],
    ] as const);
}

function remittances(r: Rand, row: Answers): void {
  const monthly = row.j04_remit_amount as number;
  const months = { 1: 12, 2: 5, 3: 3, 4: 1, 5: 4 }[row.j03_remit_frequency as 1 | 2 | 3 | 4 | 5] ?? 4;
  row.j09_remit_total_12m =
    monthly < 0
      ? monthly
      : Math.min(20000000, Math.round((monthly * months * (0.9 + 0.2 * r())) / 100) * 100);
  row.j10_remit_recipient = weighted(r, [
    [3, 40],
    [2, 25],
    [1, 15],
    [4, 12],
    [5, 6],
    [6, 2],
  ] as const);
  const total = row.j09_remit_total_12m as number;
  const last = monthly < 0 ? -99 : Math.min(total, Math.round(monthly / 100) * 100);
  row.j11_last_amount = last;
  row.j12_last_fee =
    last < 0
      ? -98
      : r() < 0.1
        ? -98
        : Math.round(last * (row.j05_remit_channel === 4 ? 0 : 0.03 + 0.07 * r()));
}

/** Informality, a second job, actual hours of the reference week and underemployment, for an employed row. */
function work(r: Rand, row: Answers): void {
  const icse = row.g10_icse as number;
  if ([1, 2, 5].includes(icse))
    row.g12a_registered = icse === 1 ? (r() < 0.8 ? 1 : 2) : r() < 0.35 ? 1 : r() < 0.9 ? 2 : 98;
  else {
    const covered = row.g12_inps_job === 1;
    row.g12b_paid_leave = covered ? (r() < 0.9 ? 1 : 2) : r() < 0.25 ? 1 : r() < 0.9 ? 2 : 98;
    row.g12c_sick_leave = covered ? (r() < 0.85 ? 1 : 2) : r() < 0.2 ? 1 : r() < 0.9 ? 2 : 98;
  }
  row.g13a_second_job = r() < 0.08 ? 1 : 2;
  const usual = row.g13_hours as number;
  row.g13b_hours_main = r() < 0.8 ? usual : Math.max(1, Math.min(98, Math.round(usual * (0.5 + r()))));
  if (row.g13a_second_job === 1) row.g13c_hours_other = 4 + Math.floor(r() * 17);
  const short = usual < 35;
  row.g13d_wants_more = r() < (short ? 0.45 : 0.12) ? 1 : 2;
  if (row.g13d_wants_more === 1) row.g13e_available_more = r() < 0.8 ? 1 : 2;
}

/**
 * Individual consent (Z01b, and a parent's or guardian's at 15-17, Z01c): every simulated person with a
 * respondent consents, with no draw, so no stream moves; the refusals stay the non-interviews (23) drawn
 * before.
 */
function consent(row: Answers): void {
  row.z01b_consent = 1;
  if ((row.c05_age as number) <= 17) row.z01c_guardian_consent = 1;
}

/** Adds the late v3 content to the answered rows of one household (rows in roster order). */
export function addV3Content(householdKey: string, rows: Answers[]): void {
  rows.forEach((row, line) => {
    if (row.z01_respondent !== 1 && row.z01_respondent !== 2) return;
    consent(row);
    const r = seededUniform(seedFrom(`${householdKey}:${line + 1}`, 18));
    schooling(r, row);
    if (row.g10_icse !== undefined) work(seededUniform(seedFrom(`${householdKey}:${line + 1}`, 181)), row);
    if (row.i01_health_cover === undefined) return; // proxy: the self-response modules are not asked
    health(r, row);
    if (row.j01_remit === 1) remittances(r, row);
    if (row.k02_felt_discriminated === 1 && r() < 0.35)
      row.k03_grounds = [...(row.k03_grounds as number[]), 10];
    row.l07_vote_registered = row.e01_residence_status === 2 && r() < 0.3 ? 1 : r() < 0.9 ? 2 : 98;
    if (row.l07_vote_registered === 1) row.l08_voted_local = r() < 0.6 ? 1 : 2;
  });
}

/**
 * The household's economic condition (H10 income band, H11 making ends meet), from a third stream of its
 * own (seeded by the household key): the band covers at least the members' job incomes (G14), with other
 * sources on top; 8% don't know, 3% refuse.
 */
export function addV3Household(householdKey: string, answers: Answers, rows: Answers[]): void {
  const r = seededUniform(seedFrom(householdKey, 182));
  const jobs = rows.reduce((sum, row) => sum + Math.max(0, (row.g14_income as number | undefined) ?? 0), 0);
  const total = jobs * (1 + 0.3 * r()) + (r() < 0.3 ? 5000 + 20000 * r() : 0);
  const u = r();
  answers.h10_hh_income_band =
    u < 0.08
      ? 98
      : u < 0.11
        ? 99
        : [15000, 30000, 50000, 100000, 200000].findIndex((upper) => total < upper) + 1 || 6;
  const band = answers.h10_hh_income_band as number;
  const ease = band > 6 ? 3 : Math.min(6, Math.max(1, Math.round(band * 0.8 + (r() - 0.5) * 2)));
  answers.h11_make_ends_meet = r() < 0.04 ? 98 : ease;
}
