/**
 * One simulated household visit's random draws, in the order the fieldwork simulator has always made
 * them from its enumerator's stream: the plan (result, visits), the answers (roster and modules), the
 * interview's length, the GPS offset, the start hour, one draw per questionnaire page, the interview id
 * and the GPS accuracy. fieldwork.ts plays it and uploads the interview; listed-sizes.ts plays the same
 * visits ahead of the listing, on a copy of each enumerator's stream, to know each drawn household's true
 * size, so the listing and the roster describe the same household.
 */

import { seededUuid } from '../seeded-uuid.ts';
import { type GeneratedHousehold, type HouseholdPlan, householdAnswers, planHousehold } from './answers.ts';
import type { Rand } from './population.ts';

/** The pages of household.v3, in order (the paradata's page times). */
export const PAGES = [
  'a_cover',
  'b_screener',
  'c_roster',
  'h_housing',
  'p_respondent',
  'd_migration',
  'e_legal',
  'f_education',
  'g_work',
  'i_health',
  'j_remittances',
  'k_discrimination',
  'l_integration',
  'm_intentions',
  'z_closing',
];

export interface SimulatedVisit {
  plan: HouseholdPlan;
  generated: GeneratedHousehold;
  /** Length of the interview in minutes. */
  minutes: number;
  /** The GPS fix's offset from the EA's centre, in degrees. */
  dLat: number;
  dLon: number;
  /** Hour of the day the interview starts (8 to 17). */
  hour: number;
  /** One draw per page of PAGES, whether visited or not. */
  pageDraws: number[];
  interviewId: string;
  accuracyM: number;
}

/**
 * The visit of one assigned household. `nationality`: the reference person's, as the listing recorded it
 * (else the plan's own draw stands).
 */
export function simulateVisit(
  r: Rand,
  stratum: string,
  preload: Record<string, unknown>,
  nationality: string | undefined,
): SimulatedVisit {
  const plan = planHousehold(r, stratum, preload);
  plan.nationality = nationality ?? plan.nationality;
  const generated = householdAnswers(r, plan);
  const individuals = ((generated.answers.members as unknown[] | undefined) ?? []).length;
  const minutes =
    plan.result === 11 || plan.result === 12 ? 22 + 7 * individuals + 10 * (r() - 0.5) : 3 + 4 * r();
  const dLat = (r() - 0.5) * 0.01;
  const dLon = (r() - 0.5) * 0.01;
  const hour = 8 + r() * 9;
  // one draw per page of the questionnaire, whether visited or not, so that the random stream of
  // everything after (and the seeded demo the weighting tests are tuned on) does not depend on it
  const pageDraws = PAGES.map(() => r());
  const interviewId = seededUuid(r);
  const accuracyM = Math.round(4 + r() * 20);
  return { plan, generated, minutes, dLat, dLon, hour, pageDraws, interviewId, accuracyM };
}
